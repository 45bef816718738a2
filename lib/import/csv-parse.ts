// CSV and TSV through PapaParse, in chunks (its streaming mode) so a worker can report progress
// and stop on cancel. Adds what Papa leaves to us: Excel's "sep=;" first line, a delimiter guess
// limited to what spreadsheets write, and the row/column limits.
import Papa from 'papaparse';
import { ImportError } from './import-error';
import { importLimits } from './limits';
import type { TableRow } from './table';

export const csvDelimiters = [',', ';', '\t', '|'] as const;

/** Papa with our defaults; every option can be overridden (the PapaParse case suite does). */
export function parseCsvText(text: string, config: Papa.ParseConfig = {}): Papa.ParseResult<unknown> {
  return Papa.parse(text, { delimitersToGuess: [...csvDelimiters], ...config } as Papa.ParseConfig);
}

/** Excel writes `sep=;` as the first line of CSV meant for another locale. */
export function takeSepLine(text: string): { text: string; delimiter?: string; lines: number } {
  const m = /^sep=(.)\r?\n?/.exec(text);
  if (!m) return { text, lines: 0 };
  return { text: text.slice(m[0].length), delimiter: m[1], lines: 1 };
}

/** The delimiter that splits the first lines into the most consistent, widest rows (the usual
 * width wins, so a title line above the table does not decide). */
export function guessDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best: string = ',';
  let bestScore = 0;
  for (const d of csvDelimiters) {
    const r = Papa.parse<string[]>(sample, { delimiter: d, preview: 30, skipEmptyLines: true });
    const counts = new Map<number, number>();
    for (const row of r.data) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let width = 0;
    let freq = 0;
    for (const [w, c] of counts) if (w >= 2 && (c > freq || (c === freq && w > width))) [width, freq] = [w, c];
    if (!width) continue;
    const score = (freq / r.data.length) * width;
    if (score > bestScore + 1e-9) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export interface CsvStreamOptions {
  /** Called with each batch of rows in file order; the first row is normally the header. */
  onRows: (rows: TableRow[]) => void;
  /** Share of the text parsed so far, 0..1. */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
  delimiter?: string;
  chunkSize?: number;
  maxRows?: number;
}

export interface CsvStreamResult {
  delimiter: string;
  rows: number;
}

/**
 * Parses CSV text in chunks. Rows keep their record number (header = 1). Throws ImportError on
 * cancel and when the file has more rows or columns than the limits.
 */
export function streamCsv(input: string, opts: CsvStreamOptions): Promise<CsvStreamResult> {
  const sep = takeSepLine(input);
  const text = sep.text;
  const delimiter = opts.delimiter ?? sep.delimiter ?? guessDelimiter(text);
  const maxRows = opts.maxRows ?? importLimits.maxRows + 1;
  let n = sep.lines;
  let failure: unknown;
  return new Promise<CsvStreamResult>((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter,
      chunkSize: opts.chunkSize ?? 1024 * 1024,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        try {
          if (opts.signal?.aborted) throw new ImportError('cancelled', 'Import cancelled.');
          const batch: TableRow[] = [];
          for (const cells of results.data) {
            n++;
            if (cells.length === 1 && cells[0] === '') continue; // blank line
            if (cells.length > importLimits.maxColumns) {
              throw new ImportError('too_many_columns', `Row ${n} has ${cells.length} columns; the limit is ${importLimits.maxColumns}.`, [String(n), String(cells.length), String(importLimits.maxColumns)]);
            }
            batch.push({ n, cells });
          }
          if (n > maxRows) {
            throw new ImportError('too_many_rows', `The file has more than ${maxRows - 1} rows.`, [String(maxRows - 1)]);
          }
          opts.onRows(batch);
          opts.onProgress?.(Math.min(1, (results.meta.cursor ?? 0) / Math.max(1, text.length)));
        } catch (err) {
          failure = err;
          parser.abort();
        }
      },
      complete: () => {
        if (failure) reject(failure);
        else resolve({ delimiter, rows: n });
      },
      error: (err: Error) => {
        reject(failure ?? err);
      },
    });
  });
}

/** Whole text to rows, for small inputs and tests. */
export async function readCsvRows(text: string, delimiter?: string): Promise<{ rows: TableRow[]; delimiter: string }> {
  const rows: TableRow[] = [];
  const r = await streamCsv(text, { delimiter, onRows: (b) => rows.push(...b) });
  return { rows, delimiter: r.delimiter };
}
