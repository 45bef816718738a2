// The duplicate check's look-ups in the database: the lead store's 'by-match' index on each lead's
// duplicate keys (issue #4; on the lead record since v4, in one index since v5, issue #15).
import type { Tx } from './tx';
import { BatchSource, MAX_FUZZY_CANDIDATES, MAX_MATCHES, type DuplicateSource } from '../leads/dedupe';
import { emailMatchKey, fuzzyMatchKey, nameCompanyMatchKey, phoneMatchKey, type DedupeKeys } from '../leads/dedupe-keys';
import { asLead } from './stored-lead';

/** The 'leads' store of the caller's transaction. */
export function dbSource(tx: Tx): DuplicateSource {
  const store = tx.objectStore('leads');
  const byMatch = store.index('by-match');
  return {
    idsByEmail: (e) => byMatch.getAllKeys(emailMatchKey(e), MAX_MATCHES),
    idsByPhone: (p) => byMatch.getAllKeys(phoneMatchKey(p), MAX_MATCHES),
    idsByNameCompany: (k) => byMatch.getAllKeys(nameCompanyMatchKey(k), MAX_MATCHES),
    rowsByFuzzyKey: async (k) => (await byMatch.getAll(fuzzyMatchKey(k), MAX_FUZZY_CANDIDATES)).flatMap((l) => (l.dedupe ? [l.dedupe] : [])),
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
