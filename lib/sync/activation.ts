// The queue sends leads only while sync can work: signed in to Dynamics 365, or a webhook-only
// setup. Otherwise no processor is registered and leads simply wait in the queue (no attempts
// used up, nothing "gives up") until the rep connects or signs in again.
import { browser } from '#imports';
import type { SyncProcessor } from '../queue/processor';
import { registerSyncProcessor } from '../queue/processor-registry';
import { kickQueue } from '../queue/schedule';
import { syncReady } from './ready';
import { kvGet } from './sync-db';
import { registerOrgOptionSets, type CachedOptionSets } from './option-set-metadata';

const TEST_ENDPOINT_KEY = 'testSyncEndpoint';
let testRecorder: SyncProcessor | undefined;
let dataverse: SyncProcessor | undefined;
let processor: SyncProcessor | undefined;

async function testEndpointSet(): Promise<boolean> {
  return !!testRecorder && !!(await browser.storage.local.get(TEST_ENDPOINT_KEY))[TEST_ENDPOINT_KEY];
}

/** One stable function for the queue's runner; it picks the target on every batch. */
function gated(): SyncProcessor {
  return (processor ??= async (jobs, signal) => {
    if (await testEndpointSet()) return testRecorder!(jobs, signal);
    // The sync engine loads with the first batch to send, not at every wake-up (issue #15).
    dataverse ??= (await import('./service')).dataverseProcessor(() => void refreshSyncActivation());
    return dataverse(jobs, signal);
  });
}

/** Registers or withdraws the processor to match the current settings and sign-in. */
export async function refreshSyncActivation(): Promise<boolean> {
  const active = (await testEndpointSet()) || (await syncReady());
  registerSyncProcessor(active ? gated() : undefined);
  if (active) void kickQueue();
  return active;
}

/** Call synchronously in the background's main(). `recorder`: the test build's queue recorder. */
export function startSyncActivation(recorder?: SyncProcessor): void {
  testRecorder = recorder;
  // Saves are validated here: accept the org's own choice values known from its metadata.
  void kvGet<CachedOptionSets>('optionSets').then((c) => c && registerOrgOptionSets(c.sets)).catch(() => {});
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (TEST_ENDPOINT_KEY in changes || 'sync:connection' in changes)) void refreshSyncActivation();
  });
  void refreshSyncActivation();
}
