import { describe, expect, it } from 'vitest';
import type { Candidate } from '../extract/types';
import { isTollFree } from '../text/phone';
import { withPersonalPhones } from './personal-phones';
import { candidateToPrefill } from './to-prefill';

const f = (value: string) => ({ value, method: 'text' as const, source: 'https://northwind-plumbing.example/team' });
const tollFreeUS = (raw: string) => isTollFree(raw, 'US');
const person = (fields: Candidate['fields']): Candidate => ({ kind: 'person', score: 3, fields: { firstname: f('Dana'), lastname: f('Whitcombe'), ...fields } });
const prefilled = (c: Candidate) => candidateToPrefill(withPersonalPhones(c, tollFreeUS)).values;

describe('toll-free numbers (issue #14)', () => {
  it.each([
    ['1-800-555-0199', 'US'], ['(833) 555-0142', 'US'], ['844.555.0107', 'CA'], ['+1 877 555 0163', 'PL'],
    ['0800 123 4567', 'GB'], ['0808 157 0192', 'GB'], ['800 123 456', 'PL'], ['+48 800 321 654', 'US'], ['+800 1234 5678', 'PL'],
  ] as const)('%s (%s) is toll-free', (raw, country) => expect(isTollFree(raw, country)).toBe(true));

  it.each([
    ['(212) 555-0123', 'US'], ['020 7946 0018', 'GB'], ['22 123 45 67', 'PL'], ['600 100 200', 'PL'], ['not a phone', 'US'],
  ] as const)('%s (%s) is an ordinary number', (raw, country) => expect(isTollFree(raw, country)).toBe(false));
});

describe('a person is prefilled only with phones that may be theirs (issue #14)', () => {
  it('a toll-free support line copied from the organization fills no Business Phone of the person, only Other Phone', () => {
    const { values, provenance } = candidateToPrefill(withPersonalPhones(person({ telephone1: f('1-888-555-0134'), companyname: f('Northwind Plumbing') }), tollFreeUS));
    expect(values.telephone1).toBeUndefined();
    expect(values.telephone3).toBe('1-888-555-0134');
    expect(provenance.telephone3).toEqual({ method: 'text', source: 'https://northwind-plumbing.example/team' });
    expect(values.companyname).toBe('Northwind Plumbing');
  });

  it('a toll-free Mobile Phone moves too; the person\'s own direct line stays', () => {
    const values = prefilled(person({ telephone1: f('(415) 555-0177'), mobilephone: f('866-555-0120') }));
    expect(values.telephone1).toBe('(415) 555-0177');
    expect(values.mobilephone).toBeUndefined();
    expect(values.telephone3).toBe('866-555-0120');
  });

  it('the fax never fills a phone field, however it is written; it keeps its own Fax field', () => {
    const values = prefilled(person({ telephone1: f('+1 (310) 555-0102'), fax: f('310.555.0102') }));
    expect(values.telephone1).toBeUndefined();
    expect(values.telephone3).toBeUndefined();
    expect(values.fax).toBe('310.555.0102');
  });

  it('the candidate itself keeps the toll-free line (the picker and its provenance)', () => {
    const c = person({ telephone1: f('1-800-555-0199') });
    withPersonalPhones(c, tollFreeUS);
    expect(c.fields.telephone1?.value).toBe('1-800-555-0199');
  });

  it('an organization alone keeps its listed number, toll-free or not', () => {
    const org: Candidate = { kind: 'organization', score: 0, fields: { companyname: f('Northwind Plumbing'), telephone1: f('1-800-555-0199') } };
    expect(candidateToPrefill(withPersonalPhones(org, tollFreeUS)).values.telephone1).toBe('1-800-555-0199');
  });
});
