// The one shape every reader produces: header names and data rows of strings (values only).

export interface TableRow {
  /** Row number as the user sees it: the spreadsheet row, or the CSV record counting the header as 1. */
  n: number;
  cells: string[];
}

export interface Table {
  /** Header names as written in the file (may be blank or repeated; see uniqueHeaders). */
  headers: string[];
  rows: TableRow[];
  /** Sheet name for workbooks. */
  sheet?: string;
  /** Other sheets the workbook has, to tell the user which one was read. */
  sheetNames?: string[];
  /** What the reader found out about the file, for the summary. */
  meta: TableMeta;
}

export interface TableMeta {
  format: 'csv' | 'xlsx' | 'xls' | 'spreadsheetml' | 'vcard' | 'exchange';
  encoding?: string;
  delimiter?: string;
  /** Rows of the file before the header (titles above the table). */
  headerRow: number;
  /** Non-fatal notes (e.g. cells beyond the limit that were dropped). */
  warnings: string[];
}

export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
