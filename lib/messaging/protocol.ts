// The message contract between extension pages / content scripts and the background worker.
// Zod schemas are the contract; the background parses every request before acting on it.
import * as z from 'zod/mini';
import { leadRecord, syncState } from '../leads/schema';
import { connectionCheckReply, connectionReply, crmMatchesReply, discoverReply, optionSetsReply, ownersReply, saveConnectionReply, syncNowReply, syncStatusReply } from '../sync/replies';
import { CLOUD_IDS } from '../sync/clouds';
import { privacyMessages } from '../privacy/messages';
import { auditEntry } from '../audit/entry';
import { scoringRules } from '../leads/score';
import { disqualifyRequest, qualifyRequest } from '../leads/qualify';
import { webmailMessage } from './webmail-message';

/** Who may send a message: our own pages only, or also our content scripts (webmail). */
export type Sender = 'extension' | 'content';

export interface MessageSpec<In extends z.core.$ZodType = z.core.$ZodType, Out extends z.core.$ZodType = z.core.$ZodType> {
  in: In;
  out: Out;
  from: readonly Sender[];
}
export type Protocol = Record<string, MessageSpec>;

const id = z.object({ id: z.uuid() });
const empty = z._default(z.object({}), {});
const text = (max: number) => z.string().check(z.maxLength(max));
const maybeLead = z.object({ lead: z.nullable(leadRecord) });

const issue = z.object({ field: z.string(), code: z.string() });
const duplicateMatch = z.object({
  lead: leadRecord,
  rules: z.array(z.enum(['email', 'phone', 'name_company', 'fuzzy_name_company'])),
  fields: z.array(z.string()),
  similarity: z.number(),
});
const scoreLine = z.object({
  criterion: z.string(), points: z.number(), max: z.number(),
  value: z.optional(z.union([z.number(), z.boolean(), z.string()])), missing: z.optional(z.array(z.string())),
});
const leadScore = z.object({ score: z.number(), points: z.number(), max: z.number(), rating: z.optional(z.union([z.literal(1), z.literal(2), z.literal(3)])), breakdown: z.array(scoreLine) });
const assessment = z.object({ matches: z.array(duplicateMatch), score: leadScore, issues: z.array(issue) });
const batchOutcome = z.union([
  z.object({ status: z.literal('saved'), id: z.uuid() }),
  z.object({ status: z.literal('duplicates'), matches: z.array(z.object({ id: z.uuid(), rules: z.array(z.string()), fields: z.array(z.string()) })) }),
  z.object({ status: z.literal('invalid'), error: z.string() }),
]);
const leadListQuery = z._default(z.object({
  text: z.optional(text(200)),
  state: z.optional(z.union([syncState, z.literal('')])),
  sort: z.optional(z.enum(['updated', 'name', 'company', 'status'])),
  offset: z._default(z.int().check(z.minimum(0)), 0),
  // 5,000 leads make a message of about 5 MB; extension messages are capped at 64 MB.
  limit: z._default(z.int().check(z.minimum(1), z.maximum(5000)), 1000),
}), { offset: 0, limit: 1000 });
const candidate = z.object({ id: z.string(), name: z.string(), values: z.record(z.string(), z.string()), source: z.optional(z.enum(['crm', 'local'])) });

export const toBackground = {
  'leads/get': { in: id, out: maybeLead, from: ['extension'] },
  /** One page of the lead list, searched and sorted in the background (lib/store/lead-list.ts). */
  'leads/list': { in: leadListQuery, out: z.object({ leads: z.array(leadRecord), total: z.number() }), from: ['extension'] },
  'leads/delete': { in: id, out: maybeLead, from: ['extension'] },
  /** Undo of a delete: the record as `leads/delete` returned it. */
  'leads/restore': { in: z.object({ lead: z.unknown() }), out: z.object({ lead: leadRecord }), from: ['extension'] },

  // ---- Sync (issue #6). Replies are zod schemas too (lib/sync/replies.ts), parsed before sending. ----
  'sync/connection/get': { in: empty, out: connectionReply, from: ['extension'] },
  'sync/connection/save': {
    in: z.object({
      environmentUrl: text(500), tenant: text(200), clientId: text(100),
      webhookUrl: z.optional(text(2000)), webhookSecret: z.optional(text(500)),
      /** The rep confirmed a changed environment or webhook URL (issue #18). */
      confirmChanges: z.optional(z.boolean()),
    }),
    out: saveConnectionReply,
    from: ['extension'],
  },
  'sync/sign-in': { in: empty, out: connectionReply, from: ['extension'] },
  /** "Sign in with Microsoft", then the environments to pick from (issue #17). */
  'sync/discover': {
    in: z.object({ cloud: z.enum([...CLOUD_IDS, 'sandbox']), sandboxUrl: z.optional(text(200)), tenant: z._default(text(200), ''), clientId: z._default(text(100), '') }),
    out: discoverReply,
    from: ['extension'],
  },
  'sync/sign-out': { in: empty, out: connectionReply, from: ['extension'] },
  'sync/test': { in: empty, out: connectionCheckReply, from: ['extension'] },
  'sync/now': { in: empty, out: syncNowReply, from: ['extension'] },
  'sync/status': { in: empty, out: syncStatusReply, from: ['extension'] },
  'sync/resolve': { in: z.object({ id: z.uuid(), keep: z.enum(['mine', 'crm']) }), out: z.object({}), from: ['extension'] },
  'sync/lookup': {
    in: z.object({ email: z.optional(text(200)), firstname: z.optional(text(100)), lastname: z.optional(text(100)), companyname: z.optional(text(200)) }),
    out: crmMatchesReply,
    from: ['extension'],
  },
  'sync/search': { in: z.object({ kind: z.enum(['account', 'contact']), term: text(200) }), out: crmMatchesReply, from: ['extension'] },
  'sync/option-sets': { in: z._default(z.object({ force: z.optional(z.boolean()) }), {}), out: optionSetsReply, from: ['extension'] },
  /** Issue #17: users and teams of the org by name, to own a lead or an import. */
  'sync/owners': { in: z.object({ term: text(200) }), out: ownersReply, from: ['extension'] },
  // ---- Issue #4: pipeline, qualification, queue, audit ----
  /** Duplicates, score and normalisation notes for a draft, without saving it. */
  'leads/assess': { in: z.object({ lead: z.unknown() }), out: assessment, from: ['extension'] },
  /** The one door for saving a lead from a page: a new lead, or a replacement of the one with the
   * same id (`lead` is a LeadDraftInput, parsed in the background), through the privacy gate and
   * the pipeline. With onDuplicate 'ask' it stops and returns the duplicates instead. */
  'leads/save': {
    in: z.object({ lead: z.unknown(), onDuplicate: z._default(z.enum(['ask', 'save']), 'save'), draft: z.optional(z.boolean()), confirmFreeMail: z.optional(z.boolean()) }),
    out: z.union([
      z.object({ status: z.literal('saved'), lead: leadRecord, issues: z.array(issue) }),
      z.object({ status: z.literal('duplicates'), matches: z.array(duplicateMatch), issues: z.array(issue) }),
    ]),
    from: ['extension'],
  },
  /** Imports: a whole batch in one transaction, one outcome per row. */
  'leads/save-batch': {
    in: z.object({ leads: z.array(z.unknown()).check(z.maxLength(10_000)), onDuplicate: z._default(z.enum(['ask', 'save']), 'ask') }),
    out: z.object({ outcomes: z.array(batchOutcome) }),
    from: ['extension'],
  },
  /** Merge a new lead into a stored duplicate: `fields` are the ones taken from `values`. */
  'leads/merge': {
    in: z.object({ targetId: z.uuid(), values: z.record(z.string(), z.unknown()), fields: z.array(z.string()).check(z.maxLength(100)), timeline: z._default(z.array(z.unknown()), []) }),
    out: z.object({ lead: leadRecord }),
    from: ['extension'],
  },
  'leads/qualify': { in: qualifyRequest, out: z.object({ lead: leadRecord }), from: ['extension'] },
  'leads/disqualify': { in: disqualifyRequest, out: z.object({ lead: leadRecord }), from: ['extension'] },
  'leads/qualify-candidates': {
    in: z.object({ query: z.string().check(z.maxLength(200)), excludeId: z.optional(z.uuid()) }),
    out: z.object({ accounts: z.array(candidate), contacts: z.array(candidate) }),
    from: ['extension'],
  },
  'leads/audit': { in: id, out: z.object({ entries: z.array(auditEntry) }), from: ['extension'] },
  /** Send a failed / needs-attention lead again now, or hand a draft over. */
  'queue/retry': { in: id, out: z.object({ lead: leadRecord }), from: ['extension'] },
  'queue/status': { in: z._default(z.object({}), {}), out: z.object({ waiting: z.number() }), from: ['extension'] },
  'settings/scoring-get': { in: z._default(z.object({}), {}), out: z.object({ rules: scoringRules, defaults: scoringRules }), from: ['extension'] },
  'settings/scoring-save': { in: z.object({ rules: z.unknown() }), out: z.object({ rules: scoringRules }), from: ['extension'] },
  /** The country phone numbers without a +prefix are read in (ISO 3166 code; PL to start). */
  'settings/country-get': { in: z._default(z.object({}), {}), out: z.object({ country: z.string(), countries: z.array(z.string()) }), from: ['extension'] },
  'settings/country-set': { in: z.object({ country: text(2) }), out: z.object({ country: z.string() }), from: ['extension'] },
  /** The webmail button (issue #7): the open message, from our content script; opens the lead form for that tab. */
  'webmail/capture': { in: webmailMessage, out: z.object({ opened: z.boolean() }), from: ['content'] },
  /** File import (issue #5): dedupe keys of stored leads, then staged batches committed in one transaction. */
  'import/keys': { in: z._default(z.object({}), {}), out: z.object({ keys: z.array(z.tuple([z.string(), z.string()])), defaultCountry: z.optional(z.string()) }), from: ['extension'] },
  'import/stage': {
    in: z.object({
      importId: z.uuid(),
      creates: z.array(z.unknown()).check(z.maxLength(5000)),
      updates: z.array(z.object({ id: z.uuid(), lead: z.unknown() })).check(z.maxLength(5000)),
    }),
    out: z.object({ staged: z.number() }),
    from: ['extension'],
  },
  /** `pending`: leads of committed imports the background is still adding to the lead stores. */
  'import/commit': { in: z.object({ importId: z.uuid() }), out: z.object({ created: z.number(), updated: z.number(), pending: z.number() }), from: ['extension'] },
  'import/pending': { in: z._default(z.object({}), {}), out: z.object({ pending: z.number() }), from: ['extension'] },
  'import/discard': { in: z.object({ importId: z.uuid() }), out: z.object({ discarded: z.boolean() }), from: ['extension'] },
  /** Import from Microsoft Exchange (issue #17): Outlook contact folders through Microsoft Graph, read in the worker. */
  'exchange/folders': {
    in: z._default(z.object({}), {}),
    out: z.object({ folders: z.array(z.object({ id: z.string(), displayName: z.string(), importedAt: z.optional(z.string()) })) }),
    from: ['extension'],
  },
  'exchange/read': {
    in: z.object({ folderIds: z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.minLength(1), z.maxLength(100)) }),
    out: z.object({
      readId: z.uuid(), headers: z.array(z.string()), rows: z.array(z.array(z.string())),
      folders: z.array(z.object({ id: z.string(), mode: z.enum(['first', 'changes', 'expired', 'no_delta']), count: z.number(), removed: z.number() })),
    }),
    from: ['extension'],
  },
  'exchange/remember': { in: z.object({ readId: z.uuid() }), out: z.object({ remembered: z.number() }), from: ['extension'] },

  // ---- Issue #8: privacy ----
  ...privacyMessages,
} as const satisfies Protocol;

export type ToBackground = typeof toBackground;
export type MessageType = keyof ToBackground;
export type MessageIn<T extends MessageType> = z.input<ToBackground[T]['in']>;
export type MessageOut<T extends MessageType> = z.output<ToBackground[T]['out']>;

/** What goes over the wire. */
export const envelope = z.object({ type: z.string().check(z.maxLength(100)), data: z.unknown() });
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
