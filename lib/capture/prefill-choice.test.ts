import { describe, expect, it } from 'vitest';
import type { Candidate } from '../extract/types';
import { choosePrefill, corroborated, withOrganizationEmail } from './prefill-choice';

const c = (kind: Candidate['kind'], score: number): Candidate => ({ kind, score, fields: {} });

describe('choosePrefill', () => {
  it('takes the first person with enough evidence, else the organization, else nothing', () => {
    expect(choosePrefill([c('person', 3), c('organization', 0)], { minPersonScore: 2 })).toBe(0);
    expect(choosePrefill([c('person', 1), c('organization', 0)], { minPersonScore: 2 })).toBe(1);
    expect(choosePrefill([c('person', 1)], { minPersonScore: 2 })).toBe(-1);
    expect(choosePrefill([], { minPersonScore: 1 })).toBe(-1);
  });
});

describe('a name in running text needs corroboration (#14)', () => {
  const f = (value: string) => ({ value, method: 'text' as const, source: 'https://kowalski-partners.example/news' });
  const named = (score: number, fields: Candidate['fields'] = {}): Candidate => ({ kind: 'person', score, fields: { firstname: f('Adam'), lastname: f('Kowalski'), ...fields } });
  const org: Candidate = { kind: 'organization', score: 0, fields: { companyname: f('Harbor Freight Co.') } };
  const policy = { minPersonScore: 1, corroborate: true };

  it('a famous name in a news item, with no way to reach them and no tie to the company, prefills the company only', () => {
    const famous = named(1, { companyname: f('Harbor Freight Co.'), websiteurl: f('https://harbor-freight.example/') });
    expect(corroborated(famous)).toBe(false);
    expect(choosePrefill([famous, org], policy)).toBe(1);
    expect(choosePrefill([famous, org], { minPersonScore: 1 })).toBe(0);
  });

  it('a phone, email or address on the person, or the surname in the company or web address, backs the name', () => {
    expect(corroborated(named(1, { telephone1: f('+1 212 555 0188') }))).toBe(true);
    expect(corroborated(named(1, { emailaddress1: f('adam@example.org') }))).toBe(true);
    expect(corroborated(named(1, { address1_city: f('Springfield') }))).toBe(true);
    expect(corroborated(named(1, { companyname: f('Kowalski & Partners LLP') }))).toBe(true);
    expect(corroborated(named(1, { websiteurl: f('https://www.kowalski-law.example/') }))).toBe(true);
    expect(corroborated(named(1, { companyname: f('Kowalskiego Sp. z o.o.') }))).toBe(false);
  });

  it('a name with a title, an email beside it or markup needs nothing more', () => {
    expect(choosePrefill([named(3), org], policy)).toBe(0);
    expect(choosePrefill([named(2), org], policy)).toBe(0);
  });
});

describe('withOrganizationEmail', () => {
  const found = (value: string, source = 'https://www.bryza-textiles.example/contact') => ({ value, method: 'text' as const, source });
  const person = (fields: Candidate['fields'] = {}): Candidate => ({ kind: 'person', score: 3, fields: { firstname: found('Lena'), lastname: found('Nowacki'), companyname: found('Bryza Textiles'), ...fields } });
  const org = (email: string, site?: string): Candidate => ({
    kind: 'organization', score: 0,
    fields: { companyname: found('Bryza Textiles'), emailaddress1: found(email), ...(site ? { websiteurl: found(site) } : {}) },
  });

  it("gives a person without an address the organization's own email, with its provenance", () => {
    const o = org('office@bryza-textiles.example');
    const p = withOrganizationEmail(person(), [person(), o]);
    expect(p.fields.emailaddress1).toEqual(o.fields.emailaddress1);
  });

  it('takes a role mailbox on another domain, never a personal address off the site', () => {
    const elsewhere = (email: string) => org(email, 'https://www.bryza-textiles.example/');
    const off = (email: string) => ({ ...elsewhere(email), fields: { ...elsewhere(email).fields, emailaddress1: found(email, 'http://127.0.0.1/page.html') } });
    expect(withOrganizationEmail(person(), [off('info@bryza-mail.example')]).fields.emailaddress1?.value).toBe('info@bryza-mail.example');
    expect(withOrganizationEmail(person(), [off('webmaster.jan@agency.example')]).fields.emailaddress1).toBeUndefined();
  });

  it("keeps the person's own email and leaves organizations alone", () => {
    const own = person({ emailaddress1: found('lena@bryza-textiles.example') });
    expect(withOrganizationEmail(own, [org('office@bryza-textiles.example')])).toBe(own);
    const o = org('office@bryza-textiles.example');
    expect(withOrganizationEmail(o, [o])).toBe(o);
  });
});
