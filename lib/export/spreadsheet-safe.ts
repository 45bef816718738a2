import { visibleText } from '../text/visible-text';

// A formula character, its full-width form, or a tab, CR or LF (a spreadsheet trims and runs what follows).
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n]/;

/** Neutralises a cell a spreadsheet would run as a formula: one whose first visible character is
 * =, +, -, @ (after spaces, NUL, zero-width or bidi characters: issue #18), or one starting with
 * tab or CR. A leading apostrophe makes Excel and LibreOffice show it as text (OWASP CSV injection). */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) || FORMULA_START.test(visibleText(value, true).trimStart()) ? `'${value}` : value;
}
