import { visibleText } from '../text/visible-text';

// A formula character, its full-width form, or a tab, CR or LF (a spreadsheet trims and runs what follows).
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n]/;
const HIDDEN_START = /^(?:\s|\p{C}|\u034F|\u115F|\u1160|\u3164|\uFFA0)/u;

/** Neutralises a cell a spreadsheet would run as a formula: one whose first visible character is
 * =, +, -, @ (after spaces, NUL, zero-width or bidi characters: issue #18), or one starting with
 * tab or CR. A leading apostrophe makes Excel and LibreOffice show it as text (OWASP CSV injection).
 * A value that already starts with apostrophes before such a character gets one more, so the
 * import (stripFormulaGuard) takes off exactly the one the export added. */
export function spreadsheetSafe(value: string): string {
  return runsAsFormula(value.replace(/^'+/, '')) ? `'${value}` : value;
}

function runsAsFormula(value: string): boolean {
  if (FORMULA_START.test(value)) return true;
  // Most cells start with a visible character: only a blank or hidden start needs the long look.
  return HIDDEN_START.test(value) && FORMULA_START.test(visibleText(value, true).trimStart());
}
