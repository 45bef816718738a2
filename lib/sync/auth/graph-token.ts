// A Microsoft Graph token (Contacts.Read) from the same sign-in as Dynamics (issue #17): the
// Dataverse refresh token is redeemed for Graph; where nobody consented to Contacts.Read yet, the
// rep is asked once, interactively (incremental consent). Graph tokens are kept apart from the
// Dataverse ones, in the worker's secrets database, and used only with the sign-in that issued them.
import type { TokenSource } from '../dataverse-client';
import { AuthRequiredError } from '../errors';
import { issuedBy, refreshWithToken, signInWithPkce, SignInError, type AuthConfig, type LaunchWebAuthFlow, type StoredTokens } from './pkce';
import type { TokenStore } from './secret-store';

export interface GraphTokenDeps {
  config: () => Promise<AuthConfig | undefined>;
  store: TokenStore;
  launch: LaunchWebAuthFlow;
  scope: string;
  fetch?: typeof fetch;
  now?: () => number;
}

const EARLY_MS = 2 * 60_000;
const SECRET = 'graphTokens';

export function createGraphTokens(deps: GraphTokenDeps): TokenSource & { clear(): Promise<void> } {
  const now = deps.now ?? Date.now;
  const fetchFn = deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const load = async (): Promise<StoredTokens | undefined> => {
    const raw = await deps.store.getSecret(SECRET);
    return raw ? (JSON.parse(raw) as StoredTokens) : undefined;
  };
  const save = (t: StoredTokens) => deps.store.setSecret(SECRET, JSON.stringify(t));

  async function obtain(): Promise<string> {
    const cfg = await deps.config();
    if (!cfg) throw new AuthRequiredError('Dynamics 365 is not connected yet.', 'not_configured');
    const graph = await load();
    // A Graph refresh token first, then the Dataverse one (same app, same sign-in: no prompt).
    for (const base of [graph, await deps.store.load()]) {
      if (!base?.refreshToken || !issuedBy(base, cfg) || base.refreshTokenExpiresAt <= now()) continue;
      try {
        const next = await refreshWithToken(cfg, { ...base, scope: deps.scope }, fetchFn, now);
        await save(next);
        return next.accessToken;
      } catch (err) {
        if (!(err instanceof SignInError) || !['consent_required', 'invalid_grant', 'refresh_expired'].includes(err.code)) throw err;
      }
    }
    // Consent for Contacts.Read (or a new sign-in): the Microsoft page, once.
    const tokens = await signInWithPkce({ ...cfg, scope: deps.scope }, deps.launch, fetchFn, now);
    await save(tokens);
    return tokens.accessToken;
  }

  let pending: Promise<string> | undefined;
  const refresh = () => (pending ??= obtain().finally(() => { pending = undefined; }));
  return {
    async getToken() {
      const cfg = await deps.config();
      const t = await load();
      if (cfg && t && issuedBy(t, cfg) && t.accessTokenExpiresAt - EARLY_MS > now()) return t.accessToken;
      return refresh();
    },
    refresh,
    clear: () => deps.store.setSecret(SECRET, undefined),
  };
}
