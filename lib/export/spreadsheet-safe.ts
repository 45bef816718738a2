import { visibleText } from '../text/visible-text';

// A formula character, its full-width form, or a tab, CR or LF (a spreadsheet trims and runs what follows).
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n]/;
const HIDDEN_START = /^(?:\s|\p{C}|\u034F|\u115F|\u1160|\u3164|\uFFA0)/u;

/** Neutralises a cell a spreadsheet would run as a formula: one whose first visible character is
 * =, +, -, @ (after spaces, NUL, zero-width or bidi characters: issue #18), or one starting with
 * tab or CR. A leading apostrophe makes Excel and LibreOffice show it as text (OWASP CSV injection). */
export function spreadsheetSafe(value: string): string {
  if (FORMULA_START.test(value)) return `'${value}`;
  // Most cells start with a visible character: only a blank or hidden start needs the long look.
  if (!HIDDEN_START.test(value)) return value;
  return FORMULA_START.test(visibleText(value, true).trimStart()) ? `'${value}` : value;
}
