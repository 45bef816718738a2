// Where the background worker plugs in the processor that sends jobs (the sync engine from
// lib/sync/, or the test build's recorder). Until one is registered and ready (a CRM or
// webhook configured), jobs wait in `ready`: nothing is attempted, nothing is marked failed.
import type { SyncProcessor } from './processor';

let current: SyncProcessor | undefined;
let isReady: () => Promise<boolean> = async () => true;

export function registerSyncProcessor(processor: SyncProcessor | undefined, ready: () => Promise<boolean> = async () => true): void {
  current = processor;
  isReady = ready;
}

export function registeredSyncProcessor(): SyncProcessor | undefined {
  return current;
}

/** The processor, when there is one and it has somewhere to send to. */
export async function activeSyncProcessor(): Promise<SyncProcessor | undefined> {
  if (!current) return undefined;
  try {
    return (await isReady()) ? current : undefined;
  } catch (err) {
    console.warn('LeadClip: cannot tell whether sync is configured; the queue waits.', err);
    return undefined;
  }
}
