import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from './open';
import { listAudit } from './audit-trail';
import { storedWith } from './test-helpers';
import { saveLeadThroughPipeline, saveLeads } from './save-pipeline';
import { draft, testSettings } from '../leads/test-helpers';

const deps = { settings: testSettings, now: () => new Date('2026-11-27T12:00:00.000Z') };

beforeEach(() => resetDbForTests());

describe('save pipeline', () => {
  it('normalizes, saves, indexes, queues and audits a new lead together', async () => {
    const out = await saveLeadThroughPipeline({ lead: draft({ firstname: 'ANNA', lastname: 'NOWAK', emailaddress1: 'Anna@Acme.PL', telephone1: '22 123 45 67', provenance: { origin: 'page', sourceUrl: 'https://acme.pl', capturedAt: '2026-11-27T11:59:00.000Z', fields: { emailaddress1: { method: 'link' } } } }) }, deps);
    expect(out.status).toBe('saved');
    if (out.status !== 'saved') return;
    expect(out.lead).toMatchObject({ firstname: 'Anna', lastname: 'Nowak', emailaddress1: 'anna@acme.pl', telephone1: '+48 22 123 45 67', phoneE164: { telephone1: '+48221234567' } });
    // Issue #16: the phone as typed stays in provenance.
    expect(out.lead.provenance.asTyped).toEqual({ telephone1: '22 123 45 67' });
    expect(out.lead.sync.state).toBe('ready');
    const db = await getDb();
    expect((await db.get('leads', out.lead.id))?.outbox).toMatchObject({ state: 'ready', revision: 1, op: 'create' });
    expect(await db.getAllKeysFromIndex('leads', 'by-match', 'e:anna@acme.pl')).toEqual([out.lead.id]);
    const trail = await listAudit(out.lead.id);
    expect(trail.map((e) => e.kind)).toEqual(['captured', 'queued']);
    expect(trail[0].details).toMatchObject({ origin: 'page', sourceUrl: 'https://acme.pl', methods: { emailaddress1: 'link' } });
  });

  it('suggests a rating from the score but keeps the rep\u2019s own', async () => {
    const hot = await saveLeadThroughPipeline({ lead: draft({ budgetstatus: 3, need: 0, purchasetimeframe: 0, decisionmaker: true, lastname: 'A' }) }, deps);
    expect(hot.status === 'saved' && hot.lead.leadqualitycode).toBe(1);
    const overridden = await saveLeadThroughPipeline({ lead: draft({ budgetstatus: 3, need: 0, purchasetimeframe: 0, decisionmaker: true, leadqualitycode: 3, lastname: 'B' }) }, deps);
    expect(overridden.status === 'saved' && overridden.lead.leadqualitycode).toBe(3);
  });

  it('leaves a new capture unrated until something about its interest is known (issue #16)', async () => {
    const out = await saveLeadThroughPipeline({ lead: draft({ firstname: 'Jan', lastname: 'C', companyname: 'Acme', emailaddress1: 'jan@acme.example' }) }, deps);
    expect(out.status).toBe('saved');
    expect(out.status === 'saved' && out.lead.leadqualitycode).toBeUndefined();
  });

  it('stops at a duplicate unless told to save anyway', async () => {
    await saveLeadThroughPipeline({ lead: draft({ emailaddress1: 'jan@acme.pl' }) }, deps);
    const stopped = await saveLeadThroughPipeline({ lead: draft({ emailaddress1: 'JAN@acme.pl', lastname: 'Inny' }) }, deps);
    expect(stopped.status).toBe('duplicates');
    expect(await (await getDb()).count('leads')).toBe(1);
    const forced = await saveLeadThroughPipeline({ lead: draft({ emailaddress1: 'JAN@acme.pl', lastname: 'Inny' }), onDuplicate: 'save' }, deps);
    expect(forced.status).toBe('saved');
    if (forced.status === 'saved') expect((await listAudit(forced.lead.id)).find((e) => e.kind === 'captured')?.details.duplicatesIgnored).toHaveLength(1);
  });

  it('an edit records which fields changed; an unchanged save does nothing', async () => {
    const first = await saveLeadThroughPipeline({ lead: draft() }, deps);
    if (first.status !== 'saved') throw new Error();
    const same = await saveLeadThroughPipeline({ lead: { ...draft(), id: first.lead.id } }, deps);
    expect(same.status === 'saved' && same.changed).toEqual([]);
    const edited = await saveLeadThroughPipeline({ lead: { ...draft({ jobtitle: 'CEO', companyname: 'Acme SA' }), id: first.lead.id } }, deps);
    expect(edited.status === 'saved' && edited.changed).toEqual(['jobtitle', 'companyname']);
    const trail = await listAudit(first.lead.id);
    expect(trail.filter((e) => e.kind === 'edited').map((e) => e.details.fields)).toEqual([['jobtitle', 'companyname']]);
    expect(((await (await getDb()).get('leads', first.lead.id))?.outbox)?.revision).toBe(2);
  });

  it('saves a batch in one transaction with per-row outcomes, catching duplicates inside the batch', async () => {
    const out = await saveLeads([
      { lead: draft({ emailaddress1: 'a@x.pl', lastname: 'Aaa' }) },
      { lead: { subject: '', lastname: '' } },
      { lead: draft({ emailaddress1: 'A@x.pl', lastname: 'Bbb' }) },
      { lead: draft({ emailaddress1: 'c@x.pl', lastname: 'Ccc' }) },
    ], deps);
    expect(out.map((o) => o.status)).toEqual(['saved', 'invalid', 'duplicates', 'saved']);
    expect(out[1].status === 'invalid' && out[1].error).toMatch(/Topic|Last Name/);
    expect(await (await getDb()).count('leads')).toBe(2);
    expect(await storedWith('outbox')).toBe(2);
  });

  it('a draft is saved but not queued', async () => {
    const out = await saveLeadThroughPipeline({ lead: draft(), draft: true }, deps);
    if (out.status !== 'saved') throw new Error();
    expect(out.lead.sync.state).toBe('draft');
    expect((await listAudit(out.lead.id)).map((e) => e.kind)).toEqual(['captured']);
  });
});

describe('bulk batches', () => {
  it('a batch big enough to read the index into memory finds the same duplicates', async () => {
    const { saveLeads: save } = await import('./save-pipeline');
    await save([
      { lead: draft({ emailaddress1: 'old@x.pl', lastname: 'Stary' }) },
      { lead: draft({ firstname: 'Katarzyna', lastname: 'Wiśniewska', companyname: 'Budimex', telephone1: '22 555 66 77' }) },
    ], deps);
    const word = (n: number) => (n * 2654435761 % 4294967296).toString(36).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]);
    const rows = Array.from({ length: 250 }, (_, i) => ({ lead: draft({ lastname: word(i + 1), firstname: word(i + 1000), companyname: word(i + 5000), emailaddress1: `u${i}@y.pl` }) }));
    rows[10] = { lead: draft({ emailaddress1: 'OLD@x.pl', lastname: 'Inny', firstname: 'A', companyname: 'B' }) };
    rows[20] = { lead: draft({ firstname: 'Katarzyna', lastname: 'Wisniewsak', companyname: 'Budimx', emailaddress1: 'k@z.pl' }) };
    rows[30] = { lead: draft({ lastname: 'Tel', firstname: 'T', companyname: 'T', telephone1: '+48225556677' }) };
    const out = await save(rows, deps);
    expect(out[10]).toMatchObject({ status: 'duplicates', matches: [expect.objectContaining({ rules: ['email'] })] });
    expect(out[20]).toMatchObject({ status: 'duplicates', matches: [expect.objectContaining({ rules: ['fuzzy_name_company'] })] });
    expect(out[30]).toMatchObject({ status: 'duplicates', matches: [expect.objectContaining({ rules: ['phone'] })] });
    expect(out.filter((o) => o.status === 'saved')).toHaveLength(247);
  });

  it('a batch longer than one step (500 leads) checks each lead against every earlier one, and a later edit of a lead wins', async () => {
    const rows = Array.from({ length: 1_001 }, (_, i) => ({ lead: draft({ lastname: `Nowak${i}`, companyname: `Firma ${i}`, emailaddress1: `n${i}@x.pl` }) }));
    rows[600] = { lead: draft({ lastname: 'Inny', emailaddress1: 'N3@x.pl' }) }; // the 4th lead's address, a step later
    const id = crypto.randomUUID();
    rows[2] = { lead: draft({ id, lastname: 'Nowak2', companyname: 'Firma 2', emailaddress1: 'n2@x.pl' }) };
    rows[1_000] = { lead: draft({ id, lastname: 'Nowak2', companyname: 'Firma 2', emailaddress1: 'n2@x.pl', jobtitle: 'CEO' }) }; // edited two steps later
    const out = await saveLeads(rows, deps);
    expect(out[1_000]).toMatchObject({ status: 'saved', created: false, changed: ['jobtitle'] });
    expect(out[600]).toMatchObject({ status: 'duplicates', matches: [expect.objectContaining({ rules: ['email'] })] });
    expect(out[600].status === 'duplicates' && out[600].matches[0].lead.id).toBe(out[3].status === 'saved' && out[3].lead.id);
    expect(out.filter((o) => o.status === 'saved')).toHaveLength(1_000);
    expect(await (await getDb()).count('leads')).toBe(999);
    expect(await storedWith('outbox')).toBe(999);
    expect((await (await getDb()).get('leads', id))?.jobtitle).toBe('CEO');
  });
});

