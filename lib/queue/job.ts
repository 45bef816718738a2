// An outbox job: one per lead, carrying the lead's latest revision to the CRM (issue #4).
import { z } from 'zod';
import { syncState } from '../leads/schema';

export const outboxJob = z.object({
  leadId: z.uuid(),
  /** Bumped on every change of the lead; the job key is leadId + revision. */
  revision: z.number().int().min(1),
  /** create until the lead first reached the CRM, update afterwards. */
  op: z.enum(['create', 'update']),
  state: syncState,
  /** Attempts at the current revision. */
  attempts: z.number().int().min(0),
  error: z.string().max(4000).optional(),
  nextRetryAt: z.iso.datetime().optional(),
  lastAttemptAt: z.iso.datetime().optional(),
  syncedAt: z.iso.datetime().optional(),
  /** The revision that last reached the CRM. */
  syncedRevision: z.number().int().min(0).default(0),
  /** The previous attempt at this key may or may not have reached the CRM (worker died). */
  inDoubt: z.boolean().default(false),
  /** When the runner may pick this job up: enqueue time, next retry, or end of the lease. */
  dueAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OutboxJob = z.output<typeof outboxJob>;

/** The idempotency key of one unit of work: the same lead at the same revision. */
export function jobKey(job: Pick<OutboxJob, 'leadId' | 'revision'>): string {
  return `${job.leadId}:${job.revision}`;
}
