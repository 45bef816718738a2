// Node-side wiring for tests and the bench: the real PKCE sign-in against the sandbox, with the
// browser's part (launchWebAuthFlow following the redirect, the Origin header) done by fetch.
import { createDataverseApi, type DataverseApi } from '../../lib/sync/dataverse-client';
import { createSession, type Session } from '../../lib/sync/auth/session';
import { memoryTokenStore, type TokenStore } from '../../lib/sync/auth/secret-store';
import type { AuthConfig, LaunchWebAuthFlow } from '../../lib/sync/auth/pkce';
import type { Sandbox } from './server';

export const TEST_EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const TEST_CLIENT_ID = '11111111-2222-4333-8444-555555555555';

/** What chrome.identity.launchWebAuthFlow does when the authority redirects straight back. */
export const fetchLaunch = (fetchFn: typeof fetch = fetch): LaunchWebAuthFlow => async (url) => {
  const res = await fetchFn(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`Authorization page did not redirect (${res.status}): ${await res.text()}`);
  return location;
};

/** A browser sends Origin on cross-origin POSTs; Node's fetch does not unless told. */
export const originFetch = (origin = `chrome-extension://${TEST_EXTENSION_ID}`): typeof fetch =>
  (input, init = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), origin } });

export function sandboxAuthConfig(sandbox: Sandbox, overrides: Partial<AuthConfig> = {}): AuthConfig {
  return {
    authority: sandbox.url, tenant: sandbox.tenant, clientId: TEST_CLIENT_ID, environmentUrl: sandbox.url,
    redirectUri: `https://${TEST_EXTENSION_ID}.chromiumapp.org/`, ...overrides,
  };
}

export interface Connected {
  session: Session;
  api: DataverseApi;
  store: TokenStore;
  notifications: number;
}

export async function connectToSandbox(sandbox: Sandbox, opts: { signIn?: boolean; now?: () => number; config?: Partial<AuthConfig> } = {}): Promise<Connected> {
  const store = memoryTokenStore();
  const out = { notifications: 0 } as Connected;
  const session = createSession({
    config: async () => sandboxAuthConfig(sandbox, opts.config),
    store,
    launch: fetchLaunch(),
    fetch: originFetch(),
    now: opts.now,
    notifySignInNeeded: async () => { out.notifications++; },
  });
  if (opts.signIn !== false) await session.signIn();
  out.session = session;
  out.store = store;
  out.api = createDataverseApi(sandbox.url, session);
  return out;
}
