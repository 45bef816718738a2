import { describe, expect, it } from 'vitest';
import { corpusBytes, corpusDir, corpusList, corpusText } from '../../tests/tools/import-corpus';
import { isImportError } from './import-error';
import { importLimits } from './limits';
import { readTable } from './read-table';

const withCorpus = corpusDir ? describe : describe.skip;

/** Refused with a message, or read; either way within 5 s and without resolving anything. */
async function refusedOrRead(dir: string, file: string) {
  const started = Date.now();
  let outcome: { refused: string } | { rows: number; cells: string[] };
  try {
    const t = await readTable(corpusBytes(dir, file), { fileName: file });
    outcome = { rows: t.rows.length, cells: [...t.headers, ...t.rows.flatMap((r) => r.cells)] };
  } catch (err) {
    if (!isImportError(err)) throw err; // a crash, not a refusal
    expect(err.message.length).toBeGreaterThan(10);
    outcome = { refused: err.code };
  }
  expect(Date.now() - started).toBeLessThan(5000);
  return outcome;
}

withCorpus('hostile SpreadsheetML (corpus)', () => {
  const dir = 'csv/phpspreadsheet/spreadsheetml-adversarial';
  for (const file of corpusList(dir)) {
    it(file, async () => {
      const out = await refusedOrRead(dir, file);
      if ('cells' in out) {
        // Whatever was read must not contain text an entity would have produced.
        expect(out.cells.join(' ')).not.toMatch(/DoS|xxe|ext\.dtd/);
      }
      if (/^XEETestInvalid/.test(file)) expect(out).toHaveProperty('refused');
    });
  }
  it('refuses DOCTYPEs, UTF-7 and non-workbooks with the right reason', async () => {
    expect(await refusedOrRead(dir, 'XEETestInvalidUTF-8.xml')).toEqual({ refused: 'xml_dtd' });
    expect(await refusedOrRead(dir, 'XEETestInvalidUTF-16LE.xml')).toEqual({ refused: 'xml_dtd' });
    expect(await refusedOrRead(dir, 'XEETestInvalidUTF-7.xml')).toEqual({ refused: 'xml_encoding' });
    expect(await refusedOrRead(dir, 'XEETestValidUTF-8.xml')).toEqual({ refused: 'not_spreadsheetml' });
    expect(await refusedOrRead(dir, 'CorruptedXmlFile.xml')).toEqual({ refused: 'xml_malformed' });
  });
  it('reads the sparse sheet without allocating a billion rows, refuses a billionth column', async () => {
    const out = await refusedOrRead(dir, 'x5j6.dontuse');
    expect(out).toEqual({ rows: 1, cells: ['test1', 'test3'] });
    expect(await refusedOrRead(dir, 'x5j6.b.dontuse')).toEqual({ refused: 'too_many_columns' });
  });
  it('keeps the cached value of a formula cell and never the formula', async () => {
    const out = await refusedOrRead(dir, 'sec-w24f.dontuse');
    if ('cells' in out) expect(out.cells.join(' ')).not.toMatch(/HYPERLINK|javascript/i);
  });
});

withCorpus('hostile xlsx (corpus)', () => {
  const dir = 'csv/phpspreadsheet/xlsx-adversarial';
  for (const file of corpusList(dir)) {
    it(file, async () => {
      const out = await refusedOrRead(dir, file);
      if ('cells' in out) expect(out.cells.join(' ')).not.toMatch(/HYPERLINK|javascript|alert|<img/i);
    });
  }
  it('refuses the entity and UTF-7 tricks', async () => {
    expect(await refusedOrRead(dir, 'utf8entity.dontuse')).toEqual({ refused: 'xml_dtd' });
    expect(await refusedOrRead(dir, 'utf7quoteorder.dontuse')).toEqual({ refused: 'xml_encoding' });
  });
  it('imports the formula cell as its cached value', async () => {
    expect(await refusedOrRead(dir, 'sec-j47r.dontuse')).toMatchObject({ cells: ['http://www.dayenu.com'] });
  });
});

withCorpus('xlsx robustness files (corpus)', () => {
  const dir = 'csv/phpspreadsheet/xlsx';
  for (const file of corpusList(dir)) {
    it(file, async () => {
      const out = await refusedOrRead(dir, file);
      // Empty workbooks (HiddenSheet has no values at all) are refused as empty; the rest open.
      if ('refused' in out) expect(out.refused).toBe('empty');
      else expect(out.cells.join('').length).toBeGreaterThan(0);
    });
  }
});

withCorpus('SpreadsheetML samples (corpus)', () => {
  const dir = 'csv/phpspreadsheet/spreadsheetml';
  for (const file of corpusList(dir)) {
    it(file, async () => {
      const out = await refusedOrRead(dir, file);
      if ('refused' in out) expect(out.refused).toBe('empty');
    });
  }
  it('reads excel2003.xml as expected.json says', async () => {
    const exp = JSON.parse(corpusText('csv/phpspreadsheet/expected.json'))['spreadsheetml/samples-templates-excel2003.xml'];
    const { readSpreadsheetMl } = await import('./spreadsheetml');
    const bytes = corpusBytes('csv/phpspreadsheet/spreadsheetml/samples-templates-excel2003.xml');
    const r = readSpreadsheetMl(bytes, undefined, exp.sheet1_title);
    expect(r.sheetNames).toHaveLength(exp.sheets);
    expect(r.sheetNames).toEqual(expect.arrayContaining([exp.sheet1_title, exp.sheet2_title]));
    const byRow = new Map(r.rows.map((x) => [x.n, x.cells]));
    expect(byRow.get(4)?.[0]).toBe(exp.sheet1_cells.A4);
    expect(byRow.get(2)?.[2]).toBe(exp.sheet1_cells.C2);
    const s2 = new Map(readSpreadsheetMl(bytes, undefined, exp.sheet2_title).rows.map((x) => [x.n, x.cells]));
    expect(s2.get(1)?.[0]).toBe(exp.sheet2_cells.A1);
    expect(s2.get(4)?.[0]).toBe(exp.sheet2_cells.A4);
    expect(Number(s2.get(11)?.[0])).toBe(exp.sheet2_cells.A11);
    // Formulas are never kept: H1 holds =B1+C1 in Excel, we keep only its cached value.
    expect(s2.get(1)?.[7] ?? '').not.toMatch(/^=/);
  });
  it('decodes an iso-8859-1 workbook', async () => {
    const t = await readTable(corpusBytes('csv/phpspreadsheet/spreadsheetml/excel2003.iso8859-1.xml'), { fileName: 'x.xml' });
    expect(t.meta.encoding).toBe('windows-1252');
    expect([...t.headers, ...t.rows.flatMap((r) => r.cells)].join(' ')).toMatch(/[À-ÿ]/);
  });
});

withCorpus('other corpus files', () => {
  it('refuses the legacy Odoo .xls templates or reads them safely', async () => {
    for (const f of ['crm_lead.xls', 'res_partner.xls']) {
      const out = await refusedOrRead('csv/crm-samples/odoo-templates', f);
      if ('rows' in out) expect(out.cells).toContain('Name');
    }
  });
  it('reads the PapaParse long sample', async () => {
    const t = await readTable(corpusBytes('csv/papaparse/verylong-sample.csv'), { fileName: 'v.csv' });
    expect(t.rows.length).toBeGreaterThan(1000);
  });
});

describe('limits and hostile input', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('says what the size limit is', async () => {
    const big = new Uint8Array(importLimits.maxFileBytes + 1);
    await expect(readTable(big, { fileName: 'big.csv' })).rejects.toMatchObject({ code: 'too_large', params: ['50 MB', '50 MB'] });
  });
  it('refuses empty and binary files', async () => {
    await expect(readTable(new Uint8Array(0), { fileName: 'e.csv' })).rejects.toMatchObject({ code: 'empty' });
    await expect(readTable(enc('\n\n  \n'), { fileName: 'e.csv' })).rejects.toMatchObject({ code: 'empty' });
    await expect(readTable(Uint8Array.of(0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2), { fileName: 'a.csv' })).rejects.toMatchObject({ code: 'binary', params: ['PDF'] });
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    await expect(readTable(noise, { fileName: 'n.csv' })).rejects.toMatchObject({ code: 'binary' });
  });
  it('refuses an entity bomb before expanding anything', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>&lol2;</Data></Cell></Row></Table></Worksheet></Workbook>`;
    await expect(readTable(enc(lol), { fileName: 'b.xml' })).rejects.toMatchObject({ code: 'xml_dtd' });
  });
  it('refuses an external entity', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>&x;</Data></Cell></Row></Table></Worksheet></Workbook>`;
    await expect(readTable(enc(xxe), { fileName: 'x.xml' })).rejects.toMatchObject({ code: 'xml_dtd' });
  });
  it('refuses a web page saved as .xls', async () => {
    await expect(readTable(enc('<!DOCTYPE html><html><body><table></table></body></html>'), { fileName: 'a.xls' })).rejects.toMatchObject({ code: 'unsupported_format' });
  });
  it('keeps __proto__ and constructor as plain column names', async () => {
    const t = await readTable(enc('__proto__,constructor,Last Name\n{"polluted":1},x,Kowalski\n'), { fileName: 'p.csv' });
    expect(t.headers).toEqual(['__proto__', 'constructor', 'Last Name']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('names blank and repeated headers', async () => {
    const t = await readTable(enc('Email,,Email,email\na@x.pl,1,b@x.pl,c@x.pl\n'), { fileName: 'h.csv' });
    expect(t.headers).toEqual(['Email', 'Column B', 'Email (2)', 'email (3)']);
  });
  it('finds the header under a title row', async () => {
    const t = await readTable(enc('Lista targowa 2026\n\nImię;Nazwisko;Nazwa firmy;E-mail\nJan;Kowalski;ACME;jan@acme.pl\n'), { fileName: 't.csv' });
    expect(t.headers).toEqual(['Imię', 'Nazwisko', 'Nazwa firmy', 'E-mail']);
    expect(t.rows[0]).toEqual({ n: 4, cells: ['Jan', 'Kowalski', 'ACME', 'jan@acme.pl'] });
  });
});
