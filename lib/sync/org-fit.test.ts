// Issue #17 against the sandbox over HTTP: the org's required columns, owner at capture, qualify
// with existing CRM records, and a phone call edited after its first sync.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tests/sandbox';
import { connectToSandbox, type Connected } from '../../tests/sandbox/connect';
import { makeLead, makeRichLead } from '../../tests/sandbox/fixtures';
import { syncLeads, type SyncOptions } from './sync-engine';
import { polishTranslate } from './translate';
import { fetchRequiredColumns, missingRequired } from './org-columns';
import { fetchOrgOptionSets } from './option-set-metadata';
import { searchOwners } from './owner-lookup';
import { crmQualifyCandidates } from './crm-lookup';
import type { TimelineItem } from '../leads/schema';

let sb: Sandbox;
let c: Connected;
const noSleep = async () => {};
const region = {
  type: 'Picklist' as const, display: 'Region', custom: true, labels: { en: 'Region', pl: 'Region sprzedaży' },
  options: { 100000000: { en: 'North', pl: 'Północ' }, 100000001: { en: 'South', pl: 'Południe' } },
};

beforeAll(async () => {
  sb = await startSandbox();
  c = await connectToSandbox(sb);
});
afterAll(() => sb.close());
beforeEach(() => sb.setApi({ customColumns: {}, requiredColumns: {} }));

const opts = (extra: Partial<SyncOptions> = {}): SyncOptions => ({ api: c.api, environmentUrl: sb.url, sleep: noSleep, ...extra });

describe("the org's own form", () => {
  it('reads required columns, custom ones included, with display names in English and Polish, and their choices', async () => {
    sb.setApi({ customColumns: { leads: { new_region: { ...region, required: true } } }, requiredColumns: { leads: ['companyname'] } });
    const columns = await fetchRequiredColumns(c.api);
    expect(columns.map((x) => x.name).sort()).toEqual(['companyname', 'lastname', 'new_region', 'subject']);
    expect(columns.find((x) => x.name === 'new_region')).toEqual({ name: 'new_region', type: 'Picklist', custom: true, label: { en: 'Region', pl: 'Region sprzedaży' } });
    const sets = await fetchOrgOptionSets(c.api);
    expect(sets.new_region.map((o) => [o.value, o.label.pl])).toEqual([[100000000, 'Północ'], [100000001, 'Południe']]);
  });

  it('the sandbox refuses a create without the required custom column (what the engine avoids)', async () => {
    sb.setApi({ customColumns: { leads: { new_region: { ...region, required: true } } } });
    const lead = makeLead();
    const [r] = await syncLeads([{ lead }], opts());
    expect(r).toMatchObject({ state: 'needs_attention' });
    expect(sb.record('leads', lead.id)).toBeUndefined();
  });

  it('holds a lead missing a required column back with a plain message, then syncs it once filled', async () => {
    sb.setApi({ customColumns: { leads: { new_region: { ...region, required: true } } } });
    const requiredColumns = [{ name: 'new_region', label: 'Region sprzedaży' }];
    const lead = makeLead();
    const before = sb.stats.apiRequests;
    const [held] = await syncLeads([{ lead }], opts({ requiredColumns, translate: polishTranslate }));
    expect(held).toMatchObject({ state: 'needs_attention', problem: { code: 'held_required' } });
    expect((held as { error: string }).error).toMatch(/^Dynamics 365 wymaga pola Region sprzedaży; uzupełnij je\./);
    expect(sb.stats.apiRequests).toBe(before); // nothing was sent
    const filled = { ...lead, custom: { new_region: 100000001 } };
    expect(missingRequired(filled, requiredColumns)).toEqual([]);
    const [done] = await syncLeads([{ lead: filled }], opts({ requiredColumns }));
    expect(done.state).toBe('synced');
    expect(sb.record('leads', lead.id)).toMatchObject({ new_region: 100000001 });
  });

  it('names the column by its display name when the CRM itself refuses (its form changed since we read it)', async () => {
    sb.setApi({ requiredColumns: { leads: ['companyname'] } });
    const [r] = await syncLeads([{ lead: makeLead() }], opts({ translate: polishTranslate, fieldLabel: (f) => (f === 'companyname' ? 'Nazwa firmy' : f) }));
    expect(r).toMatchObject({ state: 'needs_attention', problem: { code: 'required', field: 'companyname' } });
    expect((r as { error: string }).error).toMatch(/^Dynamics 365 wymaga pola „Nazwa firmy”/);
    expect((r as { error: string }).error).not.toMatch(/„companyname”/);
  });
});

describe('owner at capture', () => {
  it('leaves the owner to Dataverse by default (the signed-in rep)', async () => {
    const lead = makeLead();
    expect((await syncLeads([{ lead }], opts()))[0].state).toBe('synced');
    expect(sb.record('leads', lead.id)?._ownerid_value).toBe(sb.userId);
  });

  it('finds users and teams by name and binds the chosen team as owner', async () => {
    const found = await searchOwners(c.api, 'warszawa');
    expect(found).toEqual([expect.objectContaining({ entity: 'team', name: 'Sprzedaż Warszawa' })]);
    expect(await searchOwners(c.api, 'kowalczyk')).toEqual([expect.objectContaining({ entity: 'systemuser', name: 'Anna Kowalczyk' })]);
    const lead = makeLead({ owner: found[0] });
    expect((await syncLeads([{ lead }], opts()))[0].state).toBe('synced');
    expect(sb.record('leads', lead.id)).toMatchObject({ _ownerid_value: found[0].id, '_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'team' });
  });
});

describe('qualify reaches the CRM', () => {
  it('qualifies with the existing account: parentaccountid bound first, QualifyLead called, stakeholder connected', async () => {
    const { accounts } = await crmQualifyCandidates(c.api, 'budimex');
    expect(accounts).toEqual([expect.objectContaining({ name: 'Budimex Polska SA', values: expect.objectContaining({ companyname: 'Budimex Polska SA', address1_city: 'Warszawa', address1_postalcode: '01-204' }) })]);
    const account = accounts[0];
    const lead = makeLead({
      companyname: 'Budimex', statecode: 1, statuscode: 3,
      qualify: { account: { mode: 'existing', id: account.id, name: account.name }, contact: { mode: 'new' }, opportunity: true },
      stakeholders: [{ id: crypto.randomUUID(), fullname: 'Maria Kowalska', role: 'Stakeholder' }],
    });
    const [r] = await syncLeads([{ lead }], opts());
    expect(r.state).toBe('synced');
    const row = sb.record('leads', lead.id)!;
    expect(row).toMatchObject({ statecode: 1, statuscode: 3, _parentaccountid_value: account.id });
    const calls = sb.records('qualifyleadcalls').filter((q) => q.leadId === lead.id);
    // The decision maker is the new contact: LeadClip creates it once, QualifyLead creates no second one.
    expect(calls).toEqual([expect.objectContaining({ CreateAccount: false, CreateContact: false, CreateOpportunity: true, parentaccountid: account.id })]);
    const conn = sb.record('connections', lead.stakeholders[0].id)!;
    expect(row._parentcontactid_value).toBe(conn._record2id_value);
    expect(sb.records('contacts').filter((x) => x.fullname === 'Maria Kowalska' && x.contactid === conn._record2id_value)).toHaveLength(1);
    const role = sb.records('connectionroles').find((x) => x.connectionroleid === conn._record2roleid_value);
    expect(role).toMatchObject({ name: 'Stakeholder', category: 1000 });
    expect(sb.records('opportunities').find((o) => o._originatingleadid_value === lead.id)).toMatchObject({ _parentaccountid_value: account.id });
  });

  it('calls QualifyLead even when the CRM answers the upsert without a body (204, Prefer ignored)', async () => {
    // An org (or a proxy) that ignores return=representation: the engine cannot read statecode 0.
    const api = { ...c.api, send: (req: Parameters<typeof c.api.send>[0]) => c.api.send(req.body ? { ...req, body: req.body.replace(/Prefer: return=representation\r?\n/g, '') } : req) };
    const lead = makeLead({ companyname: 'Bez Ciała SA', statecode: 1, statuscode: 3, qualify: { account: { mode: 'new' }, contact: { mode: 'new' } } });
    expect((await syncLeads([{ lead }], opts({ api })))[0].state).toBe('synced');
    expect(sb.record('leads', lead.id)).toMatchObject({ statecode: 1, statuscode: 3 });
    expect(sb.records('qualifyleadcalls').filter((q) => q.leadId === lead.id)).toHaveLength(1);
  });

  it('creates the account when the one picked is a local lead’s company, not a CRM record', async () => {
    const lead = makeLead({ companyname: 'Lokalna Firma', statecode: 1, statuscode: 3, qualify: { account: { mode: 'existing', id: `lead:${crypto.randomUUID()}`, name: 'Lokalna Firma' }, contact: { mode: 'new' } } });
    expect((await syncLeads([{ lead }], opts()))[0].state).toBe('synced');
    expect(sb.records('qualifyleadcalls').find((q) => q.leadId === lead.id)).toMatchObject({ CreateAccount: true });
    expect(sb.records('accounts').filter((a) => a.name === 'Lokalna Firma')).toHaveLength(1);
  });

  it('qualifies without an opportunity when the rep says so', async () => {
    const lead = makeLead({ companyname: 'Nowa Firma', statecode: 1, statuscode: 3, qualify: { account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: false } });
    expect((await syncLeads([{ lead }], opts()))[0].state).toBe('synced');
    expect(sb.records('qualifyleadcalls').find((q) => q.leadId === lead.id)).toMatchObject({ CreateAccount: true, CreateContact: true, CreateOpportunity: false });
    expect(sb.records('opportunities').some((o) => o._originatingleadid_value === lead.id)).toBe(false);
  });
});

describe('a phone call edited after its first sync', () => {
  it('updates the call and its parties (PUT of phonecall_activity_parties), not a deep insert', async () => {
    const lead = makeRichLead();
    expect((await syncLeads([{ lead }], opts()))[0].state).toBe('synced');
    const call = lead.timeline.find((t) => t.kind === 'phonecall') as Extract<TimelineItem, { kind: 'phonecall' }>;
    // The rep edits it: now an incoming call (the lead called the rep).
    const edited = { ...lead, timeline: lead.timeline.map((t) => (t.id === call.id ? { ...call, subject: 'Intro call (they rang back)', directioncode: false } : t)) };
    const [r] = await syncLeads([{ lead: edited }], opts());
    expect(r.state).toBe('synced');
    const row = sb.record('phonecalls', call.id)!;
    expect(row).toMatchObject({ subject: 'Intro call (they rang back)', directioncode: false });
    expect(row.phonecall_activity_parties).toEqual([
      expect.objectContaining({ participationtypemask: 1, _partyid_value: lead.id }),
      expect.objectContaining({ participationtypemask: 2, _partyid_value: sb.userId }),
    ]);
  });
});
