// Append only: migrations[n] upgrades version n to n+1. Never edit a shipped migration; each
// version has a fixture in __fixtures__/v{n}.json that migrations.test.ts upgrades to latest.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AppDb } from './schema';

// Migrations see the database loosely typed: they run against older shapes.
export type Migration = (
  db: IDBPDatabase<AppDb>,
  tx: IDBPTransaction<AppDb, StoreNames<AppDb>[], 'versionchange'>,
) => void | Promise<void>;

export const migrations: Migration[] = [
  // v1: leads, by last update and by sync state.
  (db) => {
    const leads = db.createObjectStore('leads', { keyPath: 'id' });
    leads.createIndex('by-updated', 'updatedAt');
    leads.createIndex('by-sync-state', 'sync.state');
  },
];

export const DB_VERSION = migrations.length;
