// The one CSV writer, for every file people open in Excel (leads export, failed import rows):
// UTF-8 with a BOM (so Polish letters survive), CRLF, quotes where needed, and every cell that a
// spreadsheet would run as a formula defused with a leading apostrophe (OWASP "CSV injection").
// Callers pass raw values: defusing twice would add a second apostrophe.

import { spreadsheetSafe } from './spreadsheet-safe';

export function csvCell(v: unknown, delimiter = ','): string {
  const s = spreadsheetSafe(v === null || v === undefined ? '' : String(v));
  return s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r') || s.startsWith(' ') || s.endsWith(' ')
    ? `"${s.replace(/"/g, '""')}"`
    : s;
}

export function toCsv(rows: readonly (readonly unknown[])[], delimiter = ','): string {
  return '\uFEFF' + rows.map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
