// The privacy messages (issue #8), spread into lib/messaging/protocol.ts. Extension pages only:
// a content script can neither read the never-capture lists nor erase or export anything.
import * as z from 'zod/mini';
import { leadRecord, provenance } from '../leads/schema';
import { privacySettings } from './settings';
import { PRIVACY_POLICY_KEYS } from './settings-policy';

/** locked: fields the administrator's policy sets (shown read-only). */
const settingsOut = z.object({ settings: privacySettings, ownDomain: z.optional(z.string()), locked: z.array(z.enum(PRIVACY_POLICY_KEYS)) });

const origin = provenance.shape.origin;

export const privacyMessages = {
  /** Would this capture be refused? Asked before extracting, so a refused site is never read. */
  'privacy/check': {
    in: z.object({
      sourceUrl: z.optional(z.string().check(z.maxLength(2048))),
      emails: z._default(z.array(z.string().check(z.maxLength(320))).check(z.maxLength(3)), []),
      origin: z.optional(origin),
    }),
    out: z.object({ refusal: z.nullable(z.object({ code: z.string(), subject: z.string(), message: z.string() })) }),
    from: ['extension'],
  },
  'privacy/settings/get': { in: z._default(z.object({}), {}), out: settingsOut, from: ['extension'] },
  /** A partial change; the background validates the merged result. */
  'privacy/settings/set': { in: z.object({ patch: z.record(z.string(), z.unknown()) }), out: settingsOut, from: ['extension'] },
  /** The leads of one person, found by email address. */
  'privacy/person': { in: z.object({ email: z.string().check(z.maxLength(320)) }), out: z.object({ leads: z.array(leadRecord) }), from: ['extension'] },
  'privacy/export': { in: z.object({ ids: z.array(z.uuid()).check(z.minLength(1), z.maxLength(500)) }), out: z.object({ json: z.string() }), from: ['extension'] },
  'privacy/forget': {
    /** deleteInCrm: delete the lead in Dynamics first; if that fails nothing is erased here. */
    in: z.object({ id: z.uuid(), deleteInCrm: z.optional(z.boolean()) }),
    out: z.object({ removed: z.record(z.string(), z.number()), drafts: z.number(), crm: z.string() }),
    from: ['extension'],
  },
} as const;
