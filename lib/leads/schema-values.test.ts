// Issue #18, finding 7: values that mislead are refused or neutralised at the lead model, which
// every save, import and sync goes through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../text/visible-text';
import { leadDraft, leadRecord, leadTextLimits, type LeadFieldName } from './schema';

const minimal = { subject: 'Topic', lastname: 'Nowak' };
const parse = (extra: Record<string, unknown>) => leadDraft.safeParse({ ...minimal, ...extra });
const errorOf = (extra: Record<string, unknown>) => {
  const r = parse(extra);
  return r.success ? undefined : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`).join(' ');
};

// Bidi controls, zero-width and other format characters, NUL and C0/C1 controls, fillers.
const invisibles = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C',
  '\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00AD', '\u0000', '\u0001', '\u001B', '\u007F', '\u0085', '\u009B', '\u3164', '\u2028'];
const NEVER_IN_LINE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\uFEFF\u2060\u00AD\u3164\p{Cc}]/u;
const NEVER_IN_NOTES = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\uFEFF\u2060\u00AD\u3164]|(?![\t\n\r])\p{Cc}/u;
const textFields = Object.keys(leadTextLimits).filter((f) => f !== 'websiteurl' && !f.startsWith('emailaddress')) as LeadFieldName[];
const multiLine = new Set(['description', 'qualificationcomments']);

describe('web addresses (websiteurl)', () => {
  it.each([
    'javascript:alert(1)', 'JavaScript:alert(document.cookie)', '  javascript:alert(1)', 'java\tscript:alert(1)', 'java\u0000script:alert(1)',
    '\u200Bjavascript:alert(1)', 'javascript://%0Aalert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)',
    'file:///etc/passwd', 'mailto:jan@firma.pl', 'ftp://firma.pl', 'https://user:secret@firma.pl', 'not a url',
  ])('refuses %j with a field error', (v) => {
    expect(errorOf({ websiteurl: v })).toBe('websiteurl:url');
  });

  it.each([
    ['firma.pl', 'https://firma.pl'],
    ['www.Firma.pl/kontakt', 'https://www.Firma.pl/kontakt'],
    ['http://firma.pl:8080/a?b=1', 'http://firma.pl:8080/a?b=1'],
    ['HTTPS://firma.pl', 'HTTPS://firma.pl'],
    ['  https://żółw.pl\u200B ', 'https://żółw.pl'],
  ])('stores %j as the http(s) address %j', (v, stored) => {
    expect(parse({ websiteurl: v }).data?.websiteurl).toBe(stored);
  });

  it('never stores anything but an http(s) address, whatever the input', () => {
    const scheme = fc.constantFrom('', 'javascript:', 'JAVASCRIPT:', 'data:', 'vbscript:', 'file:', 'http://', 'https://', 'java\tscript:', ' javascript:');
    fc.assert(
      fc.property(scheme, fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (s, rest) => {
        const r = parse({ websiteurl: s + rest });
        if (!r.success || r.data.websiteurl === undefined) return;
        expect(r.data.websiteurl).toMatch(/^https?:\/\//i);
        expect(['http:', 'https:']).toContain(new URL(r.data.websiteurl).protocol);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps only an http(s) page as the source of a capture', () => {
    const prov = (sourceUrl: string) => ({ origin: 'page', sourceUrl, capturedAt: '2026-12-03T10:00:00.000Z' });
    expect(parse({ provenance: prov('javascript:alert(1)') }).data?.provenance?.sourceUrl).toBeUndefined();
    expect(parse({ provenance: prov('data:text/html,x') }).data?.provenance?.sourceUrl).toBeUndefined();
    expect(parse({ provenance: prov('https://firma.pl/zespol') }).data?.provenance?.sourceUrl).toBe('https://firma.pl/zespol');
  });
});

describe('invisible characters', () => {
  it.each(textFields)('%s loses bidi controls, zero-width and control characters', (field) => {
    const hidden = invisibles.filter((c) => c !== '\u2028').join(''); // a line separator is a line break (below)
    expect(parse({ [field]: `${hidden}Ja${hidden}n${hidden}` }).data?.[field]).toBe('Jan');
  });

  it('keeps Polish, Arabic and Hebrew letters, and joiners where a script needs them', () => {
    const r = parse({ firstname: 'Zażółć', lastname: 'גלעד', companyname: 'شركة الفجر', jobtitle: 'می\u200Cخواهم', description: 'Wiersz 1\n\tWiersz 2 👨\u200D👩\u200D👧' });
    expect(r.data).toMatchObject({ firstname: 'Zażółć', lastname: 'גלעד', companyname: 'شركة الفجر', jobtitle: 'می\u200Cخواهم', description: 'Wiersz 1\n\tWiersz 2 👨\u200D👩\u200D👧' });
  });

  it('turns a line break in a one-line field into a space, so words do not run together', () => {
    expect(parse({ companyname: 'ACME\nPolska' }).data?.companyname).toBe('ACME Polska');
  });

  it('a right-to-left override cannot flip a name on screen', () => {
    expect(parse({ firstname: 'Jan', lastname: '\u202Eikswolwok' }).data?.lastname).toBe('ikswolwok');
  });

  it('a value of invisible characters alone is no value (and a required one is missing)', () => {
    expect(parse({ companyname: '\u200B\u202E' }).data?.companyname).toBeUndefined();
    expect(errorOf({ lastname: '\u200B\u2060' })).toBe('lastname:required');
  });

  it('cleans the parts around the columns too: notes, stakeholders, provenance, links', () => {
    const r = leadDraft.parse({
      ...minimal,
      timeline: [{ id: '0f8fad5b-d9cb-469f-a165-70867728950e', createdAt: '2026-12-03T10:00:00.000Z', kind: 'note', notetext: '\u202Enote\u0000' }],
      stakeholders: [{ id: '1f8fad5b-d9cb-469f-a165-70867728950e', fullname: 'Anna\u200B Nowak\u202E', emailaddress1: 'Anna <anna@firma.pl>', role: 'Champion\u2066' }],
      qualify: { account: { mode: 'existing', id: 'x', name: 'ACME\u202E' } },
      provenance: { origin: 'page', capturedAt: '2026-12-03T10:00:00.000Z', pageTitle: 'Team\u202E', capturedBy: 'jan\u200B@firma.pl', fields: { lastname: { method: 'text', source: 'h1\u202E' } } },
    });
    expect(r.timeline[0]).toMatchObject({ notetext: 'note' });
    expect(r.stakeholders[0]).toMatchObject({ fullname: 'Anna Nowak', emailaddress1: 'anna@firma.pl', role: 'Champion' });
    expect(r.qualify.account).toMatchObject({ name: 'ACME' });
    expect(r.provenance).toMatchObject({ pageTitle: 'Team', capturedBy: 'jan@firma.pl', fields: { lastname: { source: 'h1' } } });
  });

  it('no text field of a parsed lead holds an invisible character, whatever the input', () => {
    const noisy = fc.array(fc.oneof(fc.constantFrom(...invisibles), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...textFields), noisy, (field, value) => {
        const r = parse({ [field]: value.slice(0, 40) });
        const stored = r.success ? (r.data[field] as string | undefined) : undefined;
        if (stored === undefined) return;
        // No bidi control, zero-width space, BOM or control character is left (tab and line breaks are text in notes)…
        expect(stored).not.toMatch(multiLine.has(field) ? NEVER_IN_NOTES : NEVER_IN_LINE);
        // …and nothing else the cleaner would remove (a joiner stays only between letters of a script that needs it).
        expect(visibleText(stored, multiLine.has(field))).toBe(stored);
      }),
      { numRuns: 500 },
    );
  });
});

describe('email columns', () => {
  it('store the bare address of every shape of one address', () => {
    for (const v of ['John <John@Acme.com>', '"Doe, John" <john@acme.com>', 'john@acme.com;', 'mailto:JOHN@ACME.COM?subject=Hi', '\u202Ejohn@acme.com\u200B']) {
      expect(parse({ emailaddress1: v }).data?.emailaddress1, v).toBe('john@acme.com');
    }
  });
  it('refuse two addresses in one field and an "@" with no address', () => {
    expect(errorOf({ emailaddress2: 'a@firma.pl, b@firma.pl' })).toBe('emailaddress2:email_multiple');
    expect(errorOf({ emailaddress3: 'jan@' })).toBe('emailaddress3:email');
  });
  it('keep text with no "@" as typed, for the pipeline to report', () => {
    expect(parse({ emailaddress1: 'ask at reception' }).data?.emailaddress1).toBe('ask at reception');
  });
});

describe('stored records', () => {
  it('the record schema cleans the same way (restore, migrations)', () => {
    const r = leadRecord.safeParse({
      id: '0f8fad5b-d9cb-469f-a165-70867728950e', ...minimal, lastname: 'Nowak\u202E', statecode: 0, statuscode: 1,
      provenance: { origin: 'manual', capturedAt: '2026-11-27T10:00:00.000Z', fields: {} },
      timeline: [], stakeholders: [], qualify: {}, sync: { state: 'ready' },
      createdAt: '2026-11-27T10:00:00.000Z', updatedAt: '2026-11-27T10:00:00.000Z', websiteurl: 'javascript:alert(1)',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['websiteurl'], message: 'url' });
  });
});
