// Connection settings: which Dynamics 365 environment, tenant and Entra app to use. Not secret
// (tokens are elsewhere). An administrator can preset them through managed storage
// (public/managed_schema.json); managed values win and are shown locked.
import * as z from 'zod/mini';
import { cloudOf } from './clouds';

export const connectionSettings = z.object({
  environmentUrl: z.string(),
  tenant: z.string(),
  clientId: z.string(),
  /** Sign-in authority: only from the administrator's policy (one of Microsoft's clouds); derived otherwise. */
  authority: z.optional(z.string()),
  /** Webhook target for other CRMs. */
  webhookUrl: z.optional(z.string()),
});
export type ConnectionSettings = z.infer<typeof connectionSettings>;

export const ENTRA_AUTHORITY = 'https://login.microsoftonline.com';
/** Microsoft Entra ID's sign-in hosts: global, US Government, China (21Vianet). Issue #18: a
 * refresh token is never sent anywhere else. */
export const MICROSOFT_AUTHORITIES: readonly string[] = [
  ENTRA_AUTHORITY, 'https://login.microsoftonline.us', 'https://login.chinacloudapi.cn', 'https://login.partner.microsoftonline.cn',
];
/** Test builds and `npm start` (LEADCLIP_SANDBOX=1) may use the local Dataverse sandbox on 127.0.0.1. */
export const SANDBOX_ALLOWED: boolean = String(import.meta.env.LEADCLIP_SANDBOX) === 'true';
/** The publisher's multi-tenant app, set at build time (LEADCLIP_CLIENT_ID or leadclip.config.json;
 * docs/sync.md): reps sign in without registering anything. Settings and policy may override it. */
export const PUBLISHER_CLIENT_ID: string = String(import.meta.env.LEADCLIP_CLIENT_ID ?? '');
/** Without a tenant, any work or school account signs in (issue #17). */
export const DEFAULT_TENANT = 'organizations';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
export const LOCAL = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

export type SettingsProblem = 'env_url_invalid' | 'env_url_not_dynamics' | 'tenant_invalid' | 'client_id_invalid' | 'client_id_missing' | 'webhook_url_invalid' | 'authority_not_allowed';

export interface NormalizedSettings extends ConnectionSettings {
  authority: string;
}

export interface SettingsRules {
  /** The local sandbox (http://127.0.0.1) may stand in for Dynamics, Entra and a webhook receiver. */
  loopback: boolean;
  /** The app used when neither the rep nor policy names one. */
  defaultClientId?: string;
}
/** This build's rules: the sandbox in sandbox builds only, the publisher's app as the default. */
export const BUILD_RULES: SettingsRules = { loopback: SANDBOX_ALLOWED, defaultClientId: PUBLISHER_CLIENT_ID };
const buildRules = BUILD_RULES;

/** An origin exactly (no path, no credentials) on the allow-list of Microsoft's clouds. */
export function isAllowedAuthority(value: string, rules: SettingsRules = buildRules): boolean {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return false;
  }
  if (u.username || u.password || u.search || u.hash || u.pathname !== '/') return false;
  return MICROSOFT_AUTHORITIES.includes(u.origin) || (rules.loopback && LOCAL.test(u.origin));
}

/** Who signs in with which app: an empty tenant is `organizations`, an empty client id the
 * publisher's app. Problems are added to `problems`. */
export function signInIdentity(input: Pick<ConnectionSettings, 'tenant' | 'clientId'>, rules: SettingsRules = buildRules, problems: Partial<Record<keyof ConnectionSettings, SettingsProblem>> = {}): { tenant: string; clientId: string; problems: Partial<Record<keyof ConnectionSettings, SettingsProblem>> } {
  const tenant = input.tenant.trim() || DEFAULT_TENANT;
  if (!GUID.test(tenant) && !TENANT_DOMAIN.test(tenant) && tenant !== 'organizations') problems.tenant = 'tenant_invalid';
  const clientId = input.clientId.trim() || (rules.defaultClientId ?? '');
  if (!clientId) problems.clientId = 'client_id_missing';
  else if (!GUID.test(clientId)) problems.clientId = 'client_id_invalid';
  return { tenant, clientId, problems };
}

/** Cleans what the rep typed: the environment URL becomes its origin, tenant and client id are
 * trimmed; an empty tenant is `organizations`, an empty client id the publisher's app. */
export function normalizeSettings(input: ConnectionSettings, rules: SettingsRules = buildRules): { ok: true; settings: NormalizedSettings } | { ok: false; problems: Partial<Record<keyof ConnectionSettings, SettingsProblem>> } {
  const problems: Partial<Record<keyof ConnectionSettings, SettingsProblem>> = {};
  const local = (origin: string) => rules.loopback && LOCAL.test(origin);
  // Webhook only (another CRM): no Dynamics fields at all.
  const webhookOnly = !input.environmentUrl.trim() && !!input.webhookUrl?.trim();
  let origin = '';
  try {
    const raw = input.environmentUrl.trim();
    const u = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
    origin = u.origin;
    // Any of Microsoft's clouds (lib/sync/clouds.ts), or the local sandbox in sandbox builds.
    if (!local(origin) && !cloudOf(origin)) problems.environmentUrl = 'env_url_not_dynamics';
  } catch {
    problems.environmentUrl = 'env_url_invalid';
  }
  const { tenant, clientId } = signInIdentity(input, rules, problems);
  let webhookUrl: string | undefined;
  if (input.webhookUrl?.trim()) {
    try {
      const w = new URL(input.webhookUrl.trim());
      if (w.protocol !== 'https:' && !local(w.origin)) throw new Error('https only');
      if (w.username || w.password) throw new Error('no credentials in the URL');
      webhookUrl = w.href;
    } catch {
      problems.webhookUrl = 'webhook_url_invalid';
    }
  }
  const wantedAuthority = input.authority?.trim();
  if (wantedAuthority && !isAllowedAuthority(wantedAuthority, rules)) problems.authority = 'authority_not_allowed';
  if (webhookOnly) {
    delete problems.environmentUrl;
    delete problems.tenant;
    delete problems.clientId;
  }
  if (Object.keys(problems).length) return { ok: false, problems };
  if (webhookOnly) return { ok: true, settings: { environmentUrl: '', tenant: '', clientId: '', authority: ENTRA_AUTHORITY, webhookUrl } };
  // An authority comes from policy; otherwise the local sandbox is its own, and a real org signs
  // in with its cloud's Entra ID (US Government and China have their own).
  const authority = wantedAuthority ? new URL(wantedAuthority).origin : local(origin) ? origin : (cloudOf(origin)?.authority ?? ENTRA_AUTHORITY);
  return { ok: true, settings: { environmentUrl: origin, tenant, clientId, authority, webhookUrl } };
}

const storedField = z.optional(z.catch(z.optional(z.string().check(z.maxLength(2000))), undefined));
const storedConnection = z.object({ environmentUrl: storedField, tenant: storedField, clientId: storedField, webhookUrl: storedField });

/** What the background takes from storage.local: the rep's own fields, each a bounded string, and
 * never an authority (issue #18: that comes from policy only). Anything else is dropped. */
export function readStoredConnection(raw: unknown): Partial<ConnectionSettings> {
  const parsed = storedConnection.safeParse(raw);
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => typeof v === 'string')) as Partial<ConnectionSettings>;
}

export const MANAGED_CONNECTION_KEYS = ['environmentUrl', 'tenant', 'clientId', 'authority', 'webhookUrl'] as const;

/** Managed values (policy) override stored ones field by field. An authority off the allow-list is ignored. */
export function mergeManaged(stored: Partial<ConnectionSettings>, managed: Record<string, unknown>, rules: SettingsRules = buildRules): { settings: ConnectionSettings; locked: (keyof ConnectionSettings)[] } {
  const locked = MANAGED_CONNECTION_KEYS.filter((k) => typeof managed[k] === 'string' && managed[k] !== '' && (k !== 'authority' || isAllowedAuthority(managed[k], rules)));
  const settings: ConnectionSettings = {
    environmentUrl: '', tenant: '', clientId: '', ...stored,
    ...Object.fromEntries(locked.map((k) => [k, managed[k]])),
  };
  return { settings, locked };
}

/** Changes the rep must confirm before they take effect: another environment (leads and sign-in
 * go elsewhere) or a new webhook target (every lead is sent there, signed). */
export function changesToConfirm(before: Partial<ConnectionSettings>, after: NormalizedSettings): ('environmentUrl' | 'webhookUrl')[] {
  const out: ('environmentUrl' | 'webhookUrl')[] = [];
  if (before.environmentUrl && after.environmentUrl && before.environmentUrl !== after.environmentUrl) out.push('environmentUrl');
  if (after.webhookUrl && before.webhookUrl !== after.webhookUrl) out.push('webhookUrl');
  return out;
}

/** The org's host permission pattern, requested as an optional permission when connecting. */
export function originPattern(environmentUrl: string): string {
  const u = new URL(environmentUrl);
  return `${u.protocol}//${u.hostname}/*`;
}
