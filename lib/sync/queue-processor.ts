// The queue's processor (lib/queue/processor.ts) for Dynamics 365 and the webhook: hands each
// claimed job's lead to the sync engine and turns its per-lead results into the queue's.
// In-doubt jobs need no check first: every write is an upsert keyed by the client's GUIDs.
import type { SyncJob, SyncProcessor, SyncResult as QueueResult } from '../queue/processor';
import type { SyncItem, SyncResult } from './sync-engine';

/** Until the rep signs in again, auth failures wait this long between tries. */
export const AUTH_RETRY_MS = 15 * 60_000;

export interface ProcessorDeps {
  /** Runs the configured target (Dataverse, or the webhook) over the leads. */
  target: (items: SyncItem[], signal: AbortSignal) => Promise<SyncResult[]>;
  /** A conflict: keep the CRM's version for the rep (nothing is overwritten). */
  onConflict?: (result: Extract<SyncResult, { state: 'conflict' }>) => Promise<void>;
  onSynced?: (id: string) => Promise<void>;
  now?: () => Date;
}

export function toQueueResult(job: SyncJob, r: SyncResult, now: Date): QueueResult {
  switch (r.state) {
    case 'synced':
      return { key: job.key, ok: true, etag: r.etag };
    case 'failed':
      return { key: job.key, ok: false, retryable: true, error: r.error, retryAfterMs: Math.max(0, Date.parse(r.retryAt) - now.getTime()) };
    case 'auth_required':
      return { key: job.key, ok: false, retryable: true, error: r.error, retryAfterMs: AUTH_RETRY_MS };
    case 'conflict':
    case 'needs_attention':
      return { key: job.key, ok: false, retryable: false, error: r.error };
  }
}

export function createSyncProcessor(deps: ProcessorDeps): SyncProcessor {
  const now = deps.now ?? (() => new Date());
  return async (jobs, signal) => {
    const results = await deps.target(jobs.map((j) => ({ lead: j.lead, attempt: Math.max(0, j.attempt - 1) })), signal);
    const byId = new Map(results.map((r) => [r.id, r]));
    const out: QueueResult[] = [];
    for (const job of jobs) {
      const r = byId.get(job.lead.id);
      if (!r) continue; // unanswered: the queue retries it
      if (r.state === 'conflict') await deps.onConflict?.(r);
      if (r.state === 'synced') await deps.onSynced?.(r.id);
      out.push(toQueueResult(job, r, now()));
    }
    return out;
  };
}
