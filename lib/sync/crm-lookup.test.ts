import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tests/sandbox';
import { connectToSandbox, type Connected } from '../../tests/sandbox/connect';
import { findExisting, searchAccounts, searchContacts } from './crm-lookup';
import { orgOptionSets, type CachedOptionSets } from './option-set-metadata';

let sb: Sandbox;
let c: Connected;
beforeAll(async () => {
  sb = await startSandbox();
  c = await connectToSandbox(sb);
  sb.crmInsert('leads', { subject: 'Old lead', firstname: 'Anna', lastname: "O'Brien", companyname: 'Fabrikam, Inc.', emailaddress1: 'anna@fabrikam.example' });
});
afterAll(() => sb.close());

describe('already in the CRM', () => {
  it('finds a lead or contact by email, case-insensitively, with a record link', async () => {
    const m = await findExisting(c.api, sb.url, { email: 'ANNA@fabrikam.example' });
    expect(m).toEqual([expect.objectContaining({ entity: 'lead', name: "Anna O'Brien", matchedBy: 'email', url: expect.stringContaining('main.aspx?etn=lead&id=') })]);
    const contact = await findExisting(c.api, sb.url, { email: 'susanna@fabrikam.example' });
    expect(contact[0]).toMatchObject({ entity: 'contact', name: 'Susanna Stubberod' });
  });
  it('finds by name + company (quotes escaped) and not by name alone', async () => {
    expect(await findExisting(c.api, sb.url, { firstname: 'Anna', lastname: "O'Brien", companyname: 'Fabrikam, Inc.' })).toHaveLength(1);
    expect(await findExisting(c.api, sb.url, { lastname: "O'Brien" })).toHaveLength(0);
    expect(await findExisting(c.api, sb.url, { lastname: "O'Brien", companyname: 'Contoso' })).toHaveLength(0);
  });
});

describe('Qualify search', () => {
  it('searches accounts by name and contacts by email', async () => {
    expect((await searchAccounts(c.api, sb.url, 'works')).map((a) => a.name)).toEqual(['Adventure Works Cycles']);
    expect((await searchAccounts(c.api, sb.url, 'żabka')).map((a) => a.name)).toEqual(['Żabka Polska sp. z o.o.']);
    expect((await searchContacts(c.api, sb.url, 'yvonne@contoso.example'))[0]).toMatchObject({ name: 'Yvonne McKay' });
  });
});

describe('option sets from metadata', () => {
  it('reads labels in both languages and custom values, and caches them', async () => {
    sb.setApi({ customOptions: { leadsourcecode: { 100000001: { en: 'Webinar', pl: 'Webinarium' } } } });
    let stored: CachedOptionSets | undefined;
    const cache = { get: async () => stored, set: async (v: CachedOptionSets) => { stored = v; } };
    const sets = await orgOptionSets(c.api, sb.url, cache);
    expect(sets?.leadsourcecode.find((o) => o.value === 100000001)?.label).toEqual({ en: 'Webinar', pl: 'Webinarium' });
    expect(sets?.leadqualitycode.map((o) => o.label.pl)).toEqual(['Gorący', 'Ciepły', 'Zimny']);
    expect(sets?.statuscode.find((o) => o.value === 6)).toMatchObject({ state: 2 });
    const before = c.api.requestCount;
    await orgOptionSets(c.api, sb.url, cache);
    expect(c.api.requestCount).toBe(before);
  });
});
