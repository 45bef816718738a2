// Issue #15: sync and the phone parser are not in background.js; the worker loads them with
// importScripts() when it needs them, which Chrome allows later only for scripts imported while
// the worker was installed (build/service-worker-chunks.ts). A worker woken after a stop must
// still sync, and must not load the sync code just to answer a page.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { connectThroughOptions } from './support/sync';
import { waitUntil } from './support/wait';
import { startSandbox, type Sandbox } from '../tests/sandbox';
import type { LeadRecord } from '../lib/leads/schema';

let ext: ExtensionHarness;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await sandbox?.close();
});

/** The chunks the running worker has loaded so far (the loader's own list). */
async function loadedChunks(): Promise<string[]> {
  const w = await ext.worker();
  return w.evaluate(() => (globalThis as unknown as { __leadclipChunk: { loaded(): string[] } }).__leadclipChunk.loaded());
}
/** Of those, the files loaded with importScripts() (chunks the entry imports are inside background.js). */
const onDemand = (chunks: string[]) => chunks.filter((c) => existsSync(join(EXTENSION_DIR, c)) && c !== 'background.js').map((c) => c.replace(/-[\w-]{8}\.js$/, '')).sort();

it('a worker woken after a stop answers without the sync code, then loads it and syncs a lead', async () => {
  (await connectThroughOptions(ext, sandbox)).close();
  await ext.stopServiceWorker();

  const page = await ext.openOptions('#/leads');
  await message(page, 'leads/list'); // wakes the worker
  expect(onDemand(await loadedChunks())).toEqual([]);

  const id = crypto.randomUUID();
  await message(page, 'leads/save', { lead: { id, subject: 'Po przebudzeniu', lastname: 'Zielińska', firstname: 'Maria', companyname: 'Zielińska Sp. z o.o.', emailaddress1: 'maria@zielinska.example', telephone1: '601 234 567' } });
  await waitUntil(async () => (await message<{ lead: LeadRecord | null }>(page, 'leads/get', { id })).lead?.sync.state === 'synced', 'the lead synced', 30_000);

  const crm = sandbox.record('leads', id)!;
  expect(crm.lastname).toBe('Zielińska');
  // The phone went through libphonenumber-js, loaded on demand with its metadata.
  expect(crm.telephone1).toBe('+48 601 234 567');
  expect(onDemand(await loadedChunks())).toEqual(['background/phone-parse-core', 'background/service']);
  await page.close();
});
