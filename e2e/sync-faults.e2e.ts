// The fault test: 1,000 leads synced while the sandbox injects 429s, 5xx and dropped connections
// (before and after the CRM acted) and Chrome's service worker is stopped at least three times.
// Every lead must be in the CRM exactly once with the extension's values, and nothing left waiting.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { connectThroughOptions } from './support/sync';
import { waitUntil } from './support/wait';
import { startSandbox, type Sandbox } from '../tests/sandbox';
import type { LeadRecord } from '../lib/leads/schema';

let ext: ExtensionHarness;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: true });
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await sandbox?.close();
});

type Status = { running: boolean; leads: Array<{ id: string; state: string }> };

it('1,000 leads through 429s, 5xx, dropped connections and a stopped service worker', { timeout: 300_000 }, async () => {
  (await connectThroughOptions(ext, sandbox)).close();
  const page = await ext.openOptions('#/leads');
  const count = 1000;
  // One batch, as an import saves: the sync under faults is what is tested here, and 1,000
  // separate saves (each one running the queue) cost half a minute before the first fault.
  const batch = Array.from({ length: count }, (_, i) => ({ id: crypto.randomUUID(), subject: `Fault test ${i}`, lastname: `Nazwisko${i}`, firstname: `Imię${i}`, companyname: `Firma ${i % 37}`, emailaddress1: `lead${i}@fault.example`, jobtitle: `Role ${i % 11}`, leadsourcecode: (i % 10) + 1 }));
  const { outcomes } = await message<{ outcomes: { status: string }[] }>(page, 'leads/save-batch', { leads: batch, onDuplicate: 'save' });
  expect(outcomes.filter((o) => o.status === 'saved')).toHaveLength(count);
  const leads = (await message<{ leads: LeadRecord[] }>(page, 'leads/list')).leads;
  expect(leads).toHaveLength(count);

  // Each kind at least once (the queue first), then at random.
  sandbox.setFaults({ queue: ['429', 'drop-before', '503', 'drop-after', '500', 'drop-after'], rate429: 0.08, rate5xx: 0.08, rateDropBefore: 0.05, rateDropAfter: 0.05, retryAfterSeconds: 1, latencyMs: 40, seed: 7 });
  const kick = () => page.evaluate(() => void chrome.runtime.sendMessage({ type: 'sync/now', data: {} }).catch(() => {}));
  let stops = 0;
  let stopsMidRun = 0;
  for (let i = 0; i < 4; i++) {
    await kick();
    // Stop the worker once a run is under way (not after a fixed time, too early or too late on a busy machine).
    await waitUntil(async () => (await message<Status>(page, 'sync/status')).running, 'a sync run', 10_000).catch(() => {});
    const before = await message<Status>(page, 'sync/status');
    if (before.running) stopsMidRun++;
    await ext.stopServiceWorker();
    stops++;
  }
  expect(sandbox.stats.apiRequests).toBeGreaterThan(0);

  // Keep the worker going (as alarms would) until nothing waits.
  const deadline = Date.now() + 240_000;
  let status: Status;
  for (;;) {
    await message(page, 'sync/now').catch(() => {});
    status = await message<Status>(page, 'sync/status');
    if (status.leads.every((l) => l.state === 'synced') || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  sandbox.setFaults({ rate429: 0, rate5xx: 0, rateDropBefore: 0, rateDropAfter: 0, latencyMs: 0 });

  expect(stops).toBeGreaterThanOrEqual(3);
  // The worker really died in the middle of runs, not between them.
  expect(stopsMidRun).toBeGreaterThanOrEqual(3);
  expect(sandbox.stats.injected['429']).toBeGreaterThan(0);
  expect((sandbox.stats.injected['500'] ?? 0) + (sandbox.stats.injected['503'] ?? 0)).toBeGreaterThan(0);
  expect(sandbox.stats.injected['drop-before']).toBeGreaterThan(0);
  expect(sandbox.stats.injected['drop-after']).toBeGreaterThan(0);
  const notSynced = status.leads.filter((l) => l.state !== 'synced');
  expect(notSynced).toEqual([]);

  const rows = sandbox.records('leads');
  expect(rows).toHaveLength(count);
  const byId = new Map(rows.map((r) => [r.leadid as string, r]));
  const cols = ['subject', 'lastname', 'firstname', 'companyname', 'emailaddress1', 'jobtitle', 'leadsourcecode'] as const;
  for (const lead of leads) {
    const row = byId.get(lead.id);
    expect(row, lead.id).toBeDefined();
    for (const c of cols) expect(row![c], `${lead.id} ${c}`).toBe(lead[c]);
  }
  expect(await page.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  await page.close();
});
