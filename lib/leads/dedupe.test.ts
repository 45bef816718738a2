import { beforeEach, describe, expect, it } from 'vitest';
import { resetDbForTests } from '../store/open';
import { checkDuplicates, saveLeadThroughPipeline } from '../store/save-pipeline';
import { draft, testSettings } from './test-helpers';
import { fuzzyBlockingKeys } from './dedupe-keys';
import type { LeadDraftInput } from './schema';

const deps = { settings: testSettings };
const save = async (input: LeadDraftInput) => {
  const out = await saveLeadThroughPipeline({ lead: input, onDuplicate: 'save' }, deps);
  if (out.status !== 'saved') throw new Error(out.status);
  return out.lead;
};
const check = (input: LeadDraftInput) => checkDuplicates(input, deps).then((r) => r.matches);

beforeEach(() => resetDbForTests());

describe('duplicate rules', () => {
  it('same email, whatever its case or which email field', async () => {
    const stored = await save(draft({ emailaddress1: 'jan@acme.pl', lastname: 'A', firstname: undefined, companyname: undefined }));
    const [m] = await check(draft({ lastname: 'Other', firstname: 'Person', companyname: 'Else', emailaddress2: ' JAN@Acme.PL ' }));
    expect(m.lead.id).toBe(stored.id);
    expect(m.rules).toEqual(['email']);
    expect(m.fields).toEqual(['emailaddress2']);
  });

  it('same business phone, however it was written', async () => {
    const stored = await save(draft({ telephone1: '+48 22 123 45 67', companyname: 'One', lastname: 'Aaa' }));
    const [m] = await check(draft({ telephone1: '(22) 123-45-67', companyname: 'Two', lastname: 'Bbb' }));
    expect(m).toMatchObject({ rules: ['phone'], fields: ['telephone1'] });
    expect(m.lead.id).toBe(stored.id);
    // A different number is not a match.
    expect(await check(draft({ telephone1: '22 123 45 68', companyname: 'Two', lastname: 'Bbb' }))).toEqual([]);
  });

  it('same first + last name + company after normalisation', async () => {
    await save(draft({ firstname: 'Łukasz', lastname: 'Żółtowski', companyname: 'ACME Sp. z o.o.' }));
    const [m] = await check(draft({ firstname: 'LUKASZ', lastname: 'zoltowski', companyname: 'Acme spółka z ograniczoną odpowiedzialnością' }));
    expect(m.rules).toEqual(['name_company']);
    expect(m.fields).toEqual(['firstname', 'lastname', 'companyname']);
    // Same name at another company is someone else.
    expect(await check(draft({ firstname: 'Łukasz', lastname: 'Żółtowski', companyname: 'Contoso' }))).toEqual([]);
  });

  it('fuzzy name + company catches typos in both', async () => {
    const stored = await save(draft({ firstname: 'Katarzyna', lastname: 'Wiśniewska', companyname: 'Przedsiębiorstwo Budowlane Kraków' }));
    const [m] = await check(draft({ firstname: 'Katarzyna', lastname: 'Wisniewsak', companyname: 'Przedsiebiorstwo Budowlne Krakow' }));
    expect(m.lead.id).toBe(stored.id);
    expect(m.rules).toEqual(['fuzzy_name_company']);
    expect(m.similarity).toBeGreaterThanOrEqual(0.9);
    expect(m.similarity).toBeLessThan(1);
  });

  it('fuzzy does not match different people at the same company or the same name elsewhere', async () => {
    await save(draft({ firstname: 'Katarzyna', lastname: 'Wiśniewska', companyname: 'Budimex' }));
    expect(await check(draft({ firstname: 'Tomasz', lastname: 'Lewandowski', companyname: 'Budimex' }))).toEqual([]);
    expect(await check(draft({ firstname: 'Katarzyna', lastname: 'Wiśniewska', companyname: 'Orlen' }))).toEqual([]);
  });

  it('fuzzy does not treat different numbers as typos', async () => {
    await save(draft({ firstname: 'Anna', lastname: 'Nowak', companyname: 'Oddział 12 Warszawa' }));
    expect(await check(draft({ firstname: 'Anna', lastname: 'Nowack', companyname: 'Oddział 13 Warszawa' }))).toEqual([]);
    expect((await check(draft({ firstname: 'Anna', lastname: 'Nowack', companyname: 'Oddzial 12 Warszawa' })))[0].rules).toEqual(['fuzzy_name_company']);
  });

  it('lists every rule a lead matches, strongest first', async () => {
    const a = await save(draft({ emailaddress1: 'x@acme.pl', telephone1: '22 111 22 33' }));
    const b = await save(draft({ firstname: 'Jan', lastname: 'Kowalsky', companyname: 'Acme', emailaddress1: 'other@acme.pl' }));
    const matches = await check(draft({ emailaddress1: 'x@acme.pl', telephone1: '+48221112233' }));
    expect(matches.map((m) => m.lead.id)).toEqual([a.id, b.id]);
    expect(matches[0].rules).toEqual(['email', 'phone', 'name_company']);
    expect(matches[1].rules).toEqual(['fuzzy_name_company']);
  });

  it('a lead is never its own duplicate (editing it)', async () => {
    const a = await save(draft({ emailaddress1: 'x@acme.pl' }));
    expect(await check({ ...draft({ emailaddress1: 'x@acme.pl' }), id: a.id })).toEqual([]);
  });
});

describe('fuzzy blocking keys', () => {
  it('share a key despite one typo in the surname and one in the company', () => {
    const base = new Set(fuzzyBlockingKeys('wisniewska', 'budimex'));
    for (const [l, c] of [['visniewska', 'budimex'], ['wisniewska', 'budimez'], ['wysniewska', 'vudimex'], ['wisniewsak', 'budimx']]) {
      expect(fuzzyBlockingKeys(l, c).some((k) => base.has(k)), `${l} ${c}`).toBe(true);
    }
  });
  it('need a surname and a company', () => {
    expect(fuzzyBlockingKeys('', 'acme')).toEqual([]);
  });
});
