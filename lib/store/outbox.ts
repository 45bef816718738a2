// The outbox (issue #4): one job per lead, kept on the lead record since v4 (issue #15). Every
// function here runs inside the caller's transaction and writes the job, the lead's `sync` field
// and the audit entry together, so the lead's state and the outbox can never disagree.
import type { Tx } from './tx';
import type { LeadRecord } from '../leads/schema';
import { appendAudit, type AuditSink } from './audit-trail';
import { asLead, type StoredLead } from './stored-lead';
import { jobKey, type OutboxJob } from './outbox-job';
import { transition } from './outbox-transition';
import type { SyncJob, SyncResult } from '../queue/processor';

export type OutboxTx = Tx<'readwrite'>;

/** 'by-outbox' keys of the leads whose job (and so whose sync state) is `state`, at any due time. */
export function leadsInState(state: OutboxJob['state']): IDBKeyRange {
  return IDBKeyRange.bound([state, ''], [state, '\uffff']);
}

/** The lead's view of its job (lead.sync), kept identical to the outbox. */
export function syncInfoOf(job: OutboxJob, previous: LeadRecord['sync'] | undefined): LeadRecord['sync'] {
  return {
    state: job.state,
    lastAttemptAt: job.lastAttemptAt,
    nextRetryAt: job.nextRetryAt,
    error: job.error,
    syncedAt: job.syncedAt,
    etag: previous?.etag,
  };
}

/**
 * The job for a new revision of a lead: a new lead is queued (or kept as a draft), a changed one
 * is queued again (a synced lead becomes an update). Pure but for the audit entry; the caller
 * writes the job on the lead (`outbox`, and `syncInfoOf(job)` as its `sync`) in its put.
 */
export function nextRevision(current: OutboxJob | undefined, leadId: string, at: string, audit: AuditSink, options: { draft?: boolean } = {}): OutboxJob {
  let job: OutboxJob;
  if (!current) {
    job = {
      leadId, revision: 1, op: 'create', state: options.draft ? 'draft' : 'ready', attempts: 0,
      syncedRevision: 0, inDoubt: false, dueAt: at, updatedAt: at,
    };
  } else {
    const base = { ...current, revision: current.revision + 1, attempts: 0, updatedAt: at };
    if (current.state === 'syncing') {
      // The older revision is in flight; its answer will find a newer revision and requeue.
      job = base;
    } else {
      // A draft stays a draft until handed over; anything else that changes goes (back) out.
      const target = current.state === 'draft' && options.draft !== false ? 'draft' : 'ready';
      job = { ...transition(base, { state: target }), inDoubt: false, dueAt: at }; // a new key: nothing of it was sent
    }
    if (current.syncedRevision > 0) job.op = 'update';
  }
  if (job.state === 'ready' && current?.state !== 'ready') {
    audit({ leadId, at, kind: 'queued', details: { key: jobKey(job), op: job.op } });
  }
  return job;
}

/** The stored lead with this job: its outbox and its `sync` view of it (one put). */
export function withJob(lead: StoredLead, job: OutboxJob, etag?: string): StoredLead {
  const sync = syncInfoOf(job, lead.sync);
  if (etag) sync.etag = etag;
  return { ...lead, sync, outbox: job };
}

/** A draft handed over for sync, or a failed / needs-attention lead retried by the rep. */
export async function requeue(tx: OutboxTx, leadId: string, at: string): Promise<OutboxJob | undefined> {
  const leads = tx.objectStore('leads');
  const lead = await leads.get(leadId);
  if (!lead?.outbox) return undefined;
  const job = { ...transition(lead.outbox, { state: 'ready' }), attempts: 0, dueAt: at, updatedAt: at };
  await leads.put(withJob(lead, job));
  await appendAudit(tx, { leadId, at, kind: 'queued', details: { key: jobKey(job), op: job.op, manual: true } });
  return job;
}

export interface ClaimOptions {
  limit: number;
  /** How long a claim holds before the same worker may take a job again (a hung processor). */
  leaseMs: number;
  /** This worker instance. A job left syncing by another instance was cut off when that
   * worker stopped: it is taken again at once. */
  owner: string;
}

/**
 * Claims up to `limit` due jobs: ready ones, failed ones whose retry time has come, and
 * syncing ones whose worker stopped or whose lease ran out (they go back through ready and
 * are marked in doubt). Moves them to syncing and returns what to send.
 */
export async function claimDue(tx: OutboxTx, now: Date, options: ClaimOptions): Promise<SyncJob[]> {
  const at = now.toISOString();
  const leads = tx.objectStore('leads');
  const index = leads.index('by-outbox');
  const due = (state: string) => IDBKeyRange.bound([state, ''], [state, at]);
  const inFlight = await index.getAll(leadsInState('syncing'));
  const stale = inFlight.filter((l) => l.outbox!.owner !== options.owner || l.outbox!.dueAt <= at);
  const ready = await index.getAll(due('ready'), options.limit);
  const failed = await index.getAll(due('failed'), options.limit);
  const picked = [...stale, ...ready, ...failed].slice(0, options.limit);
  const jobs: SyncJob[] = [];
  const leaseUntil = new Date(now.getTime() + options.leaseMs).toISOString();
  for (const lead of picked) {
    let job = lead.outbox!;
    if (job.state === 'syncing') job = { ...transition(job, { state: 'ready' }), inDoubt: true };
    const claimed: OutboxJob = { ...transition(job, { state: 'syncing', at }), attempts: job.attempts + 1, owner: options.owner, dueAt: leaseUntil, updatedAt: at };
    const stored = withJob(lead, claimed);
    await leads.put(stored);
    const key = jobKey(claimed);
    await appendAudit(tx, { leadId: job.leadId, at, kind: 'sync_attempt', details: { key, attempt: claimed.attempts, op: claimed.op, inDoubt: claimed.inDoubt } });
    jobs.push({ key, leadId: claimed.leadId, revision: claimed.revision, op: claimed.op, attempt: claimed.attempts, inDoubt: claimed.inDoubt, lead: asLead(stored) });
  }
  return jobs;
}

export interface CompleteOptions {
  maxAttempts: number;
  /** How long to wait before the next attempt (the queue's backoff), given the attempts so far. */
  retryDelay: (attempts: number, retryAfterMs?: number) => number;
}

/**
 * Records the processor's answers. A result is applied only to the job it was claimed for
 * (same key, still syncing); anything else (a late or repeated answer) is ignored, which is
 * what makes completion idempotent. Returns the keys applied.
 */
export async function completeJobs(tx: OutboxTx, results: readonly SyncResult[], now: Date, options: CompleteOptions): Promise<string[]> {
  const at = now.toISOString();
  const applied: string[] = [];
  for (const result of results) {
    const leadId = result.key.slice(0, result.key.lastIndexOf(':'));
    const revision = Number(result.key.slice(result.key.lastIndexOf(':') + 1));
    const lead = await tx.objectStore('leads').get(leadId);
    let job = lead?.outbox;
    if (!lead || !job || job.state !== 'syncing' || revision > job.revision || revision < job.syncedRevision) continue;
    const stale = revision < job.revision; // the lead changed while this revision was in flight
    if (!result.ok && result.unknownOutcome) job = { ...job, inDoubt: true };
    let next: OutboxJob;
    if (result.ok) {
      const done = { ...job, syncedRevision: revision, op: 'update' as const, inDoubt: false };
      next = stale ? { ...transition(done, { state: 'ready' }), attempts: 0, dueAt: at } : { ...transition(done, { state: 'synced', at }), dueAt: at };
    } else if (stale) {
      next = { ...transition(job, { state: 'ready' }), attempts: 0, inDoubt: false, dueAt: at };
    } else if (!result.retryable || job.attempts >= options.maxAttempts) {
      const reason = result.retryable ? `${result.error} (gave up after ${job.attempts} attempts)` : result.error;
      // inDoubt stays: whether the cut-off attempt reached the CRM is still unknown.
      next = { ...transition(job, { state: 'needs_attention', reason }), dueAt: at };
    } else {
      const nextRetryAt = new Date(now.getTime() + options.retryDelay(job.attempts, result.retryAfterMs)).toISOString();
      next = { ...transition(job, { state: 'failed', reason: result.error, nextRetryAt }), dueAt: nextRetryAt };
    }
    next.updatedAt = at;
    await tx.objectStore('leads').put(withJob(lead, next, result.ok ? result.etag : undefined));
    await appendAudit(tx, {
      leadId, at, kind: 'sync_result',
      details: result.ok ? { key: result.key, ok: true, state: next.state } : { key: result.key, ok: false, error: result.error, retryable: result.retryable, state: next.state, nextRetryAt: next.nextRetryAt },
    });
    applied.push(result.key);
  }
  return applied;
}

/** When the runner should next look: the earliest due time among jobs waiting to run. */
export async function nextDueAt(tx: Tx): Promise<string | undefined> {
  const index = tx.objectStore('leads').index('by-outbox');
  const firsts = await Promise.all(
    (['ready', 'failed', 'syncing'] as const).map(async (s) => (await index.openKeyCursor(leadsInState(s)))?.key[1]),
  );
  return firsts.filter((d): d is string => !!d).sort()[0];
}

/** Leads the queue gave up on until the rep acts: conflicts, refusals (the badge's alert). */
export async function countNeedsAttention(tx: Tx): Promise<number> {
  return tx.objectStore('leads').index('by-outbox').count(leadsInState('needs_attention'));
}

/** Leads not yet in the CRM that the queue is working on (the badge). */
export async function countWaiting(tx: Tx): Promise<number> {
  const index = tx.objectStore('leads').index('by-outbox');
  const counts = await Promise.all(
    (['ready', 'syncing', 'failed', 'needs_attention'] as const).map((s) => index.count(leadsInState(s))),
  );
  return counts.reduce((a, b) => a + b, 0);
}
