import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';
import { spreadsheetSafe } from './spreadsheet-safe';
import { readCsvRows } from '../import/csv-parse';
import { stripFormulaGuard } from '../import/coerce-value';

describe('CSV export', () => {
  it('defuses formula starters', () => {
    for (const v of ['=1+1', '+48 600', '-2', '@SUM(A1)', '\tx', '\rx']) expect(spreadsheetSafe(v)).toBe(`'${v}`);
    expect(spreadsheetSafe('Kowalski')).toBe('Kowalski');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
  it('quotes delimiters, quotes and newlines and round-trips through our reader', async () => {
    const rows = [['Name', 'Note'], ['Żółć, Łukasz', 'line 1\nline "2"'], ['=cmd', '-5']];
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const back = await readCsvRows(csv.slice(1));
    expect(back.rows.map((r) => r.cells.map(stripFormulaGuard))).toEqual(rows);
  });
});
