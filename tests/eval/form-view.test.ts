import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../lib/extract/types';
import { choosePolicy, crossValidate, foldsBySite, formOf, readableEmail, sameCompany, samePerson, scoreForms, type PageRecord } from './form-view';

const found = (value: string) => ({ value, method: 'text' as const, source: 'http://x.test/' });
const person = (first: string, last: string, score: number, extra: Candidate['fields'] = {}): Candidate => ({ kind: 'person', score, fields: { firstname: found(first), lastname: found(last), ...extra } });
const org = (name: string): Candidate => ({ kind: 'organization', score: 0, fields: { companyname: found(name), telephone1: found('+1 206 555 0100') } });
const page = (site: string, people: string[], candidates: Candidate[]): PageRecord => ({ site, set: 'business_pages', file: `${site}.html`, orgs: ['Acme Inc.'], tels: ['206-555-0100'], emails: [], people, candidates });

describe('scoring what the form shows', () => {
  it('matches a person on surname and first initial, and a company after folding legal forms', () => {
    expect(samePerson('J.', 'Smith', 'John Smith')).toBe(true);
    expect(samePerson('Jane', 'Smyth', 'Jane Smith')).toBe(false);
    expect(samePerson('Anna', 'Kowalska', 'Dr. Anna Maria Kowalska, PhD')).toBe(true);
    expect(sameCompany('ACME, Inc', 'Acme Incorporated LLC')).toBe(true);
    expect(sameCompany('Café Łódź Sp. z o.o.', 'cafe łódź')).toBe(true);
    expect(sameCompany('Contoso', 'Fabrikam')).toBe(false);
    expect(readableEmail('Sales[at]Acme[dot]com')).toBe('sales@acme.com');
    expect(readableEmail(' sales (at) acme (dot) com')).toBe('sales@acme.com');
  });

  it('scores the prefilled candidate only, not any candidate', () => {
    const records = [page('a.test', ['John Smith'], [person('Calvin', 'Klein', 1), person('John', 'Smith', 1), org('Acme')])];
    const f = scoreForms(records, { minPersonScore: 1 });
    expect(f.personPrecision).toEqual([0, 1]);
    expect(f.personRecall).toEqual([0, 1]);
    expect(f.company).toEqual([0, 1]); // the first person carries no company
  });

  it('prefills the organization alone when no person has enough evidence', () => {
    const weak = [person('Calvin', 'Klein', 1), org('Acme')];
    expect(formOf(weak, { minPersonScore: 2 })).toMatchObject({ companyname: 'Acme' });
    expect(formOf(weak, { minPersonScore: 2 }).lastname).toBeUndefined();
    expect(formOf(weak, { minPersonScore: 1 }).lastname).toBe('Klein');
  });

  it('keeps every page of a site in one fold and chooses the policy without the held-out fold', () => {
    const records = Array.from({ length: 20 }, (_, i) => page(`s${i % 7}.test`, i % 2 ? ['John Smith'] : [], [person(i % 2 ? 'John' : 'Calvin', i % 2 ? 'Smith' : 'Klein', i % 2 ? 3 : 1), org('Acme')]));
    const folds = foldsBySite(records, 5);
    expect(folds.flat()).toHaveLength(20);
    for (const fold of folds) for (const r of fold) expect(folds.filter((f) => f.some((x) => x.site === r.site))).toHaveLength(1);
    // Names with a title are right here and names in running text are not: a strict policy wins.
    expect(choosePolicy(records, [{ minPersonScore: 1 }, { minPersonScore: 3 }])).toEqual({ minPersonScore: 3 });
    const cv = crossValidate(records, 5, [{ minPersonScore: 1 }, { minPersonScore: 3 }]);
    expect(cv.chosen).toHaveLength(5);
    expect(cv.figures.personPrecision[1]).toBeGreaterThan(0);
    expect(cv.figures.personPrecision[0]).toBe(cv.figures.personPrecision[1]);
  });
});
