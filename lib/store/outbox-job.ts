// An outbox job: one per lead, carrying the lead's latest revision to the CRM (issue #4).
import * as z from 'zod/mini';
import { syncState } from '../leads/schema';

const count = z.int().check(z.gte(0));

export const outboxJob = z.object({
  leadId: z.uuid(),
  /** Bumped on every change of the lead; the job key is leadId + revision. */
  revision: z.int().check(z.gte(1)),
  /** create until the lead first reached the CRM, update afterwards. */
  op: z.enum(['create', 'update']),
  state: syncState,
  /** Attempts at the current revision. */
  attempts: count,
  error: z.optional(z.string().check(z.maxLength(4000))),
  nextRetryAt: z.optional(z.iso.datetime()),
  lastAttemptAt: z.optional(z.iso.datetime()),
  syncedAt: z.optional(z.iso.datetime()),
  /** The revision that last reached the CRM. */
  syncedRevision: z._default(count, 0),
  /** The previous attempt at this key may or may not have reached the CRM (worker died). */
  inDoubt: z._default(z.boolean(), false),
  /** The worker instance that claimed it (syncing): another instance means the claimer stopped. */
  owner: z.optional(z.string().check(z.maxLength(100))),
  /** When the runner may pick this job up: enqueue time, next retry, or end of the lease. */
  dueAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OutboxJob = z.output<typeof outboxJob>;

/** The idempotency key of one unit of work: the same lead at the same revision. */
export function jobKey(job: Pick<OutboxJob, 'leadId' | 'revision'>): string {
  return `${job.leadId}:${job.revision}`;
}
