// One line of a lead's audit trail (issue #4). Entries are only ever added, never changed.
import * as z from 'zod/mini';

export const auditKind = z.enum([
  'captured', // where, when, how
  'edited', // which fields
  'merged', // a duplicate merged into this lead, which fields taken
  'scored', // rep overrode the suggested rating
  'qualified',
  'disqualified',
  'queued',
  'sync_attempt',
  'sync_result',
  'erased', // issue #8: "forget this person"; the only trace left, with no personal data
]);
export type AuditKind = z.infer<typeof auditKind>;

export const auditEntry = z.object({
  /** Set by the store (autoIncrement): the order of events. */
  seq: z.optional(z.int().check(z.gte(1))),
  leadId: z.uuid(),
  at: z.iso.datetime(),
  kind: auditKind,
  /** Small structured facts: fields changed, origin, job key, outcome, error. */
  details: z._default(z.record(z.string(), z.unknown()), {}),
});
export type AuditEntry = z.output<typeof auditEntry>;
export type NewAuditEntry = Omit<AuditEntry, 'seq'>;

/** One entry for many leads (issue #15): what a batch (an import part, a bulk save) did the same
 * to each. A lead id inside `details` is written as LEAD_ID_TOKEN; the store hands each lead its
 * own view (lib/store/audit-trail.ts). */
export interface AuditBatchEntry extends Omit<AuditEntry, 'leadId'> {
  leadIds: string[];
}

export const LEAD_ID_TOKEN = '{leadId}';
