// The sync feature's own IndexedDB database (background only): retry attempts, conflicts with
// the CRM's version, and caches. Separate from 'leadclip' so sync adds no migration to it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CrmVersion } from './sync-engine';

export const SYNC_DB = 'leadclip-sync';

export interface Conflict {
  id: string;
  crm: CrmVersion;
  crmEtag?: string;
  /** Why the CRM's version could not be read (issue #17); `crm` is empty then. */
  unreadable?: string;
  detectedAt: string;
}

interface SyncDb extends DBSchema {
  attempts: { key: string; value: number };
  conflicts: { key: string; value: Conflict };
  kv: { key: string; value: unknown };
}

let dbp: Promise<IDBPDatabase<SyncDb>> | undefined;
export function syncDb(): Promise<IDBPDatabase<SyncDb>> {
  return (dbp ??= openDB<SyncDb>(SYNC_DB, 1, {
    upgrade(db) {
      db.createObjectStore('attempts');
      db.createObjectStore('conflicts', { keyPath: 'id' });
      db.createObjectStore('kv');
    },
    blocking() {
      void dbp?.then((d) => d.close());
      dbp = undefined;
    },
  }));
}

export function resetSyncDbForTests(): void {
  dbp = undefined;
}

export async function kvGet<T>(key: string): Promise<T | undefined> {
  return (await (await syncDb()).get('kv', key)) as T | undefined;
}
export async function kvSet(key: string, value: unknown): Promise<void> {
  await (await syncDb()).put('kv', value, key);
}
