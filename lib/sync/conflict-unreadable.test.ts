// Issue #17: a lead changed in the CRM whose CRM version cannot be read is still a conflict for
// the rep to decide, not "Dynamics 365 rejected the lead". Through the real engine and sandbox;
// only the read of the CRM's version is refused, as an org without read access on it would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tests/sandbox';
import { connectToSandbox, type Connected } from '../../tests/sandbox/connect';
import { makeLead } from '../../tests/sandbox/fixtures';
import type { DataverseApi } from './dataverse-client';
import { syncLeads } from './sync-engine';

let sb: Sandbox;
let c: Connected;
beforeAll(async () => {
  sb = await startSandbox();
  c = await connectToSandbox(sb);
});
afterAll(() => sb.close());

/** The connected API, except that reading this lead answers `refusal`. */
function refusingReads(leadId: string, refusal: { status: number; body: string }): DataverseApi {
  return {
    serviceRoot: c.api.serviceRoot,
    get requestCount() { return c.api.requestCount; },
    send: async (req) => (req.method === 'GET' && req.path.startsWith(`leads(${leadId})`)
      ? { status: refusal.status, headers: new Headers({ 'content-type': 'application/json' }), text: refusal.body }
      : c.api.send(req)),
  };
}

describe('a conflict whose CRM version cannot be read', () => {
  it.each([
    ['no read privilege', 403, JSON.stringify({ error: { code: '0x80040220', message: "Principal user (Id=1, type=8) is missing prvReadLead privilege (Id=2) on OTC=4 for entity 'lead'." } })],
    ['an answer that is not JSON', 200, '<html>proxy</html>'],
  ])('is still a conflict (%s), with the reason in words and nothing overwritten', async (_why, status, body) => {
    const lead = makeLead({ jobtitle: 'Buyer' });
    const first = (await syncLeads([{ lead }], { api: c.api, environmentUrl: sb.url, sleep: async () => {} }))[0];
    if (first.state !== 'synced') throw new Error(first.state);
    sb.crmEdit('leads', lead.id, { jobtitle: 'Edited in CRM' });
    const edited = { ...lead, jobtitle: 'Senior Buyer', sync: { state: 'ready' as const, etag: first.etag } };
    const [r] = await syncLeads([{ lead: edited }], { api: refusingReads(lead.id, { status, body }), environmentUrl: sb.url, sleep: async () => {} });
    expect(r).toMatchObject({ state: 'conflict', crm: {} });
    if (r.state !== 'conflict') return;
    expect(r.unreadable).toBeTruthy();
    expect(r.error).not.toMatch(/rejected the lead/);
    expect(sb.record('leads', lead.id)?.jobtitle).toBe('Edited in CRM');
  });
});
