import { describe, expect, it } from 'vitest';
import { corpusBytes, corpusDir, corpusText } from '../../tests/tools/import-corpus';
import { decodeText, detectEncoding, plausibility } from './decode-text';
import { readTable } from './read-table';

const withCorpus = corpusDir ? describe : describe.skip;

/** A1-style reference to [row, col]. */
function cell(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]), col];
}

withCorpus('PhpSpreadsheet encoding files (corpus)', () => {
  const expected = corpusDir ? (JSON.parse(corpusText('csv/phpspreadsheet/expected.json')) as Record<string, { cells?: Record<string, string>; rows?: number; cols?: number }>) : {};
  for (const [file, exp] of Object.entries(expected)) {
    if (!file.startsWith('csv/')) continue;
    it(file, async () => {
      const bytes = corpusBytes('csv/phpspreadsheet', file);
      const { text } = decodeText(bytes);
      // Compare at the grid level: row numbers as in the file, header included.
      const { readCsvRows } = await import('./csv-parse');
      const { rows } = await readCsvRows(text);
      const byRow = new Map(rows.map((r) => [r.n, r.cells]));
      for (const [ref, value] of Object.entries(exp.cells ?? {})) {
        const [r, c] = cell(ref);
        expect(byRow.get(r)?.[c], `${file} ${ref}`).toBe(value);
      }
      if (exp.rows) expect(rows.length).toBe(exp.rows);
      if (exp.cols) expect(rows[0].cells.length).toBe(exp.cols);
      // And the whole import path reads it too (first row as header).
      const table = await readTable(bytes, { fileName: file });
      expect(table.headers[0]).toBe(exp.cells?.A1);
    });
  }

  it('reads UTF-16 BE with a quoted line break', async () => {
    const t = await readTable(corpusBytes('csv/phpspreadsheet/csv/utf16be.line_break_in_enclosure.csv'), { fileName: 'x.csv' });
    expect(t.meta.encoding).toBe('utf-16be');
    expect(t.headers).toEqual(['Name', 'Copy', 'URL']);
    expect(t.rows[0].cells[1]).toContain('\n');
  });
  it('reads UTF-32 LE without BOM', async () => {
    const t = await readTable(corpusBytes('csv/phpspreadsheet/csv/line_break_escaped_32le.csv'), { fileName: 'x.csv' });
    expect(t.meta.encoding).toBe('utf-32le');
    expect(t.headers).toEqual(['Name', 'Copy', 'URL']);
  });
});

const cp1250 = (s: string) => {
  // Encode through a reverse map of TextDecoder's windows-1250 table.
  const dec = new TextDecoder('windows-1250');
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(dec.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...s].map((ch) => map.get(ch)!));
};
const iso88592 = (s: string) => {
  const dec = new TextDecoder('iso-8859-2');
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(dec.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...s].map((ch) => map.get(ch)!));
};
const cp1252 = (s: string) => {
  const dec = new TextDecoder('windows-1252');
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(dec.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...s].map((ch) => map.get(ch)!));
};

describe('Polish and Western legacy code pages', () => {
  const polish = [
    'Imię;Nazwisko;Nazwa firmy;Miasto\r\nŁukasz;Żółć;Zakład Ślusarski;Łódź\r\nAgnieszka;Gęślą;Źródło sp. z o.o.;Gdańsk\r\n',
    'Temat;Nazwisko\r\nTargi;Świątek\r\n',
    'Nazwisko\r\nJaśkowiak\r\n',
    'Ulica\r\nul. Żeromskiego 5\r\n',
  ];
  for (const text of polish) {
    it(`Windows-1250: ${text.split('\r\n')[1]}`, () => {
      const d = decodeText(cp1250(text));
      expect(d.encoding).toBe('windows-1250');
      expect(d.text).toBe(text);
    });
    it(`ISO-8859-2: ${text.split('\r\n')[1]}`, () => {
      const d = decodeText(iso88592(text));
      expect(d.text).toBe(text);
    });
  }
  const western = ['Nom;Ville\r\nFrançois Müller;Genève\r\n', 'Name,City\r\nJosé Peña,Málaga\r\n', 'Navn\r\nSøren Åberg\r\n'];
  for (const text of western) {
    it(`Windows-1252: ${text.split('\r\n')[1]}`, () => {
      const d = decodeText(cp1252(text));
      expect(d.encoding).toBe('windows-1252');
      expect(d.text).toBe(text);
    });
  }
  it('prefers valid UTF-8 and honours an override', () => {
    const utf8 = new TextEncoder().encode('Zażółć gęślą jaźń');
    expect(detectEncoding(utf8).encoding).toBe('utf-8');
    expect(decodeText(cp1250('Łódź'), 'windows-1252').text).not.toBe('Łódź');
  });
  it('scores mojibake below the real text', () => {
    expect(plausibility('łódź')).toBeGreaterThan(plausibility('³ódŸ'));
  });
});
