// "Test connection": walks the chain a sync needs (network, org, tenant, sign-in, licence and
// role) and stops at the first broken link, so the message says exactly what is wrong.
import type { DataverseApi } from './dataverse-client';
import { AuthRequiredError, NetworkError } from './errors';
import { classify } from './classify';
import { SignInError } from './auth/pkce';
import type { NormalizedSettings } from './settings';
import { missingPrivileges } from './privileges';

export type ConnectionProblem =
  | 'offline' | 'unknown_org' | 'not_dataverse' | 'unknown_tenant' | 'unknown_client' | 'consent_required'
  | 'redirect_uri' | 'signin_cancelled' | 'origin_required' | 'not_licensed' | 'no_role' | 'missing_privileges' | 'failed';

export type ConnectionCheck =
  | { ok: true; userId: string; organizationId: string }
  /** `missing`: privilege names (prvCreateLead…) the rep's roles lack, for 'missing_privileges'. */
  | { ok: false; problem: ConnectionProblem; detail: string; missing?: string[] };

export interface TestConnectionDeps {
  settings: NormalizedSettings;
  api: DataverseApi;
  /** Interactive sign-in (launchWebAuthFlow) when there is no usable token. */
  signIn: () => Promise<unknown>;
  fetch?: typeof fetch;
  online?: () => boolean;
}

const fail = (problem: ConnectionProblem, detail: string): ConnectionCheck => ({ ok: false, problem, detail });

async function reachable(fetchFn: typeof fetch, url: string): Promise<Response | undefined> {
  try {
    return await fetchFn(url, { method: 'GET', headers: { Accept: 'application/json' } });
  } catch {
    return undefined;
  }
}

export async function testConnection(deps: TestConnectionDeps): Promise<ConnectionCheck> {
  const fetchFn = deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const { settings } = deps;
  if (deps.online && !deps.online()) return fail('offline', 'The browser is offline.');

  const discovery = `${settings.authority}/${encodeURIComponent(settings.tenant)}/v2.0/.well-known/openid-configuration`;
  const org = await reachable(fetchFn, `${settings.environmentUrl}/api/data/v9.2/`);
  if (!org) {
    // The org did not answer at all: is it us (offline) or the name (no such org)?
    const authority = await reachable(fetchFn, discovery);
    return authority ? fail('unknown_org', `${settings.environmentUrl} did not answer.`) : fail('offline', 'Neither Dynamics 365 nor Microsoft sign-in could be reached.');
  }
  // A Dataverse org answers an anonymous request with 401 and a Bearer challenge.
  if (org.status !== 401 || !/bearer/i.test(org.headers.get('www-authenticate') ?? '')) {
    return fail('not_dataverse', `${settings.environmentUrl} answered HTTP ${org.status}, not like a Dynamics 365 environment.`);
  }
  const tenant = await reachable(fetchFn, discovery);
  if (!tenant) return fail('offline', 'Microsoft sign-in could not be reached.');
  if (!tenant.ok) {
    const body = await tenant.text();
    return fail(/AADSTS90002/.test(body) ? 'unknown_tenant' : 'failed', body.slice(0, 300));
  }

  const whoAmI = () => deps.api.send({ method: 'GET', path: 'WhoAmI' });
  let res;
  try {
    try {
      res = await whoAmI();
    } catch (err) {
      if (!(err instanceof AuthRequiredError)) throw err;
      await deps.signIn();
      res = await whoAmI();
    }
  } catch (err) {
    if (err instanceof SignInError) {
      const map: Partial<Record<SignInError['code'], ConnectionProblem>> = {
        consent_required: 'consent_required', unknown_tenant: 'unknown_tenant', unknown_client: 'unknown_client',
        redirect_uri: 'redirect_uri', cancelled: 'signin_cancelled', origin_required: 'origin_required', offline: 'offline',
      };
      return fail(map[err.code] ?? 'failed', err.message);
    }
    if (err instanceof NetworkError) return fail('offline', err.message);
    if (err instanceof AuthRequiredError) return fail('consent_required', err.message);
    return fail('failed', err instanceof Error ? err.message : String(err));
  }
  if (res.status === 200) {
    const who = JSON.parse(res.text) as { UserId: string; OrganizationId: string };
    return (await privilegeCheck(deps.api, who.UserId)) ?? { ok: true, userId: who.UserId, organizationId: who.OrganizationId };
  }
  const o = classify(res.status, res.headers, res.text, { attempt: 0 });
  if (o.kind === 'attention' && (o.problem.code === 'not_licensed' || o.problem.code === 'no_role')) return fail(o.problem.code, o.problem.crmMessage);
  if (o.kind === 'attention' && o.problem.code === 'privilege') return fail('no_role', o.problem.crmMessage);
  return fail('failed', `WhoAmI answered HTTP ${res.status}: ${res.text.slice(0, 300)}`);
}

/** Issue #17: the rep's roles must allow create, read, write, append and append-to on leads,
 * notes and activities. An org that will not say (an older version, no right to read roles)
 * passes here; a sync refused for a privilege says the same words then (classify.ts). */
async function privilegeCheck(api: DataverseApi, userId: string): Promise<ConnectionCheck | undefined> {
  let res;
  try {
    res = await api.send({ method: 'GET', path: `systemusers(${userId})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()` });
  } catch {
    return undefined;
  }
  if (res.status !== 200) return undefined;
  let privileges: unknown;
  try {
    privileges = (JSON.parse(res.text) as { RolePrivileges?: unknown }).RolePrivileges;
  } catch {
    return undefined;
  }
  if (!Array.isArray(privileges)) return undefined;
  const missing = missingPrivileges(privileges.filter((p): p is { PrivilegeName?: unknown } => !!p && typeof p === 'object'));
  if (!missing.length) return undefined;
  return { ok: false, problem: 'missing_privileges', detail: missing.map((p) => p.name).join(', '), missing: missing.map((p) => p.name) };
}
