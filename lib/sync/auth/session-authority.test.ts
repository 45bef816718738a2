// Issue #18: the refresh token goes only to the authority that issued it. Settings that name
// another authority (or tenant) since the sign-in, however they got there, mean "sign in again",
// and nothing is sent to the new address. The attacker is a real HTTP server on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../tests/sandbox';
import { fetchLaunch, originFetch, sandboxAuthConfig } from '../../../tests/sandbox/connect';
import { AuthRequiredError } from '../errors';
import { createSession } from './session';
import { memoryTokenStore } from './secret-store';
import { refreshWithToken, type AuthConfig } from './pkce';

let sb: Sandbox;
let attacker: Server;
let attackerUrl: string;
const received: string[] = [];

beforeAll(async () => {
  sb = await startSandbox({ oauth: { accessTokenLifetime: 3600 } });
  attacker = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(`${req.method} ${req.url} ${body}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'evil', token_type: 'bearer', expires_in: 3600 }));
    });
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sb.close();
  await new Promise((r) => attacker.close(r));
});

describe('refresh token binding', () => {
  it('another authority in the settings: sign in again, and the refresh token is sent nowhere', async () => {
    let clock = Date.now();
    let cfg: AuthConfig = sandboxAuthConfig(sb);
    const store = memoryTokenStore();
    const session = createSession({ config: async () => cfg, store, launch: fetchLaunch(), fetch: originFetch(), now: () => clock });
    await session.signIn();
    expect((await store.load())?.authority).toBe(sb.url);
    const tokenRequests = sb.stats.tokenRequests;

    clock += 3600_000; // the access token has expired: the next call would refresh
    cfg = { ...cfg, authority: attackerUrl };
    await expect(session.getToken()).rejects.toBeInstanceOf(AuthRequiredError);
    expect((await session.status()).signedIn).toBe(false);
    cfg = { ...sandboxAuthConfig(sb), tenant: 'attacker.onmicrosoft.com' };
    await expect(session.getToken()).rejects.toBeInstanceOf(AuthRequiredError);
    expect(received).toEqual([]);
    expect(sb.stats.tokenRequests).toBe(tokenRequests);

    // The rightful settings back: the same tokens refresh at the authority that issued them.
    cfg = sandboxAuthConfig(sb);
    expect(await session.getToken()).not.toBe('evil');
    expect(sb.stats.tokenRequests).toBe(tokenRequests + 1);
    expect(received).toEqual([]);
  });

  it('refreshWithToken itself refuses a configuration the tokens were not issued for, and tokens that do not say', async () => {
    const c = sandboxAuthConfig(sb);
    const store = memoryTokenStore();
    const session = createSession({ config: async () => c, store, launch: fetchLaunch(), fetch: originFetch() });
    await session.signIn();
    const tokens = (await store.load())!;
    await expect(refreshWithToken({ ...c, authority: attackerUrl }, tokens, originFetch())).rejects.toMatchObject({ code: 'refresh_expired' });
    // Tokens stored before the authority was recorded: a new sign-in, not a guess.
    await expect(refreshWithToken(c, { ...tokens, authority: undefined }, originFetch())).rejects.toMatchObject({ code: 'refresh_expired' });
    expect(received).toEqual([]);
  });
});
