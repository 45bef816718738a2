// A lead as the 'leads' store holds it (v4, issue #15): the lead, its outbox job and its duplicate
// keys in one record, so saving a lead is one put. Both extra fields stay inside lib/store.
import type { LeadRecord } from '../leads/schema';
import type { DedupeKeys } from '../leads/dedupe-keys';
import type { OutboxJob } from './outbox-job';

export type StoredLead = LeadRecord & {
  /** The lead's outbox job (indexed by state and due time: 'by-outbox'). */
  outbox?: OutboxJob;
  /** What the duplicate check looks up (its `match` list is indexed: 'by-match'). */
  dedupe?: DedupeKeys;
};

/** The lead alone, as everything outside the store sees it. */
export function asLead(stored: StoredLead): LeadRecord;
export function asLead(stored: StoredLead | undefined): LeadRecord | undefined;
export function asLead(stored: StoredLead | undefined): LeadRecord | undefined {
  if (!stored) return undefined;
  const { outbox: _job, dedupe: _keys, ...lead } = stored;
  return lead;
}
