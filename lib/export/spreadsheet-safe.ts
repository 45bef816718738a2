/** Neutralises a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start):
 * a leading apostrophe makes Excel and LibreOffice show it as text (OWASP CSV injection). */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
