// Sign in once for the discovery service, list, pick: the environment's tokens come from the same
// sign-in (issue #17). Against the sandbox's authority and discovery service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tests/sandbox';
import { fetchLaunch, originFetch, sandboxAuthConfig, TEST_CLIENT_ID } from '../../tests/sandbox/connect';
import { memoryTokenStore } from './auth/secret-store';
import { adoptDiscoverySignIn, discoverEnvironments, discoveryTarget } from './environment-discovery';

let sb: Sandbox;
beforeAll(async () => { sb = await startSandbox(); });
afterAll(() => sb.close());

const sandboxRules = { loopback: true, defaultClientId: TEST_CLIENT_ID };

describe('discoveryTarget', () => {
  it('takes the cloud\'s authority and discovery service; policy may name another Microsoft authority', () => {
    expect(discoveryTarget('china', undefined, { loopback: false })).toEqual({ authority: 'https://login.chinacloudapi.cn', discovery: 'https://globaldisco.crm.dynamics.cn' });
    expect(discoveryTarget('public', undefined, { loopback: false }, 'https://login.microsoftonline.us')).toMatchObject({ authority: 'https://login.microsoftonline.us' });
    expect(discoveryTarget('public', undefined, { loopback: false }, 'https://attacker.example')).toMatchObject({ authority: 'https://login.microsoftonline.com' });
  });
  it('the sandbox only in sandbox builds and only on loopback', () => {
    expect(discoveryTarget('sandbox', 'http://127.0.0.1:7380/x', { loopback: false })).toBeUndefined();
    expect(discoveryTarget('sandbox', 'https://example.com', { loopback: true })).toBeUndefined();
    expect(discoveryTarget('sandbox', 'http://127.0.0.1:7380/x', { loopback: true })).toEqual({ authority: 'http://127.0.0.1:7380', discovery: 'http://127.0.0.1:7380' });
  });
});

describe('sign in with Microsoft, then pick', () => {
  it('lists the enabled environments, and the pick needs no second sign-in page', async () => {
    const store = memoryTokenStore();
    const deps = { store, launch: fetchLaunch(), fetch: originFetch(), redirectUri: sandboxAuthConfig(sb).redirectUri, rules: sandboxRules };
    const before = sb.oauth.tokenRequests.length;
    const found = await discoverEnvironments({ cloud: 'sandbox', sandboxUrl: sb.url }, { tenant: '', clientId: '' }, deps);
    expect(found).toEqual({ ok: true, environments: [
      { name: 'Contoso Dev', url: 'https://contoso-dev.crm4.dynamics.com', region: 'EUR' },
      { name: 'Contoso Sales (sandbox)', url: sb.url, region: 'EUR' },
    ] });
    const cfg = sandboxAuthConfig(sb, { tenant: 'organizations' });
    const tokens = await adoptDiscoverySignIn(cfg, deps);
    expect(tokens).toMatchObject({ environmentUrl: sb.url, tenant: 'organizations', clientId: TEST_CLIENT_ID, authority: sb.url });
    expect(sb.oauth.tokenRequests.slice(before).map((r) => r.grantType)).toEqual(['authorization_code', 'refresh_token']);
    // Used once: a later sign-in goes through the sign-in page again.
    expect(await adoptDiscoverySignIn(cfg, deps)).toBeUndefined();
  });

  it('a pick under another tenant or app does not reuse the discovery sign-in', async () => {
    const store = memoryTokenStore();
    const deps = { store, launch: fetchLaunch(), fetch: originFetch(), redirectUri: sandboxAuthConfig(sb).redirectUri, rules: sandboxRules };
    await discoverEnvironments({ cloud: 'sandbox', sandboxUrl: sb.url }, { tenant: '', clientId: '' }, deps);
    expect(await adoptDiscoverySignIn(sandboxAuthConfig(sb, { tenant: sb.tenant }), deps)).toBeUndefined();
  });

  it('a store build without a publisher app asks for a client id first', async () => {
    const deps = { store: memoryTokenStore(), launch: fetchLaunch(), redirectUri: 'x', rules: { loopback: false } };
    expect(await discoverEnvironments({ cloud: 'public' }, { tenant: '', clientId: '' }, deps)).toEqual({ ok: false, problems: { clientId: 'client_id_missing' } });
  });
});
