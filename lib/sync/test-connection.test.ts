import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tests/sandbox';
import { connectToSandbox } from '../../tests/sandbox/connect';
import { testConnection } from './test-connection';
import { normalizeSettings, type NormalizedSettings } from './settings';

let sb: Sandbox;
beforeAll(async () => { sb = await startSandbox(); });
afterAll(() => sb.close());

async function check(settings: Partial<NormalizedSettings> = {}, online = true) {
  const c = await connectToSandbox(sb, { signIn: false, config: settings });
  const s: NormalizedSettings = { environmentUrl: sb.url, tenant: sb.tenant, clientId: '11111111-2222-4333-8444-555555555555', authority: sb.url, ...settings };
  return testConnection({ settings: s, api: c.api, signIn: () => c.session.signIn(), online: () => online });
}

describe('testConnection', () => {
  it('passes for a healthy org', async () => {
    expect(await check()).toMatchObject({ ok: true, userId: sb.userId });
  });
  it('says offline, unknown org, unknown tenant', async () => {
    expect(await check({}, false)).toMatchObject({ problem: 'offline' });
    expect(await check({ environmentUrl: 'http://127.0.0.1:9' })).toMatchObject({ problem: 'unknown_org' });
    expect(await check({ environmentUrl: 'http://127.0.0.1:9', authority: 'http://127.0.0.1:9' })).toMatchObject({ problem: 'offline' });
    expect(await check({ tenant: 'nobody.onmicrosoft.com' })).toMatchObject({ problem: 'unknown_tenant' });
  });
  it('says consent is missing', async () => {
    sb.oauth.options.consent = 'missing';
    expect(await check()).toMatchObject({ problem: 'consent_required', detail: expect.stringContaining('AADSTS65001') });
    sb.oauth.options.consent = 'granted';
  });
  it('says no licence or no role', async () => {
    sb.setApi({ userLicensed: false });
    expect(await check()).toMatchObject({ problem: 'not_licensed' });
    sb.setApi({ userLicensed: true, userHasRole: false });
    expect(await check()).toMatchObject({ problem: 'no_role' });
    sb.setApi({ userHasRole: true });
  });
  it('names the privileges a role lacks (issue #17: no create on leads)', async () => {
    sb.setApi({ canCreateLeads: false });
    try {
      expect(await check()).toEqual({ ok: false, problem: 'missing_privileges', detail: 'prvCreateLead', missing: ['prvCreateLead'] });
    } finally {
      sb.setApi({ canCreateLeads: true });
    }
    expect(await check()).toMatchObject({ ok: true });
  });
});

describe('normalizeSettings', () => {
  it('accepts a Dynamics URL with a path and keeps its origin; Entra is the authority', () => {
    const r = normalizeSettings({ environmentUrl: 'contoso.crm4.dynamics.com/main.aspx', tenant: ' contoso.onmicrosoft.com ', clientId: '11111111-2222-4333-8444-555555555555' });
    expect(r).toEqual({ ok: true, settings: expect.objectContaining({ environmentUrl: 'https://contoso.crm4.dynamics.com', tenant: 'contoso.onmicrosoft.com', authority: 'https://login.microsoftonline.com' }) });
  });
  it('the tenant is optional (organizations), the client id defaults to the publisher\'s app', () => {
    const r = normalizeSettings({ environmentUrl: 'https://contoso.crm4.dynamics.com', tenant: ' ', clientId: '' }, { loopback: false, defaultClientId: '99999999-2222-4333-8444-555555555555' });
    expect(r).toMatchObject({ ok: true, settings: { tenant: 'organizations', clientId: '99999999-2222-4333-8444-555555555555' } });
    expect(normalizeSettings({ environmentUrl: 'https://contoso.crm4.dynamics.com', tenant: '', clientId: '' }, { loopback: false })).toEqual({ ok: false, problems: { clientId: 'client_id_missing' } });
  });
  it('a sovereign environment signs in with its own cloud', () => {
    const id = '11111111-2222-4333-8444-555555555555';
    expect(normalizeSettings({ environmentUrl: 'https://agency.crm.microsoftdynamics.us', tenant: '', clientId: id })).toMatchObject({ ok: true, settings: { authority: 'https://login.microsoftonline.us' } });
    expect(normalizeSettings({ environmentUrl: 'https://firma.crm.dynamics.cn', tenant: '', clientId: id })).toMatchObject({ ok: true, settings: { authority: 'https://login.chinacloudapi.cn' } });
    expect(normalizeSettings({ environmentUrl: 'https://agency.crm9.dynamics.com', tenant: '', clientId: id })).toMatchObject({ ok: true, settings: { authority: 'https://login.microsoftonline.com' } });
  });
  it('names each wrong field', () => {
    const r = normalizeSettings({ environmentUrl: 'https://example.com', tenant: 'x', clientId: 'nope', webhookUrl: 'http://example.com/hook' });
    expect(r).toEqual({ ok: false, problems: { environmentUrl: 'env_url_not_dynamics', tenant: 'tenant_invalid', clientId: 'client_id_invalid', webhookUrl: 'webhook_url_invalid' } });
  });
  it('uses the local sandbox as its own authority', () => {
    const r = normalizeSettings({ environmentUrl: 'http://127.0.0.1:7380', tenant: 'contoso.onmicrosoft.com', clientId: '11111111-2222-4333-8444-555555555555' });
    expect(r.ok && r.settings.authority).toBe('http://127.0.0.1:7380');
  });
});
