// .xlsx (and legacy .xls) through SheetJS (@e965/xlsx), loaded only when such a file arrives so
// CSV users never download it. Values only: cached results of formulas, never the formulas.
import { ImportError } from './import-error';
import { importLimits } from './limits';
import type { TableRow } from './table';
import { checkXlsxZip } from './zip-guard';

export interface WorkbookResult {
  rows: TableRow[];
  sheet: string;
  sheetNames: string[];
  warnings: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell value as the text we store: dates as ISO, numbers in JS's shortest form. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    // SheetJS builds dates in local time; read them back the same way.
    const date = `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
    const hasTime = v.getHours() || v.getMinutes() || v.getSeconds();
    return hasTime ? `${date}T${pad(v.getHours())}:${pad(v.getMinutes())}:${pad(v.getSeconds())}` : date;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

export async function readWorkbook(bytes: Uint8Array, kind: 'xlsx' | 'xls', signal?: AbortSignal, sheet?: string): Promise<WorkbookResult> {
  if (kind === 'xlsx') bytes = (await checkXlsxZip(bytes, signal)).utf8Copy ?? bytes;
  const XLSX = await import('@e965/xlsx');
  if (signal?.aborted) throw new ImportError('cancelled', 'Import cancelled.');
  let wb: import('@e965/xlsx').WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellDates: true,
      dense: true, // rows as arrays: less memory and faster on big sheets
      sheetStubs: false,
      bookVBA: false,
      bookDeps: false,
      // Values only; never more rows than we would import.
      sheetRows: importLimits.maxRows + 12,
      WTF: false,
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(msg)) throw new ImportError('legacy_encrypted', 'The workbook is password-protected. Remove the password in Excel and try again.', []);
    throw new ImportError('not_a_workbook', `The workbook could not be read (${msg.slice(0, 120)}).`, [msg.slice(0, 120)]);
  }
  const warnings: string[] = [];
  const visible = wb.SheetNames.filter((_, i) => !wb.Workbook?.Sheets?.[i]?.Hidden);
  const order = sheet !== undefined ? [sheet] : [...visible, ...wb.SheetNames.filter((n) => !visible.includes(n))];
  for (const name of order) {
    const ws = wb.Sheets[name];
    if (!ws?.['!ref']) continue;
    const full = XLSX.utils.decode_range(ws['!fullref'] ?? ws['!ref']);
    if (full.e.r - full.s.r > importLimits.maxRows) {
      throw new ImportError('too_many_rows', `The sheet has more than ${importLimits.maxRows} rows.`, [String(importLimits.maxRows)]);
    }
    const range = XLSX.utils.decode_range(ws['!ref']);
    if (range.e.c >= importLimits.maxColumns) {
      // Clip instead of refusing: stray formatting far to the right is common.
      warnings.push(`Columns after ${importLimits.maxColumns} were ignored.`);
      range.e.c = importLimits.maxColumns - 1;
    }
    const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: '', blankrows: true, range });
    const rows: TableRow[] = [];
    grid.forEach((cells, i) => {
      const texts = cells.map(cellText);
      if (texts.some((t) => t.trim() !== '')) rows.push({ n: range.s.r + i + 1, cells: texts });
    });
    if (rows.length) return { rows, sheet: name, sheetNames: wb.SheetNames, warnings };
  }
  return { rows: [], sheet: wb.SheetNames[0] ?? '', sheetNames: wb.SheetNames, warnings };
}
