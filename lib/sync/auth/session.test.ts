// The session against the sandbox's authorization server: PKCE sign-in, silent refresh (one at
// a time), the 24 h limit with or without refresh_token_expires_in, one notification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../tests/sandbox';
import { connectToSandbox } from '../../../tests/sandbox/connect';
import { AuthRequiredError } from '../errors';

let sb: Sandbox;
let clock = Date.now();
const now = () => clock;
beforeAll(async () => { sb = await startSandbox({ oauth: { accessTokenLifetime: 3600 } }); });
afterAll(() => sb.close());

describe.each([false, true])('session (refresh_token_expires_in sent: %s)', (sendExpiresIn) => {
  it('signs in, refreshes silently once for many callers, and stops at 24 h with one notification', async () => {
    sb.oauth.options.sendRefreshTokenExpiresIn = sendExpiresIn;
    clock = Date.now();
    const c = await connectToSandbox(sb, { now });
    const status = await c.session.status();
    expect(status.signedIn).toBe(true);
    expect(status.refreshTokenExpiresAt! - clock).toBeGreaterThan(23.9 * 3600_000);
    expect(status.refreshTokenExpiresAt! - clock).toBeLessThanOrEqual(24 * 3600_000 + 1000);
    const first = await c.session.getToken();
    expect(await c.session.getToken()).toBe(first);

    clock += 3600_000; // the access token is now expired
    const before = sb.stats.tokenRequests;
    const tokens = await Promise.all([c.session.getToken(), c.session.getToken(), c.session.getToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first);
    expect(sb.stats.tokenRequests - before).toBe(1);
    // Refreshing does not extend the 24 h.
    expect((await c.session.status()).refreshTokenExpiresAt).toBe(status.refreshTokenExpiresAt);

    clock += 24 * 3600_000;
    await expect(c.session.getToken()).rejects.toBeInstanceOf(AuthRequiredError);
    await expect(c.session.getToken()).rejects.toBeInstanceOf(AuthRequiredError);
    expect(c.notifications).toBe(1);
    expect((await c.session.status()).signedIn).toBe(false);

    await c.session.signIn();
    expect((await c.session.status()).signedIn).toBe(true);
    await c.session.signOut();
    expect(await c.store.load()).toBeUndefined();
    await expect(c.session.getToken()).rejects.toBeInstanceOf(AuthRequiredError);
  });
});

describe('sign-in errors', () => {
  it('reports missing consent and an unknown tenant with their codes', async () => {
    sb.oauth.options.consent = 'missing';
    const c = await connectToSandbox(sb, { signIn: false });
    await expect(c.session.signIn()).rejects.toMatchObject({ code: 'consent_required' });
    sb.oauth.options.consent = 'granted';
    const d = await connectToSandbox(sb, { signIn: false, config: { tenant: 'nobody.onmicrosoft.com' } });
    await expect(d.session.signIn()).rejects.toMatchObject({ code: 'cancelled' });
  });
});
