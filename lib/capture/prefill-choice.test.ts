import { describe, expect, it } from 'vitest';
import type { Candidate } from '../extract/types';
import { choosePrefill, withOrganizationEmail } from './prefill-choice';

const c = (kind: Candidate['kind'], score: number): Candidate => ({ kind, score, fields: {} });

describe('choosePrefill', () => {
  it('takes the first person with enough evidence, else the organization, else nothing', () => {
    expect(choosePrefill([c('person', 3), c('organization', 0)], { minPersonScore: 2 })).toBe(0);
    expect(choosePrefill([c('person', 1), c('organization', 0)], { minPersonScore: 2 })).toBe(1);
    expect(choosePrefill([c('person', 1)], { minPersonScore: 2 })).toBe(-1);
    expect(choosePrefill([], { minPersonScore: 1 })).toBe(-1);
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

  it('takes a role mailbox on another domain, never a personal or free-mail address off the site', () => {
    const elsewhere = (email: string) => org(email, 'https://www.bryza-textiles.example/');
    const off = (email: string) => ({ ...elsewhere(email), fields: { ...elsewhere(email).fields, emailaddress1: found(email, 'http://127.0.0.1/page.html') } });
    expect(withOrganizationEmail(person(), [off('info@bryza-mail.example')]).fields.emailaddress1?.value).toBe('info@bryza-mail.example');
    expect(withOrganizationEmail(person(), [off('webmaster.jan@agency.example')]).fields.emailaddress1).toBeUndefined();
    expect(withOrganizationEmail(person(), [off('info@gmail.com')]).fields.emailaddress1).toBeUndefined();
  });

  it("keeps the person's own email and leaves organizations alone", () => {
    const own = person({ emailaddress1: found('lena@bryza-textiles.example') });
    expect(withOrganizationEmail(own, [org('office@bryza-textiles.example')])).toBe(own);
    const o = org('office@bryza-textiles.example');
    expect(withOrganizationEmail(o, [o])).toBe(o);
  });
});
