// "Sign in with Microsoft, then pick the environment" (issue #17): one sign-in for the Global
// Discovery Service of the chosen cloud, its list of the rep's environments, and later, once the
// rep picked one, tokens for that environment from the same sign-in (no second sign-in page).
import { redeemForEnvironment, signInWithPkce, type AuthConfig, type LaunchWebAuthFlow, type StoredTokens } from './auth/pkce';
import type { TokenStore } from './auth/secret-store';
import { cloudById, type CloudId } from './clouds';
import { listEnvironments, type DiscoveredEnvironment } from './discovery';
import { isAllowedAuthority, LOCAL, signInIdentity, type ConnectionSettings, type SettingsProblem, type SettingsRules } from './settings';

export type DiscoveryCloud = CloudId | 'sandbox';

/** Where the discovery tokens are kept: the worker's own database, beside the others. */
const DISCOVERY_SECRET = 'discovery-tokens';

export interface DiscoveryDeps {
  store: TokenStore;
  launch: LaunchWebAuthFlow;
  redirectUri: string;
  rules: SettingsRules;
  fetch?: typeof fetch;
  now?: () => number;
}

/** The cloud's sign-in authority (policy may name another of Microsoft's) and discovery service;
 * the local sandbox plays both in sandbox builds (as it plays Entra and the environment). */
export function discoveryTarget(cloud: DiscoveryCloud, sandboxUrl: string | undefined, rules: SettingsRules, policyAuthority?: string): { authority: string; discovery: string } | undefined {
  if (cloud === 'sandbox') {
    if (!rules.loopback || !sandboxUrl) return undefined;
    let origin: string;
    try {
      origin = new URL(sandboxUrl.trim()).origin;
    } catch {
      return undefined;
    }
    return LOCAL.test(origin) ? { authority: origin, discovery: origin } : undefined;
  }
  const c = cloudById(cloud);
  const authority = policyAuthority && isAllowedAuthority(policyAuthority, rules) ? new URL(policyAuthority).origin : c.authority;
  return { authority, discovery: c.discovery };
}

export type DiscoverResult =
  | { ok: true; environments: DiscoveredEnvironment[] }
  | { ok: false; problems: Partial<Record<keyof ConnectionSettings, SettingsProblem>> };

/** Signs in for the discovery service (a sign-in page) and lists the rep's environments. */
export async function discoverEnvironments(
  input: { cloud: DiscoveryCloud; sandboxUrl?: string },
  settings: Pick<ConnectionSettings, 'tenant' | 'clientId' | 'authority'>,
  deps: DiscoveryDeps,
): Promise<DiscoverResult> {
  const who = signInIdentity(settings, deps.rules);
  if (Object.keys(who.problems).length) return { ok: false, problems: who.problems };
  const target = discoveryTarget(input.cloud, input.sandboxUrl, deps.rules, settings.authority);
  if (!target) return { ok: false, problems: { environmentUrl: 'env_url_invalid' } };
  const fetchFn = deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const cfg: AuthConfig = { authority: target.authority, tenant: who.tenant, clientId: who.clientId, environmentUrl: target.discovery, redirectUri: deps.redirectUri };
  const tokens = await signInWithPkce(cfg, deps.launch, fetchFn, deps.now);
  await deps.store.setSecret(DISCOVERY_SECRET, JSON.stringify(tokens));
  return { ok: true, environments: await listEnvironments(target.discovery, tokens.accessToken, fetchFn, deps.rules) };
}

/** Tokens for the environment the rep picked, from the discovery sign-in, when it was made with
 * the same authority, tenant and app and has not run out; used once. */
export async function adoptDiscoverySignIn(cfg: AuthConfig, deps: Pick<DiscoveryDeps, 'store' | 'fetch' | 'now'>): Promise<StoredTokens | undefined> {
  const raw = await deps.store.getSecret(DISCOVERY_SECRET);
  if (!raw) return undefined;
  await deps.store.setSecret(DISCOVERY_SECRET, undefined);
  let tokens: StoredTokens;
  try {
    tokens = JSON.parse(raw) as StoredTokens;
  } catch {
    return undefined;
  }
  if (typeof tokens?.refreshToken !== 'string') return undefined;
  const now = deps.now ?? Date.now;
  if (tokens.authority !== cfg.authority || tokens.tenant !== cfg.tenant || tokens.clientId !== cfg.clientId || tokens.refreshTokenExpiresAt <= now()) return undefined;
  return redeemForEnvironment(cfg, tokens, deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a)), now);
}
