import { describe, expect, it } from 'vitest';
import { corpusDir, corpusList, corpusText } from '../../tests/tools/import-corpus';
import Papa from 'papaparse';
import { guessDelimiter, parseCsvText, readCsvRows, streamCsv } from './csv-parse';

const withCorpus = corpusDir ? describe : describe.skip;

withCorpus('csv-spectrum (corpus)', () => {
  for (const file of corpusList('csv/csv-spectrum/csvs')) {
    it(file, async () => {
      let text = corpusText('csv/csv-spectrum/csvs', file);
      // Upstream keeps *_crlf files in CRLF (.gitattributes); the copy here may have lost it.
      if (file.includes('_crlf') && !text.includes('\r')) text = text.replace(/\n/g, '\r\n');
      const expected = JSON.parse(corpusText('csv/csv-spectrum/json', file.replace(/\.csv$/, '.json'))) as Record<string, string>[];
      const { rows } = await readCsvRows(text);
      const [header, ...data] = rows.map((r) => r.cells);
      const objects = data.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
      expect(objects).toEqual(expected);
    });
  }
});

interface PapaCase {
  suite: string;
  description: string;
  input: string;
  config?: Record<string, unknown>;
  has_function_config?: boolean;
  expected: { data: unknown[]; errors: { code?: string; row?: number }[] };
}

withCorpus('PapaParse cases through our defaults (corpus)', () => {
  const cases = corpusDir ? (JSON.parse(corpusText('csv/papaparse/papaparse-cases.json')) as { cases: PapaCase[] }).cases : [];
  // Nine cases need a JS callback in their config, which JSON cannot carry.
  for (const c of cases.filter((x) => !x.has_function_config)) {
    it(`${c.suite}: ${c.description}`, () => {
      // The core suite drives Papa's Parser directly (no delimiter guessing), as upstream does.
      const r: { data: unknown[]; errors: { code?: string }[] } =
        c.suite === 'CORE_PARSER_TESTS' ? new Papa.Parser(c.config ?? {}).parse(c.input, 0, false) : parseCsvText(c.input, c.config ?? {});
      // The case file is JSON: compare through JSON too (Dates became ISO strings there).
      expect(JSON.parse(JSON.stringify(r.data))).toEqual(c.expected.data);
      expect(r.errors.map((e) => e.code)).toEqual(c.expected.errors.map((e) => e.code));
    });
  }
});

describe('delimiters and dialects', () => {
  it('guesses semicolons even when values contain commas', () => {
    expect(guessDelimiter('This;Are;Headers\r\nCell A2;Number with comma;25,5\r\nTwo colons and a comma;B|3;:,:')).toBe(';');
  });
  it('guesses tabs', () => {
    expect(guessDelimiter('Imię\tNazwisko\tE-mail\nJan\tKowalski\tjan@x.pl\n')).toBe('\t');
  });
  it('honours Excel\'s sep= line and keeps row numbers', async () => {
    const { rows, delimiter } = await readCsvRows('sep=;\r\nA;1\r\n2;3\r\n');
    expect(delimiter).toBe(';');
    expect(rows).toEqual([{ n: 2, cells: ['A', '1'] }, { n: 3, cells: ['2', '3'] }]);
  });
  it('keeps quoted newlines inside one cell', async () => {
    const { rows } = await readCsvRows('Name,Note\r\nAnna,"line 1\r\nline 2"\r\nBen,x\r\n');
    expect(rows[1].cells).toEqual(['Anna', 'line 1\r\nline 2']);
    expect(rows[2]).toEqual({ n: 3, cells: ['Ben', 'x'] });
  });
  it('streams in chunks and can be cancelled', async () => {
    const text = 'a,b\n' + Array.from({ length: 20_000 }, (_, i) => `${i},x`).join('\n');
    const ctl = new AbortController();
    let batches = 0;
    await expect(
      streamCsv(text, { chunkSize: 10_000, signal: ctl.signal, onRows: () => { if (++batches === 2) ctl.abort(); } }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(batches).toBe(2);
  });
  it('refuses rows wider than the limit', async () => {
    await expect(readCsvRows('a' + ',a'.repeat(1500))).rejects.toMatchObject({ code: 'too_many_columns' });
  });
});
