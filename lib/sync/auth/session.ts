// The signed-in session: a valid access token on demand, silent refresh (one at a time), and
// when the 24 h refresh token runs out, one notification asking the rep to sign in again.
import type { TokenSource } from '../dataverse-client';
import { AuthRequiredError } from '../errors';
import { signedInWith } from './issued-by';
import { issuedBy, refreshWithToken, signInWithPkce, SignInError, type AuthConfig, type LaunchWebAuthFlow, type StoredTokens } from './pkce';
import type { TokenStore } from './secret-store';

export interface SessionDeps {
  config: () => Promise<AuthConfig | undefined>;
  store: TokenStore;
  launch: LaunchWebAuthFlow;
  fetch?: typeof fetch;
  now?: () => number;
  /** Shown once per expired sign-in (chrome.notifications in the extension). */
  notifySignInNeeded?: () => Promise<void>;
  /** Tokens for `cfg` without a sign-in page, when the rep just signed in to pick the
   * environment (issue #17); undefined to sign in as usual. */
  adopt?: (cfg: AuthConfig) => Promise<StoredTokens | undefined>;
}

export interface SessionStatus {
  signedIn: boolean;
  environmentUrl?: string;
  accessTokenExpiresAt?: number;
  refreshTokenExpiresAt?: number;
}

/** Access tokens are refreshed this long before they expire. */
const EARLY_MS = 2 * 60_000;

export interface Session extends TokenSource {
  signIn(): Promise<SessionStatus>;
  signOut(): Promise<void>;
  status(): Promise<SessionStatus>;
}

export function createSession(deps: SessionDeps): Session {
  const now = deps.now ?? Date.now;
  const fetchFn = deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  let refreshing: Promise<string> | undefined;

  async function needSignIn(reason: string): Promise<never> {
    if (!(await deps.store.getFlag('signInNotified'))) {
      await deps.store.setFlag('signInNotified', true);
      await deps.notifySignInNeeded?.();
    }
    throw new AuthRequiredError('Sign in to Dynamics 365 again.', reason);
  }

  async function current(): Promise<{ cfg: AuthConfig; tokens: StoredTokens }> {
    const cfg = await deps.config();
    if (!cfg) throw new AuthRequiredError('Dynamics 365 is not connected yet.', 'not_configured');
    const tokens = await deps.store.load();
    // Tokens are used only with the settings they were issued for: a changed authority, tenant,
    // app or environment means a new sign-in, never a refresh token sent elsewhere (issue #18).
    if (!tokens || !issuedBy(tokens, cfg)) return needSignIn('signed_out');
    return { cfg, tokens };
  }

  async function doRefresh(): Promise<string> {
    const { cfg, tokens } = await current();
    try {
      const next = await refreshWithToken(cfg, tokens, fetchFn, now);
      await deps.store.save(next);
      return next.accessToken;
    } catch (err) {
      if (err instanceof SignInError && (err.code === 'refresh_expired' || err.code === 'invalid_grant')) {
        await deps.store.clear();
        return needSignIn(err.code);
      }
      throw err;
    }
  }

  const refresh = () => (refreshing ??= doRefresh().finally(() => { refreshing = undefined; }));

  return {
    async getToken() {
      const { tokens } = await current();
      if (tokens.accessTokenExpiresAt - EARLY_MS > now()) return tokens.accessToken;
      return refresh();
    },
    refresh,
    async signIn() {
      const cfg = await deps.config();
      if (!cfg) throw new SignInError('failed', 'Enter the environment URL, tenant and client ID first.');
      const tokens = (await deps.adopt?.(cfg).catch(() => undefined)) ?? (await signInWithPkce(cfg, deps.launch, fetchFn, now));
      await deps.store.save(tokens);
      await deps.store.setFlag('signInNotified', false);
      return this.status();
    },
    async signOut() {
      await deps.store.clear();
    },
    async status() {
      const cfg = await deps.config();
      const tokens = await deps.store.load();
      const valid = signedInWith(tokens, cfg, now());
      return {
        signedIn: valid,
        environmentUrl: tokens?.environmentUrl,
        accessTokenExpiresAt: valid ? tokens.accessTokenExpiresAt : undefined,
        refreshTokenExpiresAt: valid ? tokens.refreshTokenExpiresAt : undefined,
      };
    },
  };
}
