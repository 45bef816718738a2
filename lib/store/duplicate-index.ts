// The duplicate check's look-ups in the database: the 'dedupe' store's indexes (issue #4).
import type { Tx } from './tx';
import { MAX_FUZZY_CANDIDATES, MAX_MATCHES, type DuplicateSource } from '../leads/dedupe';
import { dedupeKeys, type KeySource } from '../leads/dedupe-keys';

/** The 'dedupe' and 'leads' stores of the caller's transaction. */
export function dbSource(tx: Tx): DuplicateSource {
  const store = tx.objectStore('dedupe');
  return {
    idsByEmail: (e) => store.index('by-email').getAllKeys(e, MAX_MATCHES),
    idsByPhone: (p) => store.index('by-phone').getAllKeys(p, MAX_MATCHES),
    idsByNameCompany: (k) => store.index('by-name-company').getAllKeys(k, MAX_MATCHES),
    rowsByFuzzyKey: (k) => store.index('by-fuzzy').getAll(k, MAX_FUZZY_CANDIDATES),
    lead: (id) => tx.objectStore('leads').get(id),
  };
}

/** Writes (or replaces) a lead's index row, in the caller's transaction. */
export function indexLead(tx: Tx<'readwrite'>, leadId: string, lead: KeySource): Promise<string> {
  return tx.objectStore('dedupe').put(dedupeKeys(leadId, lead));
}
