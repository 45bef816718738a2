import { describe, expect, it } from 'vitest';
import { corpusBytes, corpusDir } from '../../tests/tools/import-corpus';
import { analyzeRows } from './analyze-rows';
import { autoMap } from './auto-map';
import { coerceDate, coerceFlag, coerceNumber, coerceOption } from './coerce-value';
import { failedRowsCsv } from './failed-rows';
import { readTable } from './read-table';
import { issueMessage, phoneSlots, rowToLead, type ConvertOptions } from './row-to-lead';

const NOW = '2026-11-27T12:00:00.000Z';
const opts = (headers: string[], extra: Partial<ConvertOptions> = {}): ConvertOptions => ({
  headers, mapping: autoMap(headers), fileName: 'leads.csv', now: NOW, defaults: { subject: 'Import' }, ...extra,
});
const row = (n: number, ...cells: string[]) => ({ n, cells });

describe('values', () => {
  it('reads choice labels in English, Polish or as numbers', () => {
    expect(coerceOption('leadsourcecode', 'Trade Show')).toEqual({ ok: true, value: 7 });
    expect(coerceOption('leadsourcecode', 'targi')).toEqual({ ok: true, value: 7 });
    expect(coerceOption('leadsourcecode', '7')).toEqual({ ok: true, value: 7 });
    expect(coerceOption('leadqualitycode', 'Gorący')).toEqual({ ok: true, value: 1 });
    expect(coerceOption('industrycode', 'Księgowość')).toEqual({ ok: true, value: 1 });
    expect(coerceOption('leadsourcecode', '99')).toEqual({ ok: false, code: 'option' });
    expect(coerceOption('leadsourcecode', 'Billboard')).toEqual({ ok: false, code: 'option' });
  });
  it('reads yes/no in both languages', () => {
    expect(coerceFlag('Tak')).toEqual({ ok: true, value: true });
    expect(coerceFlag('nie')).toEqual({ ok: true, value: false });
    expect(coerceFlag('Do Not Allow')).toEqual({ ok: true, value: true });
    expect(coerceFlag('maybe')).toEqual({ ok: false, code: 'flag' });
  });
  it('reads numbers written the Polish or English way', () => {
    expect(coerceNumber('1 234,56 zł')).toEqual({ ok: true, value: 1234.56 });
    expect(coerceNumber('1,234,567.5')).toEqual({ ok: true, value: 1234567.5 });
    expect(coerceNumber('1.234.567,5')).toEqual({ ok: true, value: 1234567.5 });
    expect(coerceNumber('12 000')).toEqual({ ok: true, value: 12000 });
    expect(coerceNumber('lots')).toEqual({ ok: false, code: 'number' });
  });
  it('reads dates', () => {
    expect(coerceDate('2026-12-31')).toEqual({ ok: true, value: '2026-12-31' });
    expect(coerceDate('31.12.2026')).toEqual({ ok: true, value: '2026-12-31' });
    expect(coerceDate('12/31/2026')).toEqual({ ok: true, value: '2026-12-31' });
    expect(coerceDate('05/06/2026')).toEqual({ ok: true, value: '2026-06-05' });
    expect(coerceDate('05/06/2026', false)).toEqual({ ok: true, value: '2026-05-06' });
    expect(coerceDate('46022')).toEqual({ ok: true, value: '2025-12-31' });
    expect(coerceDate('31.02.2026')).toEqual({ ok: false, code: 'date' });
  });
  it('routes typed phones', () => {
    expect(phoneSlots('Mobile')[0]).toBe('mobilephone');
    expect(phoneSlots('Work Fax')[0]).toBe('fax');
    expect(phoneSlots('Telefon domowy')[0]).toBe('telephone2');
  });
});

describe('rows to leads', () => {
  it('builds a valid lead and fills the default topic', () => {
    const h = ['Imię', 'Nazwisko', 'Nazwa firmy', 'E-mail', 'Źródło potencjalnego klienta'];
    const c = rowToLead(row(2, 'Jan', 'Kowalski', 'ACME', 'jan@acme.pl', 'Targi'), opts(h));
    expect(c.issues).toEqual([]);
    expect(c.lead).toMatchObject({ subject: 'Import', firstname: 'Jan', lastname: 'Kowalski', companyname: 'ACME', emailaddress1: 'jan@acme.pl', leadsourcecode: 7 });
    expect(c.lead?.provenance).toMatchObject({ origin: 'import', capturedAt: NOW, pageTitle: 'leads.csv' });
  });
  it('reports row, column and what is wrong', () => {
    const h = ['First Name', 'Last Name', 'Email', 'Rating', 'Est. Close Date'];
    const c = rowToLead(row(7, 'Ann', '', 'not-an-email', 'Lukewarm', '31.02.2026'), opts(h));
    expect(c.lead).toBeUndefined();
    expect(c.issues.map((i) => [i.row, i.column, i.code])).toEqual(
      expect.arrayContaining([[7, 'Email', 'email'], [7, 'Rating', 'option'], [7, 'Est. Close Date', 'date'], [7, 'lastname', 'required']]),
    );
  });
  it('refuses an over-long name but cuts a long description with a warning', () => {
    const h = ['Last Name', 'Description'];
    const long = rowToLead(row(2, 'x'.repeat(51), 'ok'), opts(h));
    expect(long.issues[0]).toMatchObject({ column: 'Last Name', code: 'max', detail: '50', severity: 'error' });
    const memo = rowToLead(row(3, 'Nowak', 'y'.repeat(2500)), opts(h));
    expect(memo.lead?.description).toHaveLength(2000);
    expect(memo.issues[0]).toMatchObject({ code: 'truncated', severity: 'warning' });
  });
  it('splits a full name when the file has no name parts', () => {
    const c = rowToLead(row(2, 'Dr. Anna Maria Nowak', 'a@b.pl'), opts(['Full Name', 'Email']));
    expect(c.lead).toMatchObject({ firstname: 'Anna', lastname: 'Nowak' });
  });
  it('removes the apostrophe our CSV export put before a formula character', () => {
    const c = rowToLead(row(2, 'Nowak', "'+48 600 100 200"), opts(['Last Name', 'Business Phone']));
    expect(c.lead?.telephone1).toBe('+48 600 100 200');
  });
  it('never lets a header pollute a prototype', () => {
    const h = ['__proto__', 'constructor', 'Last Name'];
    const c = rowToLead(row(2, '{"x":1}', 'y', 'Nowak'), opts(h));
    expect(c.lead?.lastname).toBe('Nowak');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('values that mislead (issue #18)', () => {
  const h = ['First Name', 'Last Name', 'Email', 'Website'];
  it('imports the bare address of "Name <address>" and cleans names of bidi and zero-width characters', () => {
    const c = rowToLead(row(2, '\u202EJan\u200B', 'Kowalski\u0000', 'Jan Kowalski <JAN@ACME.PL>;', 'acme.pl'), opts(h));
    expect(c.issues).toEqual([]);
    expect(c.lead).toMatchObject({ firstname: 'Jan', lastname: 'Kowalski', emailaddress1: 'jan@acme.pl', websiteurl: 'https://acme.pl' });
  });
  it('refuses a javascript: website and two addresses in one cell with a row error each', () => {
    const c = rowToLead(row(3, 'Jan', 'Kowalski', 'a@acme.pl; b@acme.pl', 'javascript:alert(1)'), opts(h));
    expect(c.lead).toBeUndefined();
    expect(c.issues.map((i) => [i.column, i.code])).toEqual([['Email', 'email_multiple'], ['Website', 'url']]);
    expect(c.issues.map(issueMessage)).toEqual(['"a@acme.pl; b@acme.pl" holds more than one email address (one per column)', '"javascript:alert(1)" is not a web address (http or https)']);
  });
});

describe('analysis', () => {
  it('counts valid and invalid rows and finds duplicates in the file and in the store', () => {
    const h = ['Last Name', 'Email'];
    const rows = [row(2, 'Nowak', 'a@x.pl'), row(3, 'Kowalski', 'A@X.pl'), row(4, '', 'c@x.pl'), row(5, 'Zięba', 'z@x.pl')];
    const a = analyzeRows(rows, { ...opts(h), storedKeys: new Map([['e:z@x.pl', '00000000-0000-4000-8000-000000000001']]) });
    expect([a.total, a.valid, a.invalid]).toEqual([4, 3, 1]);
    expect(a.duplicates).toEqual([{ row: 3, key: 'e:a@x.pl', firstRow: 2, storedId: undefined }, { row: 5, key: 'e:z@x.pl', firstRow: undefined, storedId: '00000000-0000-4000-8000-000000000001' }]);
    const csv = failedRowsCsv({ headers: h, rows }, a.issues);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFImport errors,Last Name,Email');
    expect(csv.split('\r\n')[1]).toBe('Row 4: lastname: is required,,c@x.pl');
  });
  it('finds phone duplicates as the save pipeline does, however the number is written', () => {
    const h = ['Last Name', 'Company Name', 'Business Phone'];
    const rows = [row(2, 'Nowak', 'Acme', '600 100 200'), row(3, 'Nowakowska', 'Beta', '+48 600-100-200'), row(4, 'Zięba', 'Gamma', '(22) 555 01 02')];
    const stored = '00000000-0000-4000-8000-000000000001';
    const a = analyzeRows(rows, { ...opts(h), storedKeys: new Map([['p:+48225550102', stored]]) });
    expect(a.duplicates).toEqual([
      { row: 3, key: 'p:+48600100200', firstRow: 2, storedId: undefined },
      { row: 4, key: 'p:+48225550102', firstRow: undefined, storedId: stored },
    ]);
  });
});

const withCorpus = corpusDir ? describe : describe.skip;
withCorpus('contact exports become leads (corpus)', () => {
  it('Google Contacts: typed emails and phones land in the right columns', async () => {
    const t = await readTable(corpusBytes('csv/crm-samples/roundcube-csv2vcard/gmail.csv'), { fileName: 'gmail.csv' });
    const c = rowToLead(t.rows[0], opts(t.headers));
    expect(c.lead).toMatchObject({ firstname: 'Firstname', lastname: 'Lastname', middlename: 'Middle', salutation: 'Prefix', companyname: 'company', jobtitle: 'jobtitle' });
    expect(c.lead?.emailaddress1).toBe('work@email.pl');
    expect(c.lead?.mobilephone).toBe('mobile');
    expect(c.lead?.telephone1).toBe('workphone');
    expect(c.lead?.telephone2).toBe('homephone');
  });
  it('Atomic CRM: 500 faker contacts, quoted company names with commas', async () => {
    const t = await readTable(corpusBytes('csv/crm-samples/atomic-crm/test-data-contacts.csv'), { fileName: 'contacts.csv' });
    const a = analyzeRows(t.rows, opts(t.headers));
    expect(a.total).toBe(t.rows.length);
    expect(a.valid).toBeGreaterThan(t.rows.length * 0.9);
  });
});
