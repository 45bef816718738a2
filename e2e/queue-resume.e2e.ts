// Issue #4: 1,000 queued leads, the service worker stopped (twice) while they are being sent:
// none lost, none sent twice. The processor is the test build's HTTP recorder; this server
// counts every delivery per job key.
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { startServer, type TestServer } from './support/server';

const N = 1000;

const readJson = async (req: IncomingMessage) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  return JSON.parse(body);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('queue: stopping the service worker mid-run', () => {
  let ext: ExtensionHarness;
  let server: TestServer;
  const deliveries = new Map<string, number>(); // key -> POST /sync count
  const inDoubtChecks: string[] = [];

  beforeAll(async () => {
    server = await startServer({}, async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body = await readJson(req);
      res.setHeader('content-type', 'application/json');
      if (path === '/applied') {
        inDoubtChecks.push(...body.keys);
        return void res.end(JSON.stringify({ applied: body.keys.filter((k: string) => deliveries.has(k)) }));
      }
      if (path === '/sync') {
        for (const job of body.jobs) deliveries.set(job.key, (deliveries.get(job.key) ?? 0) + 1);
        await sleep(40); // slow enough that a stop lands mid-run
        return void res.end(JSON.stringify({ results: body.jobs.map((j: { key: string }) => ({ key: j.key, ok: true })) }));
      }
      res.statusCode = 404;
      res.end('{}');
    });
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function waitFor(cond: () => boolean, timeoutMs: number, what: string) {
    const until = Date.now() + timeoutMs;
    while (!cond()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what} (delivered ${deliveries.size})`);
      await sleep(100);
    }
  }

  it('loses none and processes none twice', async () => {
    // Through a page, not ext.worker(): a worker handle held by Puppeteer keeps the restarted
    // worker waiting for the debugger, which no real browser would do.
    const page = await ext.openOptions();
    await page.evaluate((url) => chrome.storage.local.set({ testSyncEndpoint: url }), server.origin);
    await page.close();
    const leads = Array.from({ length: N }, (_, i) => ({ subject: 'Bulk', lastname: `Nazwisko${i}`, firstname: `Imię${i}`, companyname: `Firma ${i}`, emailaddress1: `lead${i}@example.pl` }));
    const { outcomes } = await message<{ outcomes: { status: string }[] }>(ext, 'leads/save-batch', { leads, onDuplicate: 'save' });
    expect(outcomes.filter((o) => o.status === 'saved')).toHaveLength(N);

    await waitFor(() => deliveries.size >= 150, 60_000, 'first deliveries');
    await ext.stopServiceWorker();
    const atFirstStop = deliveries.size;
    await waitFor(() => deliveries.size >= Math.max(atFirstStop + 150, 600), 90_000, 'deliveries after the first stop');
    await ext.stopServiceWorker();
    const atSecondStop = deliveries.size;
    expect(atSecondStop).toBeLessThan(N); // both stops really were mid-run

    await waitFor(() => deliveries.size === N, 120_000, 'all deliveries');
    // Let in-doubt jobs settle and the badge update.
    let status = await message<{ waiting: number }>(ext, 'queue/status');
    for (let i = 0; i < 100 && status.waiting > 0; i++) {
      await sleep(500);
      status = await message<{ waiting: number }>(ext, 'queue/status');
    }
    expect(status.waiting).toBe(0);

    // Whether a stop lands while a batch is in flight depends on timing (on a quiet machine a
    // batch can finish first), so it is reported, not required; "none twice" is asserted below.
    // lib/queue/*.test.ts checks in-doubt jobs deterministically.
    if (!inDoubtChecks.length) console.warn('neither stop landed while a batch was in flight this run');
    const twice = [...deliveries].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    expect(deliveries.size).toBe(N);
    const { leads: stored } = await message<{ leads: { id: string; sync: { state: string } }[] }>(ext, 'leads/list');
    expect(stored).toHaveLength(N);
    expect(stored.filter((l) => l.sync.state !== 'synced')).toEqual([]);
    const expectedKeys = new Set(stored.map((l) => `${l.id}:1`));
    expect([...deliveries.keys()].every((k) => expectedKeys.has(k))).toBe(true);
    console.log(`stops at ${atFirstStop} and ${atSecondStop} delivered; ${inDoubtChecks.length} in-doubt jobs checked before resending`);
  }, 300_000); // each restart waits for Chrome's 30 s alarm: the waits above bound the run
});
