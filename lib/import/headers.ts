// Header rows: where the table starts, and names that are safe and unique. Header names are only
// ever used as Map keys or array labels, never as object keys, so "__proto__" or "constructor"
// cannot reach a prototype.
import { isBlankRow, type Table, type TableMeta, type TableRow } from './table';
import { ImportError } from './import-error';

/** Blank headers become "Column C" (the spreadsheet letter); repeats get " (2)", " (3)". */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.replace(/\s+/g, ' ').trim() || `Column ${columnLetter(i)}`;
    let name = base;
    let k = seen.get(base.toLowerCase()) ?? 0;
    while (seen.has(name.toLowerCase())) name = `${base} (${++k + 1})`;
    seen.set(base.toLowerCase(), k);
    seen.set(name.toLowerCase(), 0);
    return name;
  });
}

export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const HEADER_SCAN = 10;

/**
 * Finds the header row: the first non-blank row, unless a later row among the first ten looks far
 * more like headers to `score` (report sheets often carry a title and blank lines above the table).
 */
export function pickHeaderRow(rows: readonly TableRow[], score: (cells: string[]) => number): number {
  const candidates = rows.slice(0, HEADER_SCAN).map((r, i) => ({ i, r })).filter(({ r }) => !isBlankRow(r.cells));
  if (!candidates.length) return -1;
  let best = candidates[0];
  let bestScore = score(best.r.cells);
  for (const c of candidates.slice(1)) {
    const s = score(c.r.cells);
    if (s > bestScore + 1) {
      best = c;
      bestScore = s;
    }
  }
  return best.i;
}

/** Splits rows into header and data, pads/trims data rows to the header width, drops blank rows. */
export function tableFromRows(rows: readonly TableRow[], meta: Omit<TableMeta, 'headerRow'>, score: (cells: string[]) => number): Table {
  const h = pickHeaderRow(rows, score);
  if (h < 0) throw new ImportError('empty', 'The file has no rows.');
  const headerCells = rows[h].cells;
  // Width: the last column with a header or any data. Trailing empty columns are noise
  // (Thunderbird ends every row with ",").
  const data = rows.slice(h + 1).filter((r) => !isBlankRow(r.cells));
  const lastFilled = (cells: readonly string[]) => {
    let i = cells.length;
    while (i > 0 && cells[i - 1].trim() === '') i--;
    return i;
  };
  const width = data.reduce((m, r) => Math.max(m, lastFilled(r.cells)), lastFilled(headerCells));
  const headers = uniqueHeaders(Array.from({ length: width }, (_, i) => headerCells[i] ?? ''));
  return {
    headers,
    rows: data.map((r) => ({ n: r.n, cells: r.cells.length === width ? r.cells : Array.from({ length: width }, (_, i) => r.cells[i] ?? '') })),
    meta: { ...meta, headerRow: rows[h].n },
  };
}
