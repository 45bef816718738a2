// The outbox as the queue runner, the badge and the sync service see it: each call is one
// transaction over the outbox, the leads and the audit trail (lib/store/outbox.ts does the work).
import { getDb } from './open';
import { openTx } from './tx';
import { claimDue, completeJobs, countNeedsAttention, countWaiting, leadsInState, nextDueAt, requeue, type ClaimOptions, type CompleteOptions } from './outbox';
import { settleImportedLeads } from './import-journal';
import type { LeadRecord } from '../leads/schema';
import { dedupeKeys } from '../leads/dedupe-keys';
import { asLead } from './stored-lead';
import type { SyncJob, SyncResult } from '../queue/processor';

const QUEUE_STORES = ['leads', 'audit'] as const;

/** Claims the jobs due now and moves them to syncing (lib/store/outbox.ts claimDue). */
export async function claimDueJobs(now: Date, options: ClaimOptions): Promise<SyncJob[]> {
  const tx = openTx(await getDb(), [...QUEUE_STORES], 'readwrite');
  const jobs = await claimDue(tx, now, options);
  await tx.done;
  return jobs;
}

/** Records the processor's answers; returns the keys applied (lib/store/outbox.ts completeJobs). */
export async function recordSyncResults(results: readonly SyncResult[], now: Date, options: CompleteOptions): Promise<string[]> {
  const tx = openTx(await getDb(), [...QUEUE_STORES], 'readwrite');
  const applied = await completeJobs(tx, results, now, options);
  await tx.done;
  return applied;
}

/** Jobs in the outbox not yet in the CRM, and when the next one is due. */
export async function outboxStatus(): Promise<{ waiting: number; nextDueAt?: string }> {
  const tx = openTx(await getDb(), ['leads'], 'readonly');
  const [waiting, next] = await Promise.all([countWaiting(tx), nextDueAt(tx)]);
  return { waiting, nextDueAt: next };
}

/** Leads the queue gave up on until the rep acts (the badge's alert). */
export async function needsAttentionCount(): Promise<number> {
  return countNeedsAttention(openTx(await getDb(), ['leads'], 'readonly'));
}

/** After signing in again: failed leads go now rather than at their retry time. */
export async function retryFailedLeads(now = new Date()): Promise<void> {
  const db = await getDb();
  const failed = await db.getAllFromIndex('leads', 'by-outbox', leadsInState('failed'));
  if (!failed.length) return;
  const tx = openTx(db, [...QUEUE_STORES], 'readwrite');
  for (const l of failed) await requeue(tx, l.id, now.toISOString());
  await tx.done;
}

export interface RequeueOptions {
  /** Changes the stored lead in the same transaction (a conflict settled with the CRM's values). */
  change?: (lead: LeadRecord, at: string) => LeadRecord;
  /** The CRM's ETag the next update must match. */
  etag?: string;
  now?: Date;
}

/**
 * Queues a lead again: the rep retries a lead that failed or needs attention, hands a draft over,
 * or settles a conflict. Returns the stored lead, or undefined when there is none.
 */
export async function requeueLead(id: string, options: RequeueOptions = {}): Promise<LeadRecord | undefined> {
  await settleImportedLeads([id]);
  const at = (options.now ?? new Date()).toISOString();
  const tx = openTx(await getDb(), [...QUEUE_STORES], 'readwrite');
  const leads = tx.objectStore('leads');
  await requeue(tx, id, at);
  // Read after requeue(): the job it wrote rides on the record, and must stay on it.
  let stored = await leads.get(id);
  if (stored && (options.change || 'etag' in options)) {
    const changed = options.change ? options.change(asLead(stored), at) : asLead(stored);
    stored = {
      ...changed, outbox: stored.outbox, dedupe: dedupeKeys(id, changed),
      sync: { ...stored.sync, ...('etag' in options ? { etag: options.etag } : {}) },
    };
    await leads.put(stored);
  }
  await tx.done;
  return asLead(stored);
}
