// The duplicate check's look-ups in the database: the lead store's indexes on each lead's
// duplicate keys (issue #4; on the lead record since v4, issue #15).
import type { Tx } from './tx';
import { BatchSource, MAX_FUZZY_CANDIDATES, MAX_MATCHES, type DuplicateSource } from '../leads/dedupe';
import type { DedupeKeys } from '../leads/dedupe-keys';
import { asLead } from './stored-lead';

/** The 'leads' store of the caller's transaction. */
export function dbSource(tx: Tx): DuplicateSource {
  const store = tx.objectStore('leads');
  return {
    idsByEmail: (e) => store.index('by-email').getAllKeys(e, MAX_MATCHES),
    idsByPhone: (p) => store.index('by-phone').getAllKeys(p, MAX_MATCHES),
    idsByNameCompany: (k) => store.index('by-name-company').getAllKeys(k, MAX_MATCHES),
    rowsByFuzzyKey: async (k) => (await store.index('by-fuzzy').getAll(k, MAX_FUZZY_CANDIDATES)).flatMap((l) => (l.dedupe ? [l.dedupe] : [])),
    lead: async (id) => asLead(await store.get(id)),
  };
}

/** Every stored lead's duplicate keys in memory, read in one request (a big batch checks against
 * them instead of several look-ups per lead); matched leads are read when asked for. */
export async function memorySource(tx: Tx): Promise<BatchSource> {
  const store = tx.objectStore('leads');
  const memory = new BatchSource(async (id) => asLead(await store.get(id)));
  for (const lead of await store.getAll()) if (lead.dedupe) memory.addKeys(lead.dedupe as DedupeKeys);
  return memory;
}
