// Issue #18: the connection the background uses, whatever storage.local holds: a planted
// authority is never used, the administrator's policy wins, and a new environment or webhook
// target is saved only once the rep confirms it.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetManagedPolicy } from '../settings/managed-policy';
import { resetSecretsDbForTests } from './auth/secret-store';
import { CONNECTION_KEY, readConnection } from './connection-store';
import { normalizeSettings } from './settings';
import { saveConnection } from './service';

const org = { environmentUrl: 'https://contoso.crm4.dynamics.com', tenant: 'contoso.onmicrosoft.com', clientId: '11111111-2222-4333-8444-555555555555' };
const stored = async () => (await fakeBrowser.storage.local.get(CONNECTION_KEY))[CONNECTION_KEY];

beforeEach(() => {
  forgetManagedPolicy();
  resetSecretsDbForTests();
});

describe('the connection the background reads', () => {
  it('a planted authority in storage.local is ignored: sign-in stays with Microsoft', async () => {
    await fakeBrowser.storage.local.set({ [CONNECTION_KEY]: { ...org, authority: 'https://attacker.example' } });
    const { settings } = await readConnection();
    expect(settings.authority).toBeUndefined();
    expect(normalizeSettings(settings)).toMatchObject({ ok: true, settings: { authority: 'https://login.microsoftonline.com' } });
  });

  it('policy values win, are locked, and a page cannot overwrite them', async () => {
    await fakeBrowser.storage.managed.set({ environmentUrl: 'https://corp.crm4.dynamics.com', authority: 'https://login.microsoftonline.us', webhookUrl: 'https://hooks.corp.example/leads' });
    await fakeBrowser.storage.local.set({ [CONNECTION_KEY]: { ...org, webhookUrl: 'https://attacker.example/leads' } });
    const before = await readConnection();
    expect(before.locked.sort()).toEqual(['authority', 'environmentUrl', 'webhookUrl']);
    expect(before.settings).toMatchObject({ environmentUrl: 'https://corp.crm4.dynamics.com', authority: 'https://login.microsoftonline.us', webhookUrl: 'https://hooks.corp.example/leads' });
    expect(await saveConnection({ ...org, webhookUrl: 'https://attacker.example/other', confirmChanges: true })).toMatchObject({ ok: true });
    expect((await readConnection()).settings).toMatchObject({ environmentUrl: 'https://corp.crm4.dynamics.com', webhookUrl: 'https://hooks.corp.example/leads', tenant: org.tenant });
    expect(await stored()).not.toHaveProperty('authority');
  });
});

describe('saving a connection', () => {
  it('the first setup needs no confirmation; another environment does', async () => {
    expect(await saveConnection(org)).toEqual({ ok: true, problems: {} });
    const other = { ...org, environmentUrl: 'https://other.crm.dynamics.com' };
    expect(await saveConnection(other)).toEqual({ ok: false, problems: {}, confirm: ['environmentUrl'] });
    expect(await stored()).toMatchObject({ environmentUrl: org.environmentUrl });
    expect(await saveConnection({ ...other, confirmChanges: true })).toEqual({ ok: true, problems: {} });
    expect(await stored()).toMatchObject({ environmentUrl: 'https://other.crm.dynamics.com' });
  });

  it('a new webhook target is saved only once confirmed', async () => {
    await saveConnection(org);
    const hooked = { ...org, webhookUrl: 'https://hooks.example.com/leads' };
    expect(await saveConnection(hooked)).toEqual({ ok: false, problems: {}, confirm: ['webhookUrl'] });
    expect(await stored()).not.toHaveProperty('webhookUrl');
    expect(await saveConnection({ ...hooked, confirmChanges: true })).toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ webhookUrl: 'https://hooks.example.com/leads' });
    expect(await saveConnection(hooked)).toMatchObject({ ok: true }); // unchanged: nothing to confirm
  });
});
