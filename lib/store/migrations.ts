// Append only: migrations[n] upgrades version n to n+1. Never edit a shipped migration; each
// version has a fixture in __fixtures__/v{n}.json that migrations.test.ts upgrades to latest.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AppDb } from './db-schema';
import { backfillV2 } from './backfill-v2';

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
  // v2 (issue #4): outbox, audit trail, duplicate index; existing leads are indexed and queued.
  async (db, tx) => {
    const outbox = db.createObjectStore('outbox', { keyPath: 'leadId' });
    outbox.createIndex('by-state-due', ['state', 'dueAt']);
    const audit = db.createObjectStore('audit', { keyPath: 'seq', autoIncrement: true });
    audit.createIndex('by-lead', 'leadId');
    const dedupe = db.createObjectStore('dedupe', { keyPath: 'leadId' });
    dedupe.createIndex('by-email', 'emails', { multiEntry: true });
    dedupe.createIndex('by-phone', 'phones', { multiEntry: true });
    dedupe.createIndex('by-name-company', 'nameCompany');
    dedupe.createIndex('by-fuzzy', 'fuzzy', { multiEntry: true });
    await backfillV2(tx);
  },
  // v3 (issue #5): the import journal. Writing 100,000 leads one record per store each takes
  // IndexedDB about a minute; a few records of thousands of leads take seconds (docs/import.md).
  (db) => {
    db.createObjectStore('importJournal', { keyPath: 'key' });
  },
];

export const DB_VERSION = migrations.length;
