// Test builds only: a processor that sends job keys to a local HTTP server the e2e test runs
// (real sync is lib/sync/'s). It behaves as the sync engine must: a job in doubt is first
// checked with the server and sent again only if it never arrived.
import { browser } from '#imports';
import type { SyncProcessor, SyncResult } from './processor';

export const TEST_ENDPOINT_KEY = 'testSyncEndpoint';

export function httpTestProcessor(): SyncProcessor {
  return async (jobs, signal) => {
    const stored = await browser.storage.local.get(TEST_ENDPOINT_KEY);
    const endpoint = stored[TEST_ENDPOINT_KEY] as string | undefined;
    if (!endpoint) return jobs.map((j) => ({ key: j.key, ok: false, retryable: true, error: 'No test endpoint set.' }));
    const post = async (path: string, body: unknown) => {
      const res = await fetch(endpoint + path, { method: 'POST', body: JSON.stringify(body), signal, headers: { 'content-type': 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    };
    const doubtful = jobs.filter((j) => j.inDoubt).map((j) => j.key);
    const already = new Set<string>(doubtful.length ? ((await post('/applied', { keys: doubtful })) as { applied: string[] }).applied : []);
    const toSend = jobs.filter((j) => !already.has(j.key));
    const sent = toSend.length ? ((await post('/sync', { jobs: toSend.map((j) => ({ key: j.key, op: j.op, attempt: j.attempt, inDoubt: j.inDoubt, lastname: j.lead.lastname })) })) as { results: SyncResult[] }).results : [];
    return [...jobs.filter((j) => already.has(j.key)).map((j) => ({ key: j.key, ok: true as const })), ...sent];
  };
}
