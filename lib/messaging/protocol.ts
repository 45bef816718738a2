// The message contract between extension pages / content scripts and the background worker.
// Zod schemas are the contract; the background parses every request before acting on it.
import * as z from 'zod/mini';
import { leadRecord } from '../leads/schema';

/** Who may send a message: our own pages only, or also our content scripts (webmail). */
export type Sender = 'extension' | 'content';

export interface MessageSpec<In extends z.core.$ZodType = z.core.$ZodType, Out extends z.core.$ZodType = z.core.$ZodType> {
  in: In;
  out: Out;
  from: readonly Sender[];
}
export type Protocol = Record<string, MessageSpec>;

const id = z.object({ id: z.uuid() });
const maybeLead = z.object({ lead: z.nullable(leadRecord) });

export const toBackground = {
  /** Save a new lead, or replace one with the same id. `lead` is a LeadDraftInput, parsed in the background. */
  'leads/save': { in: z.object({ lead: z.unknown() }), out: z.object({ lead: leadRecord }), from: ['extension'] },
  'leads/get': { in: id, out: maybeLead, from: ['extension'] },
  'leads/list': { in: z._default(z.object({}), {}), out: z.object({ leads: z.array(leadRecord) }), from: ['extension'] },
  'leads/delete': { in: id, out: maybeLead, from: ['extension'] },
  /** Undo of a delete: the record as `leads/delete` returned it. */
  'leads/restore': { in: z.object({ lead: z.unknown() }), out: z.object({ lead: leadRecord }), from: ['extension'] },
} as const satisfies Protocol;

export type ToBackground = typeof toBackground;
export type MessageType = keyof ToBackground;
export type MessageIn<T extends MessageType> = z.input<ToBackground[T]['in']>;
export type MessageOut<T extends MessageType> = z.output<ToBackground[T]['out']>;

/** What goes over the wire. */
export const envelope = z.object({ type: z.string().check(z.maxLength(100)), data: z.unknown() });
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
