import { describe, expect, it } from 'vitest';
import managedSchema from '../../public/managed_schema.json';
import { changesToConfirm, isAllowedAuthority, mergeManaged, normalizeSettings, originPattern, readStoredConnection } from './settings';

describe('managed settings', () => {
  it('lets policy values win field by field and locks them', () => {
    const r = mergeManaged({ environmentUrl: 'https://mine.crm.dynamics.com', tenant: 'mine.onmicrosoft.com', clientId: 'x' }, { environmentUrl: 'https://corp.crm4.dynamics.com', clientId: '' });
    expect(r.settings).toMatchObject({ environmentUrl: 'https://corp.crm4.dynamics.com', tenant: 'mine.onmicrosoft.com', clientId: 'x' });
    expect(r.locked).toEqual(['environmentUrl']);
  });
  it('the schema offers exactly the settings an admin can preset', () => {
    expect(Object.keys(managedSchema.properties).sort()).toEqual(['authority', 'clientId', 'crmField', 'environmentUrl', 'neverDomains', 'neverEmails', 'retentionDays', 'tenant', 'webhookUrl']);
  });
  it('webhook only (another CRM) needs no Dynamics fields', () => {
    expect(normalizeSettings({ environmentUrl: '', tenant: '', clientId: '', webhookUrl: 'https://hooks.example.com/lead' })).toMatchObject({ ok: true, settings: { environmentUrl: '', webhookUrl: 'https://hooks.example.com/lead' } });
  });
  it('asks for exactly the org host', () => {
    expect(originPattern('https://contoso.crm4.dynamics.com')).toBe('https://contoso.crm4.dynamics.com/*');
    expect(originPattern('http://127.0.0.1:7380')).toBe('http://127.0.0.1/*');
  });
});

// Issue #18: whatever reaches the settings, a refresh token and signed leads go only to
// Microsoft's sign-in hosts, a Dynamics host and an https webhook.
describe('settings the background trusts', () => {
  const store = { loopback: false };
  const sandbox = { loopback: true };
  const org = { environmentUrl: 'https://contoso.crm4.dynamics.com', tenant: 'contoso.onmicrosoft.com', clientId: '11111111-2222-4333-8444-555555555555' };

  it('the sign-in authority is one of Microsoft\'s clouds, as an origin; the sandbox only in sandbox builds', () => {
    for (const ok of ['https://login.microsoftonline.com', 'https://login.microsoftonline.com/', 'https://login.microsoftonline.us', 'https://login.chinacloudapi.cn', 'https://login.partner.microsoftonline.cn']) {
      expect(isAllowedAuthority(ok, store), ok).toBe(true);
    }
    for (const bad of [
      'https://attacker.example', 'http://login.microsoftonline.com', 'https://login.microsoftonline.com.attacker.example',
      'https://login.microsoftonline.com@attacker.example', 'https://user:pw@login.microsoftonline.com', 'https://login.microsoftonline.com/evil',
      'https://login.microsoftonline.com:8443', 'http://127.0.0.1:7380', 'not a url', '',
    ]) expect(isAllowedAuthority(bad, store), bad).toBe(false);
    expect(isAllowedAuthority('http://127.0.0.1:7380', sandbox)).toBe(true);
  });

  it('a store build accepts only an https Dynamics environment and an https webhook', () => {
    expect(normalizeSettings({ environmentUrl: 'http://127.0.0.1:7380', tenant: org.tenant, clientId: org.clientId }, store)).toMatchObject({ ok: false, problems: { environmentUrl: 'env_url_not_dynamics' } });
    expect(normalizeSettings({ ...org, environmentUrl: 'http://contoso.crm4.dynamics.com' }, store)).toMatchObject({ ok: false });
    expect(normalizeSettings({ ...org, environmentUrl: 'https://contoso.crm4.dynamics.com.attacker.example' }, store)).toMatchObject({ ok: false });
    expect(normalizeSettings({ ...org, webhookUrl: 'http://127.0.0.1:9/hook' }, store)).toMatchObject({ ok: false, problems: { webhookUrl: 'webhook_url_invalid' } });
    expect(normalizeSettings({ ...org, webhookUrl: 'https://user:pw@hooks.example.com/x' }, store)).toMatchObject({ ok: false });
    expect(normalizeSettings({ ...org, webhookUrl: 'http://127.0.0.1:9/hook' }, sandbox)).toMatchObject({ ok: true });
  });

  it('an authority off the allow-list is a problem, never used', () => {
    expect(normalizeSettings({ ...org, authority: 'https://attacker.example' }, store)).toEqual({ ok: false, problems: { authority: 'authority_not_allowed' } });
    expect(normalizeSettings({ ...org, authority: 'https://login.microsoftonline.us/' }, store)).toMatchObject({ ok: true, settings: { authority: 'https://login.microsoftonline.us' } });
  });

  it('storage.local never supplies an authority, and only bounded strings', () => {
    const planted = { ...org, authority: 'https://attacker.example', webhookUrl: 42, tenant: 'x'.repeat(5000), extra: 'y' };
    expect(readStoredConnection(planted)).toEqual({ environmentUrl: org.environmentUrl, clientId: org.clientId });
    expect(readStoredConnection('garbage')).toEqual({});
    const { settings } = mergeManaged(readStoredConnection(planted), {}, store);
    expect(normalizeSettings({ ...settings, tenant: org.tenant }, store)).toMatchObject({ ok: true, settings: { authority: 'https://login.microsoftonline.com' } });
  });

  it('policy locks the authority, but only one of Microsoft\'s', () => {
    expect(mergeManaged(org, { authority: 'https://login.microsoftonline.us' }, store)).toMatchObject({ settings: { authority: 'https://login.microsoftonline.us' }, locked: ['authority'] });
    expect(mergeManaged(org, { authority: 'https://attacker.example', webhookUrl: 7 }, store)).toEqual({ settings: org, locked: [] });
  });

  it('a changed environment, or a new webhook target, needs the rep\'s confirmation', () => {
    const saved = { ...org, authority: 'https://login.microsoftonline.com' };
    expect(changesToConfirm(org, saved)).toEqual([]);
    expect(changesToConfirm({ environmentUrl: '' }, saved)).toEqual([]);
    expect(changesToConfirm(org, { ...saved, environmentUrl: 'https://other.crm.dynamics.com' })).toEqual(['environmentUrl']);
    expect(changesToConfirm(org, { ...saved, webhookUrl: 'https://hooks.example.com/x' })).toEqual(['webhookUrl']);
    expect(changesToConfirm({ ...org, webhookUrl: 'https://hooks.example.com/x' }, { ...saved, webhookUrl: 'https://hooks.example.com/x' })).toEqual([]);
  });
});

describe('org choice values', () => {
  it('the lead schema accepts a value only once the org registered it', async () => {
    const { leadFields } = await import('../leads/schema');
    const { registerOrgChoiceValues } = await import('../leads/option-sets');
    const base = { subject: 'S', lastname: 'L' };
    expect(leadFields.safeParse({ ...base, leadsourcecode: 100000000 }).success).toBe(false);
    registerOrgChoiceValues('leadsourcecode', [{ value: 100000000, label: { en: 'Webinar', pl: 'Webinarium' } }]);
    expect(leadFields.safeParse({ ...base, leadsourcecode: 100000000 }).success).toBe(true);
    expect(leadFields.safeParse({ ...base, leadqualitycode: 100000000 }).success).toBe(false);
    registerOrgChoiceValues('leadsourcecode', []);
  });
});
