// The message contract between extension pages / content scripts and the background worker.
// Zod schemas are the contract; the background parses every request before acting on it.
import * as z from 'zod/mini';
import { leadRecord } from '../leads/schema';
import type * as SyncService from '../sync/service';

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

export const toBackground = {
  /** Save a new lead, or replace one with the same id. `lead` is a LeadDraftInput, parsed in the background. */
  'leads/save': { in: z.object({ lead: z.unknown() }), out: z.object({ lead: leadRecord }), from: ['extension'] },
  'leads/get': { in: id, out: maybeLead, from: ['extension'] },
  'leads/list': { in: z._default(z.object({}), {}), out: z.object({ leads: z.array(leadRecord) }), from: ['extension'] },
  'leads/delete': { in: id, out: maybeLead, from: ['extension'] },
  /** Undo of a delete: the record as `leads/delete` returned it. */
  'leads/restore': { in: z.object({ lead: z.unknown() }), out: z.object({ lead: leadRecord }), from: ['extension'] },

  // ---- Sync (issue #6). Outputs are typed from lib/sync/service.ts; inputs are checked here. ----
  'sync/connection/get': { in: empty, out: z.custom<Awaited<ReturnType<typeof SyncService.getConnection>>>(), from: ['extension'] },
  'sync/connection/save': {
    in: z.object({
      environmentUrl: text(500), tenant: text(200), clientId: text(100),
      webhookUrl: z.optional(text(2000)), webhookSecret: z.optional(text(500)),
    }),
    out: z.custom<Awaited<ReturnType<typeof SyncService.saveConnection>>>(),
    from: ['extension'],
  },
  'sync/sign-in': { in: empty, out: z.custom<Awaited<ReturnType<typeof SyncService.signIn>>>(), from: ['extension'] },
  'sync/sign-out': { in: empty, out: z.custom<Awaited<ReturnType<typeof SyncService.signOut>>>(), from: ['extension'] },
  'sync/test': { in: empty, out: z.custom<Awaited<ReturnType<typeof SyncService.checkConnection>>>(), from: ['extension'] },
  'sync/now': { in: empty, out: z.custom<Awaited<ReturnType<typeof SyncService.syncNow>>>(), from: ['extension'] },
  'sync/status': { in: empty, out: z.custom<Awaited<ReturnType<typeof SyncService.syncStatus>>>(), from: ['extension'] },
  'sync/resolve': { in: z.object({ id: z.uuid(), keep: z.enum(['mine', 'crm']) }), out: z.object({}), from: ['extension'] },
  'sync/lookup': {
    in: z.object({ email: z.optional(text(200)), firstname: z.optional(text(100)), lastname: z.optional(text(100)), companyname: z.optional(text(200)) }),
    out: z.custom<Awaited<ReturnType<typeof SyncService.lookupExisting>>>(),
    from: ['extension'],
  },
  'sync/search': { in: z.object({ kind: z.enum(['account', 'contact']), term: text(200) }), out: z.custom<Awaited<ReturnType<typeof SyncService.searchCrm>>>(), from: ['extension'] },
  'sync/option-sets': { in: z._default(z.object({ force: z.optional(z.boolean()) }), {}), out: z.custom<Awaited<ReturnType<typeof SyncService.optionSets>>>(), from: ['extension'] },
} as const satisfies Protocol;

export type ToBackground = typeof toBackground;
export type MessageType = keyof ToBackground;
export type MessageIn<T extends MessageType> = z.input<ToBackground[T]['in']>;
export type MessageOut<T extends MessageType> = z.output<ToBackground[T]['out']>;

/** What goes over the wire. */
export const envelope = z.object({ type: z.string().check(z.maxLength(100)), data: z.unknown() });
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
