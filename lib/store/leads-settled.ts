// Privacy's walks need their leads in the lead store, not in the import journal (docs/import.md).
import type { IDBPDatabase } from 'idb';
import { getDb } from './open';
import { settleImportedLeads } from './import-journal';
import { journalChanged } from './journal-mirror';
import { importsSettled } from './apply-in-background';
import { leadsChanged } from './lead-writes';
import type { LeadRecord } from '../leads/schema';
import { asLead, type StoredLead } from './stored-lead';
import { leadsInState } from './outbox';

type AnyDb = IDBPDatabase<unknown>;
/** The lead database as privacy's walkers see it: untyped, its store names found at run time. */
export type LeadDb = AnyDb;

/** The leads in the CRM's state (retention chooses among these). */
export const syncedLeads = async (db: AnyDb): Promise<LeadRecord[]> => ((await db.getAllFromIndex('leads', 'by-outbox', leadsInState('synced'))) as StoredLead[]).map((l) => asLead(l));

/**
 * Runs `fn` on the lead database (untyped: it walks stores found at run time) once every
 * committed import has reached the lead stores and these leads are out of the journal. `ids`
 * may be a function of the database: it is asked again after the journal moved leads, whose
 * state may have changed. `fn` may erase anything, journal records too: the store's caches are
 * dropped afterwards.
 */
export async function forLeadsSettled<T>(ids: readonly string[] | ((db: AnyDb) => Promise<string[]>), fn: (db: AnyDb, ids: string[]) => Promise<T>): Promise<T> {
  await importsSettled();
  const db = (await getDb()) as unknown as AnyDb;
  const pick = async () => (typeof ids === 'function' ? ids(db) : [...ids]);
  // An import committed meanwhile may hold them (or, for retention, change which leads qualify).
  await settleImportedLeads(await pick());
  const settled = await pick();
  leadsChanged();
  try {
    return await fn(db, settled);
  } finally {
    leadsChanged();
    journalChanged();
  }
}
