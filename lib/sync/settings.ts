// Connection settings: which Dynamics 365 environment, tenant and Entra app to use. Not secret
// (tokens are elsewhere). An administrator can preset them through managed storage
// (public/managed_schema.json); managed values win and are shown locked.
import * as z from 'zod/mini';

export const connectionSettings = z.object({
  environmentUrl: z.string(),
  tenant: z.string(),
  clientId: z.string(),
  /** Authority override (the sandbox); Entra ID otherwise. */
  authority: z.optional(z.string()),
  /** Webhook target for other CRMs. */
  webhookUrl: z.optional(z.string()),
});
export type ConnectionSettings = z.infer<typeof connectionSettings>;

export const ENTRA_AUTHORITY = 'https://login.microsoftonline.com';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const LOCAL = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

export type SettingsProblem = 'env_url_invalid' | 'env_url_not_dynamics' | 'tenant_invalid' | 'client_id_invalid' | 'webhook_url_invalid';

export interface NormalizedSettings extends ConnectionSettings {
  authority: string;
}

/** Cleans what the rep typed: the environment URL becomes its origin, tenant and client id are trimmed. */
export function normalizeSettings(input: ConnectionSettings): { ok: true; settings: NormalizedSettings } | { ok: false; problems: Partial<Record<keyof ConnectionSettings, SettingsProblem>> } {
  const problems: Partial<Record<keyof ConnectionSettings, SettingsProblem>> = {};
  // Webhook only (another CRM): no Dynamics fields at all.
  const webhookOnly = !input.environmentUrl.trim() && !input.tenant.trim() && !input.clientId.trim() && !!input.webhookUrl?.trim();
  let origin = '';
  try {
    const raw = input.environmentUrl.trim();
    const u = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
    origin = u.origin;
    if (!LOCAL.test(origin) && !(u.protocol === 'https:' && /\.dynamics\.com$/i.test(u.hostname))) problems.environmentUrl = 'env_url_not_dynamics';
  } catch {
    problems.environmentUrl = 'env_url_invalid';
  }
  const tenant = input.tenant.trim();
  if (!GUID.test(tenant) && !TENANT_DOMAIN.test(tenant) && tenant !== 'organizations') problems.tenant = 'tenant_invalid';
  const clientId = input.clientId.trim();
  if (!GUID.test(clientId)) problems.clientId = 'client_id_invalid';
  let webhookUrl: string | undefined;
  if (input.webhookUrl?.trim()) {
    try {
      const w = new URL(input.webhookUrl.trim());
      if (w.protocol !== 'https:' && !LOCAL.test(w.origin)) throw new Error('https only');
      webhookUrl = w.href;
    } catch {
      problems.webhookUrl = 'webhook_url_invalid';
    }
  }
  if (webhookOnly) {
    delete problems.environmentUrl;
    delete problems.tenant;
    delete problems.clientId;
  }
  if (Object.keys(problems).length) return { ok: false, problems };
  if (webhookOnly) return { ok: true, settings: { environmentUrl: '', tenant: '', clientId: '', authority: ENTRA_AUTHORITY, webhookUrl } };
  // The local sandbox is its own authority; a real org signs in with Entra ID.
  const authority = input.authority?.trim() || (LOCAL.test(origin) ? origin : ENTRA_AUTHORITY);
  return { ok: true, settings: { environmentUrl: origin, tenant, clientId, authority, webhookUrl } };
}

/** Managed values (policy) override stored ones field by field. */
export function mergeManaged(stored: Partial<ConnectionSettings>, managed: Partial<ConnectionSettings>): { settings: ConnectionSettings; locked: (keyof ConnectionSettings)[] } {
  const locked = (Object.keys(managed) as (keyof ConnectionSettings)[]).filter((k) => typeof managed[k] === 'string' && managed[k] !== '');
  const settings: ConnectionSettings = {
    environmentUrl: '', tenant: '', clientId: '', ...stored,
    ...Object.fromEntries(locked.map((k) => [k, managed[k]])),
  };
  return { settings, locked };
}

/** The org's host permission pattern, requested as an optional permission when connecting. */
export function originPattern(environmentUrl: string): string {
  const u = new URL(environmentUrl);
  return `${u.protocol}//${u.hostname}/*`;
}
