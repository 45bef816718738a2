// 1,000 leads through injected 429s, 5xx, connections dropped before and after the CRM acted,
// and runs killed midway (as when Chrome stops the service worker): every lead ends up in the CRM
// exactly once, with its own field values, and nothing is left waiting.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tests/sandbox';
import { connectToSandbox, type Connected } from '../../tests/sandbox/connect';
import { expectedColumns, makeLead, makeRichLead } from '../../tests/sandbox/fixtures';
import { syncLeads, type SyncCache } from './sync-engine';
import type { LeadRecord } from '../leads/schema';

let sb: Sandbox;
let c: Connected;
beforeAll(async () => {
  sb = await startSandbox({ faults: { seed: 42, retryAfterSeconds: 0 } });
  c = await connectToSandbox(sb);
});
afterAll(() => sb.close());

it('1,000 leads survive throttling, 5xx, dropped connections and killed runs', { timeout: 120_000 }, async () => {
  const leads: LeadRecord[] = Array.from({ length: 1000 }, (_, i) =>
    i % 10 === 0 ? makeRichLead({ companyname: `Rich ${i}` }) : makeLead({ companyname: `Company ${i}`, emailaddress1: `l${i}@fault.example`, jobtitle: `Role ${i}` }));
  sb.setFaults({ rate429: 0.05, rate5xx: 0.05, rateDropBefore: 0.03, rateDropAfter: 0.03 });
  const pending = new Map(leads.map((l) => [l.id, l]));
  const attempts = new Map<string, number>();
  const cache: SyncCache = {};
  let kills = 0;
  for (let run = 0; pending.size && run < 200; run++) {
    const ctrl = new AbortController();
    // Every other run dies midway, the way a stopped service worker loses its in-flight work.
    if (run % 2 === 1) setTimeout(() => { kills++; ctrl.abort(new Error('worker stopped')); }, 15);
    try {
      const batch = [...pending.values()].slice(0, 200);
      const rs = await syncLeads(batch.map((lead) => ({ lead, attempt: attempts.get(lead.id) ?? 0 })), {
        api: c.api, environmentUrl: sb.url, cache, signal: ctrl.signal, leadsPerBatch: 20, concurrency: 6,
        inlineRetries: 1, maxInlineWaitMs: 50, sleep: async () => {},
      });
      for (const r of rs) {
        if (r.state === 'synced') pending.delete(r.id);
        else if (r.state === 'failed') attempts.set(r.id, r.attempt);
        else throw new Error(`${r.id}: ${r.state}: ${'error' in r ? r.error : ''}`);
      }
    } catch (err) {
      if (!ctrl.signal.aborted) throw err;
    }
  }
  sb.setFaults({ rate429: 0, rate5xx: 0, rateDropBefore: 0, rateDropAfter: 0 });
  expect(pending.size).toBe(0);
  expect(kills).toBeGreaterThanOrEqual(3);
  expect(sb.stats.injected['429']).toBeGreaterThan(0);
  expect(sb.stats.injected['drop-after']).toBeGreaterThan(0);
  const rows = sb.records('leads');
  expect(rows).toHaveLength(1000);
  const byId = new Map(rows.map((r) => [r.leadid as string, r]));
  for (const lead of leads) expect(byId.get(lead.id)).toMatchObject(expectedColumns(lead));
  const rich = leads.filter((l) => l.timeline.length);
  expect(sb.records('annotations')).toHaveLength(rich.length);
  expect(sb.records('phonecalls')).toHaveLength(rich.length);
  expect(sb.records('tasks')).toHaveLength(rich.length);
  // Each stakeholder: one connection plus the platform's reciprocal one.
  expect(sb.records('connections')).toHaveLength(rich.length * 2);
});
