// Where the background worker plugs in the processor that sends jobs (the sync engine from
// lib/sync/activation.ts while sync can work, or the test build's recorder). Until one is
// registered, jobs wait in `ready`: nothing is attempted, nothing is marked failed.
import type { SyncProcessor } from './processor';

let current: SyncProcessor | undefined;

export function registerSyncProcessor(processor: SyncProcessor | undefined): void {
  current = processor;
}

export function registeredSyncProcessor(): SyncProcessor | undefined {
  return current;
}
