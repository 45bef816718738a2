import { ImportError } from './import-error';

// Hard limits that keep a hostile or accidental file from hanging or exhausting the page.
// Numbers chosen so a 100,000-row, ~20 MB export fits comfortably (issue #5).

export const importLimits = {
  /** Any file larger than this is refused before it is read. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Data rows per import. */
  maxRows: 250_000,
  /** Columns per row (Excel's own limit is 16,384). */
  maxColumns: 1_000,
  /** Highest column index a spreadsheet cell may claim (Excel: XFD = 16,384). */
  maxSheetColumnIndex: 16_384,
  /** Highest row index a spreadsheet row may claim (Excel: 1,048,576). */
  maxSheetRowIndex: 1_048_576,
  /** Total bytes a zip (xlsx) may inflate to, and the ratio beyond which it is a bomb. */
  maxUnzippedBytes: 300 * 1024 * 1024,
  maxZipRatio: 200,
  maxZipEntries: 10_000,
  /** A single cell's text. */
  maxCellChars: 32_767,
  /** XML nesting depth. */
  maxXmlDepth: 256,
} as const;

export type ImportLimits = typeof importLimits;

/** Refuses an empty or too large file before a byte of it is read, saying what the limit is. */
export function checkSize(size: number): void {
  if (size === 0) throw new ImportError('empty', 'The file is empty.');
  if (size > importLimits.maxFileBytes) {
    throw new ImportError('too_large', `The file is ${formatBytes(size)}; the limit is ${formatBytes(importLimits.maxFileBytes)}.`, [formatBytes(size), formatBytes(importLimits.maxFileBytes)]);
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} B`;
}
