// What the sync messages answer to extension pages (issue #18, finding 8). The background parses
// every reply with these before sending it (lib/messaging/serve.ts), so a field not listed here,
// say a token a handler let slip, is dropped at run time, not just absent from a type.
import * as z from 'zod/mini';
import { leadFieldNames, syncState, type LeadFieldName } from '../leads/schema';
import { connectionSettings } from './settings';
import type { CrmVersion } from './sync-engine';

const settingsKeys = ['environmentUrl', 'tenant', 'clientId', 'authority', 'webhookUrl'] as const;
const settingsProblem = z.enum(['env_url_invalid', 'env_url_not_dynamics', 'tenant_invalid', 'client_id_invalid', 'client_id_missing', 'webhook_url_invalid', 'authority_not_allowed']);

export const connectionReply = z.object({
  settings: connectionSettings,
  locked: z.array(z.enum(settingsKeys)),
  redirectUri: z.string(),
  signedIn: z.boolean(),
  /** When the sign-in runs out (ms since epoch): the refresh token's end, never the token. */
  signedInUntil: z.optional(z.number()),
  /** Whether a webhook signing key is kept (in the worker's own database); never the key. */
  webhookSigned: z.boolean(),
});

export const saveConnectionReply = z.object({
  ok: z.boolean(),
  problems: z.object(Object.fromEntries(settingsKeys.map((k) => [k, z.optional(settingsProblem)])) as Record<(typeof settingsKeys)[number], z.ZodMiniOptional<typeof settingsProblem>>),
  /** Targets that changed and wait for the rep's confirmation before anything is sent there. */
  confirm: z.optional(z.array(z.enum(['environmentUrl', 'webhookUrl']))),
});

export const connectionCheckReply = z.union([
  z.object({ ok: z.literal(true), userId: z.string(), organizationId: z.string() }),
  z.object({
    ok: z.literal(false),
    problem: z.enum(['offline', 'unknown_org', 'not_dataverse', 'unknown_tenant', 'unknown_client', 'consent_required', 'redirect_uri', 'signin_cancelled', 'origin_required', 'not_licensed', 'no_role', 'missing_privileges', 'failed']),
    detail: z.string(),
    missing: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50))),
  }),
]);

export const discoverReply = z.union([
  z.object({ ok: z.literal(true), environments: z.array(z.object({ name: z.string(), url: z.string(), region: z.optional(z.string()) })) }),
  z.object({ ok: z.literal(false), problems: saveConnectionReply.shape.problems }),
]);

export const syncNowReply = z.object({ waiting: z.number() });

const flag = z.optional(z.boolean());
const crmValue = z.optional(z.nullable(z.union([z.string(), z.number(), z.boolean()])));
/**
 * The CRM's version of a lead in conflict: its lead columns only, each a scalar. Typed as the
 * sync engine reads it from Dataverse (not re-checked against our limits: it is the CRM's data).
 */
const crmVersion = z.object({
  ...(Object.fromEntries(leadFieldNames.map((n) => [n, crmValue])) as Record<LeadFieldName, typeof crmValue>),
  statecode: z.optional(z.number()),
  statuscode: z.optional(z.number()),
  modifiedon: z.optional(z.string()),
}) as unknown as z.ZodMiniType<CrmVersion>;

export const syncStatusReply = z.object({
  running: z.boolean(),
  done: z.number(),
  total: z.number(),
  unsynced: z.number(),
  leadCount: z.number(),
  environmentUrl: z.optional(z.string()),
  leads: z.array(z.object({
    id: z.string(),
    name: z.string(),
    companyname: z.string(),
    donotemail: flag, donotphone: flag, donotpostalmail: flag, donotbulkemail: flag,
    state: syncState,
    lastAttemptAt: z.optional(z.string()),
    nextRetryAt: z.optional(z.string()),
    error: z.optional(z.string()),
    crmUrl: z.optional(z.string()),
  })),
  conflicts: z.array(z.object({ id: z.string(), crm: crmVersion, crmEtag: z.optional(z.string()), unreadable: z.optional(z.string()), detectedAt: z.string() })),
});

export const crmMatchesReply = z.object({
  matches: z.array(z.object({
    entity: z.enum(['lead', 'contact', 'account']),
    id: z.string(),
    name: z.string(),
    email: z.optional(z.string()),
    company: z.optional(z.string()),
    url: z.string(),
    matchedBy: z.enum(['email', 'name_company', 'name']),
  })),
});

const bilingual = z.object({ en: z.string(), pl: z.string() });

export const optionSetsReply = z.object({
  sets: z.nullable(z.record(z.string(), z.array(z.object({
    value: z.number(),
    label: bilingual,
    state: z.optional(z.number()),
  })))),
  /** Issue #17: the lead columns the org made required (display names in both languages). */
  columns: z._default(z.array(z.object({ name: z.string(), type: z.string(), label: bilingual, custom: z.boolean() })), []),
});

export const ownersReply = z.object({
  matches: z.array(z.object({ entity: z.enum(['systemuser', 'team']), id: z.string(), name: z.string() })),
});
