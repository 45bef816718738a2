// The sync engine against the real sandbox server over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tests/sandbox';
import { connectToSandbox, type Connected } from '../../tests/sandbox/connect';
import { expectedColumns, makeLead, makeRichLead } from '../../tests/sandbox/fixtures';
import { syncLeads, type SyncOptions, type SyncResult } from './sync-engine';
import { polishTranslate } from './translate';
import { createDataverseApi } from './dataverse-client';

let sb: Sandbox;
let c: Connected;
const noSleep = async () => {};

beforeAll(async () => {
  sb = await startSandbox();
  c = await connectToSandbox(sb);
});
afterAll(() => sb.close());
beforeEach(() => {
  sb.setFaults({ queue: [], rate429: 0, rate5xx: 0, rateDropAfter: 0, rateDropBefore: 0, retryAfterSeconds: 1 });
  sb.setApi({ duplicateStatus: 500 });
});

const opts = (extra: Partial<SyncOptions> = {}): SyncOptions => ({ api: c.api, environmentUrl: sb.url, sleep: noSleep, ...extra });
const one = async (lead: Parameters<typeof makeLead>[0] extends never ? never : ReturnType<typeof makeLead>, extra: Partial<SyncOptions> = {}) => (await syncLeads([{ lead }], opts(extra)))[0];

describe('syncLeads', () => {
  it('syncs a lead with a note, phone call, task and stakeholder, all linked', async () => {
    const lead = makeRichLead();
    const r = await one(lead);
    expect(r).toMatchObject({ state: 'synced', crmUrl: expect.stringContaining(`id=${lead.id}`) });
    const row = sb.record('leads', lead.id)!;
    expect(row).toMatchObject(expectedColumns(lead));
    expect((r as { etag: string }).etag).toBe(`W/"${row.versionnumber}"`);
    const [note, call, task] = lead.timeline;
    expect(sb.record('annotations', note.id)).toMatchObject({ notetext: 'Wants 40 licences before Q2.', _objectid_value: lead.id });
    const phone = sb.record('phonecalls', call.id)!;
    expect(phone).toMatchObject({ subject: 'Intro call', directioncode: true, actualdurationminutes: 15, _regardingobjectid_value: lead.id });
    const parties = phone.phonecall_activity_parties as Array<Record<string, unknown>>;
    expect(parties).toEqual(expect.arrayContaining([
      expect.objectContaining({ participationtypemask: 1, _partyid_value: sb.userId }),
      expect.objectContaining({ participationtypemask: 2, _partyid_value: lead.id }),
    ]));
    expect(sb.record('tasks', task.id)).toMatchObject({ subject: 'Send the quote', scheduledend: '2026-12-04T09:00:00.000Z', _regardingobjectid_value: lead.id });
    const s = lead.stakeholders[0];
    const conn = sb.record('connections', s.id)!;
    const role = sb.records('connectionroles').find((x) => x.connectionroleid === conn._record2roleid_value)!;
    expect(role).toMatchObject({ name: 'Economic Buyer', category: 1000 });
    expect(sb.record('contacts', conn._record2id_value as string)).toMatchObject({ fullname: 'Piotr Zieliński', emailaddress1: s.emailaddress1, jobtitle: 'CFO' });
  });

  it('is idempotent: syncing again (or after a lost answer) creates nothing twice', async () => {
    const lead = makeRichLead();
    sb.setFaults({ queue: ['drop-after'] });
    const r1 = await one(lead);
    expect(r1.state).toBe('synced');
    const r2 = await one(lead);
    expect(r2.state).toBe('synced');
    expect(sb.records('leads').filter((l) => l.leadid === lead.id)).toHaveLength(1);
    expect(sb.records('annotations').filter((n) => n._objectid_value === lead.id)).toHaveLength(1);
    expect(sb.records('connections').filter((n) => n._record1id_value === lead.id)).toHaveLength(1);
    expect(sb.records('contacts').filter((x) => x.emailaddress1 === lead.stakeholders[0].emailaddress1)).toHaveLength(1);
  });

  it('links a stakeholder to the existing CRM contact with the same email', async () => {
    const existing = sb.records('contacts').find((x) => x.emailaddress1 === 'yvonne@contoso.example')!;
    const lead = makeLead({ stakeholders: [{ id: crypto.randomUUID(), fullname: 'Yvonne McKay', emailaddress1: 'Yvonne@Contoso.example', role: 'Champion' }] });
    expect((await one(lead)).state).toBe('synced');
    expect(sb.record('connections', lead.stakeholders[0].id)?._record2id_value).toBe(existing.contactid);
  });

  it('never overwrites a CRM edit: 412 becomes a conflict carrying the CRM version', async () => {
    const lead = makeLead({ jobtitle: 'Buyer' });
    const first = await one(lead);
    if (first.state !== 'synced') throw new Error(first.state);
    sb.crmEdit('leads', lead.id, { jobtitle: 'Chief Buyer (edited in CRM)' });
    const edited = { ...lead, jobtitle: 'Senior Buyer', sync: { state: 'ready' as const, etag: first.etag } };
    const r = await one(edited);
    expect(r.state).toBe('conflict');
    if (r.state !== 'conflict') return;
    expect(r.crm.jobtitle).toBe('Chief Buyer (edited in CRM)');
    expect(sb.record('leads', lead.id)?.jobtitle).toBe('Chief Buyer (edited in CRM)');
    // The rep keeps theirs: sync with the CRM's ETag.
    const mine = await one({ ...edited, sync: { state: 'ready', etag: r.crmEtag } });
    expect(mine.state).toBe('synced');
    expect(sb.record('leads', lead.id)?.jobtitle).toBe('Senior Buyer');
  });

  it.each([500, 412] as const)('a CRM duplicate (HTTP %i) needs attention with a readable message', async (status) => {
    sb.setApi({ duplicateStatus: status });
    const email = `dupe.${status}@acme.example`;
    sb.crmInsert('leads', { subject: 'Old', lastname: 'Existing', emailaddress1: email });
    const lead = makeRichLead({ emailaddress1: email });
    const r = await one(lead);
    expect(r).toMatchObject({ state: 'needs_attention', problem: { code: 'duplicate', crmCode: '0x80040333' } });
    expect((r as { error: string }).error).toMatch(/duplicate/i);
    // The change set rolled back: nothing of this lead reached the CRM.
    expect(sb.record('leads', lead.id)).toBeUndefined();
    expect(sb.record('annotations', lead.timeline[0].id)).toBeUndefined();
  });

  it('a validation error names the field, in Polish too', async () => {
    const lead = makeLead();
    const tooLong = { ...lead, timeline: [{ id: crypto.randomUUID(), createdAt: lead.createdAt, kind: 'task' as const, subject: 'x'.repeat(200) }] };
    sb.setApi({ enforceRequired: true });
    const longLast = { ...lead, lastname: 'L'.repeat(51) };
    const r = await one(longLast as typeof lead, { translate: polishTranslate });
    expect(r).toMatchObject({ state: 'needs_attention', problem: { code: 'max_length', field: 'lastname', max: '50', crmCode: '0x80044331' } });
    // Issue #16: the field as the form names it, in our sentence and in the CRM's quoted one.
    expect((r as { error: string }).error).toContain('Pole „Nazwisko” jest dłuższe');
    expect((r as { error: string }).error).not.toMatch(/lastname/);
    expect((await one(tooLong)).state).toBe('synced');
  });

  it('honours Retry-After on 429 and retries 5xx and dropped connections inside the run', async () => {
    const waits: number[] = [];
    sb.setFaults({ queue: ['429', '503', 'drop-before'], retryAfterSeconds: 2 });
    const lead = makeLead();
    const r = await one(lead, { sleep: async (ms) => { waits.push(ms); }, random: () => 0.5 });
    expect(r.state).toBe('synced');
    expect(waits[0]).toBe(2000);
    expect(waits.length).toBe(3);
  });

  it('gives up on a hung answer and retries it', async () => {
    const quick = createDataverseApi(sb.url, c.session, undefined, 300);
    sb.setFaults({ queue: ['slow'], slowMs: 1500 });
    const lead = makeLead();
    const r = await one(lead, { api: quick });
    expect(r.state).toBe('synced');
    expect(sb.records('leads').filter((l) => l.leadid === lead.id)).toHaveLength(1);
  });

  it('hands long waits back to the queue as a retry time', async () => {
    sb.setFaults({ queue: ['429'], retryAfterSeconds: 120 });
    const now = new Date('2026-11-27T12:00:00Z');
    const r = await one(makeLead(), { now: () => now });
    expect(r).toMatchObject({ state: 'failed', retryAt: '2026-11-27T12:02:00.000Z', attempt: 1 });
  });

  it('backs off with jitter when 5xx persists', async () => {
    sb.setFaults({ rate5xx: 1 });
    const waits: number[] = [];
    const r = await one(makeLead(), { sleep: async (ms) => { waits.push(ms); }, random: () => 1, inlineRetries: 2, maxInlineWaitMs: 60_000 });
    sb.setFaults({ rate5xx: 0 });
    expect(r.state).toBe('failed');
    expect(waits).toEqual([1000, 2000]);
  });

  it('refreshes once on 401, then asks for sign-in exactly once', async () => {
    const lead = makeLead();
    sb.setFaults({ queue: ['expire-token'] });
    expect((await one(lead)).state).toBe('synced');
    const local = await connectToSandbox(sb);
    sb.expireAccessTokens();
    sb.expireRefreshTokens();
    const rs = await syncLeads([{ lead: makeLead() }, { lead: makeLead() }], { ...opts(), api: local.api });
    expect(rs.map((x) => x.state)).toEqual(['auth_required', 'auth_required']);
    await syncLeads([{ lead: makeLead() }], { ...opts(), api: local.api });
    expect(local.notifications).toBe(1);
    await local.session.signIn();
    expect((await syncLeads([{ lead: makeLead() }], { ...opts(), api: local.api }))[0].state).toBe('synced');
    await c.session.signIn(); // the shared session's refresh token expired too
  });

  it('qualifies through QualifyLead with an existing account, and only once', async () => {
    const account = sb.records('accounts').find((a) => a.name === 'Contoso Ltd')!;
    const lead = makeLead({ statecode: 1, statuscode: 3, companyname: 'Contoso', qualify: { account: { mode: 'existing', id: account.accountid, name: 'Contoso Ltd' }, contact: { mode: 'new' } } });
    sb.setFaults({ queue: [] });
    const r = await one(lead);
    expect(r.state).toBe('synced');
    const row = sb.record('leads', lead.id)!;
    expect(row).toMatchObject({ statecode: 1, statuscode: 3, _parentaccountid_value: account.accountid });
    const opp = sb.record('opportunities', row._qualifyingopportunityid_value as string)!;
    expect(opp).toMatchObject({ _customerid_value: account.accountid, _originatingleadid_value: lead.id });
    expect((r as { etag: string }).etag).toBe(`W/"${row.versionnumber}"`);
    const again = await one({ ...lead, sync: { state: 'ready', etag: (r as { etag: string }).etag } });
    expect(again.state).toBe('synced');
    expect(sb.records('opportunities').filter((o) => o._originatingleadid_value === lead.id)).toHaveLength(1);
  });

  it('disqualifies with the status reason', async () => {
    const lead = makeLead({ statecode: 2, statuscode: 6 });
    expect((await one(lead)).state).toBe('synced');
    expect(sb.record('leads', lead.id)).toMatchObject({ statecode: 2, statuscode: 6 });
  });

  it('reports progress and keeps one result per lead in input order', async () => {
    const leads = Array.from({ length: 30 }, () => makeLead());
    const seen: number[] = [];
    const rs: SyncResult[] = await syncLeads(leads.map((lead) => ({ lead })), opts({ leadsPerBatch: 7, onProgress: (d) => seen.push(d) }));
    expect(rs.map((r) => r.id)).toEqual(leads.map((l) => l.id));
    expect(seen.at(-1)).toBe(30);
  });
});
