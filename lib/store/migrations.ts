// Append only: migrations[n] upgrades version n to n+1. Never edit a shipped migration; each
// version has a fixture in __fixtures__/v{n}.json that migrations.test.ts upgrades to latest.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AnyVersionDb } from './db-schema';
import { backfillV2 } from './backfill-v2';
import { foldV4 } from './fold-v4';
import { addMatchKeysV5 } from './match-keys-v5';

// Migrations see every store any version had: they run against older shapes.
export type Migration = (
  db: IDBPDatabase<AnyVersionDb>,
  tx: IDBPTransaction<AnyVersionDb, StoreNames<AnyVersionDb>[], 'versionchange'>,
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
  // v3 (issue #5): the import journal (why: docs/import.md).
  (db) => {
    db.createObjectStore('importJournal', { keyPath: 'key' });
  },
  // v4 (issue #15): the outbox job and the duplicate keys move onto the lead record, indexed
  // there, so saving a lead is one put; batch audit entries are found by each of their leads.
  async (db, tx) => {
    const leads = tx.objectStore('leads');
    leads.deleteIndex('by-updated'); // read by nothing, and every put pays for each index
    leads.createIndex('by-outbox', ['outbox.state', 'outbox.dueAt']);
    leads.createIndex('by-email', 'dedupe.emails', { multiEntry: true });
    leads.createIndex('by-phone', 'dedupe.phones', { multiEntry: true });
    leads.createIndex('by-name-company', 'dedupe.nameCompany');
    leads.createIndex('by-fuzzy', 'dedupe.fuzzy', { multiEntry: true });
    tx.objectStore('audit').createIndex('by-batch', 'leadIds', { multiEntry: true });
    await foldV4(tx);
    db.deleteObjectStore('outbox');
    db.deleteObjectStore('dedupe');
  },
  // v5 (issue #15): every put paid for six indexes. The four duplicate-key indexes become one
  // ('by-match', on keys prefixed by rule) and 'by-sync-state' goes: the outbox job's state is
  // the lead's, so 'by-outbox' finds synced and failed leads.
  async (_db, tx) => {
    const leads = tx.objectStore('leads');
    for (const name of ['by-sync-state', 'by-email', 'by-phone', 'by-name-company', 'by-fuzzy'] as const) leads.deleteIndex(name);
    await addMatchKeysV5(tx);
    leads.createIndex('by-match', 'dedupe.match', { multiEntry: true });
  },
];

export const DB_VERSION = migrations.length;
