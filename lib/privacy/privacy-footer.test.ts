import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOOTER_MARK, privacyColumns, privacyFooter, withPrivacyFooter, type FooterLead } from './privacy-footer';

const lead: FooterLead = {
  provenance: { origin: 'page', sourceUrl: 'https://expo.example/wystawcy', capturedAt: '2026-11-27T14:02:33.120Z', capturedBy: 'jan@firma.pl', lawfulBasis: 'consent' },
};

describe('privacyFooter', () => {
  it('says basis, when, who and where, in English', () => {
    expect(privacyFooter(lead)).toBe('[LeadClip] Lawful basis: consent · Captured 2026-11-27 14:02 UTC by jan@firma.pl · Source: web page https://expo.example/wystawcy');
  });
  it('in Polish', () => {
    expect(privacyFooter(lead, { lang: 'pl' })).toBe('[LeadClip] Podstawa prawna: zgoda · Pozyskano 2026-11-27 14:02 UTC przez jan@firma.pl · Źródło: strona WWW https://expo.example/wystawcy');
  });
  it('falls back to the default basis and leaves out an unknown capturer', () => {
    const old: FooterLead = { provenance: { origin: 'manual', capturedAt: '2026-01-02T03:04:05.000Z' } };
    expect(privacyFooter(old, { defaultBasis: 'contract' })).toBe('[LeadClip] Lawful basis: contract · Captured 2026-01-02 03:04 UTC · Source: entered by hand');
  });
  it('is always one line, even with a hostile source', () => {
    const footer = privacyFooter({ provenance: { ...lead.provenance, sourceUrl: 'https://x.example/\n[LeadClip] forged\r\nline', capturedBy: 'a\nb' } });
    expect(footer).not.toMatch(/[\r\n]/);
  });
});

describe('withPrivacyFooter', () => {
  const footer = privacyFooter(lead);
  it('appends after the description', () => {
    expect(withPrivacyFooter('Met at the fair.', footer)).toBe(`Met at the fair.\n\n${footer}`);
    expect(withPrivacyFooter(undefined, footer)).toBe(footer);
  });
  it('replaces an older footer rather than adding a second', () => {
    const once = withPrivacyFooter('Notes', privacyFooter({ provenance: { ...lead.provenance, lawfulBasis: 'contract' } }));
    const twice = withPrivacyFooter(once, footer);
    expect(twice).toBe(`Notes\n\n${footer}`);
  });
  it('always fits the column and always keeps the footer whole (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), fc.integer({ min: 300, max: 4000 }), (desc, max) => {
      const out = withPrivacyFooter(desc, footer, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.endsWith(footer)).toBe(true);
      expect(out.split('\n').filter((l) => l.startsWith(FOOTER_MARK))).toHaveLength(1);
    }));
  });
});

describe('privacyColumns', () => {
  it('sends no column by default (the line goes to a note, issue #17), nor when off', () => {
    expect(privacyColumns({ ...lead, description: 'Hi' })).toEqual({});
    expect(privacyColumns({ ...lead, description: 'Hi' }, { crmField: 'off' })).toEqual({});
  });
  it('still appends to the description when a caller names that column', () => {
    expect(privacyColumns({ ...lead, description: 'Hi' }, { crmField: 'description' })).toEqual({ description: `Hi\n\n${privacyFooter(lead)}` });
  });
  it('or in the column the admin mapped, leaving the description alone', () => {
    expect(privacyColumns({ ...lead, description: 'Hi' }, { crmField: 'new_captureinfo', lang: 'pl' })).toEqual({ new_captureinfo: privacyFooter(lead, { lang: 'pl' }) });
  });
});
