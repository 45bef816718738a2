// The contract between the queue and whatever sends leads to the CRM (the sync engine,
// lib/sync/, plugs in here; tests plug in a recorder). The queue guarantees:
// - a job is handed over only while it is `syncing`, at most once per claim;
// - `key` (leadId:revision) is stable across retries, so the processor can make the CRM write
//   idempotent (Dataverse upsert with the client-generated leadid);
// - `inDoubt` is true when an earlier attempt at this key may have reached the CRM (the worker
//   stopped before recording the answer): check before writing again.
import type { LeadRecord } from '../leads/schema';

export interface SyncJob {
  key: string;
  leadId: string;
  revision: number;
  op: 'create' | 'update';
  /** 1 for the first attempt at this revision. */
  attempt: number;
  inDoubt: boolean;
  lead: LeadRecord;
}

export type SyncResult =
  | { key: string; ok: true; etag?: string }
  /** retryable: network, 429, 5xx; otherwise the lead needs the rep (400, 403, duplicates). */
  | {
      key: string; ok: false; retryable: boolean; error: string; retryAfterMs?: number;
      /** The write may have reached the CRM anyway (a timeout): the next attempt checks first. */
      unknownOutcome?: boolean;
    };

/** Sends a batch; answers one result per job (missing ones count as retryable failures).
 * Should stop early when `signal` aborts. */
export type SyncProcessor = (jobs: SyncJob[], signal: AbortSignal) => Promise<SyncResult[]>;
