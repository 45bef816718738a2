// Issue #18: the privacy settings the background enforces cannot be weakened through storage:
// a planted or damaged field costs only itself (never the whole never-capture list), and the
// administrator's policy locks the lists and the retention.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetManagedPolicy } from '../settings/managed-policy';
import { privacyHandlers } from './handlers';
import { getPrivacySettings, privacySettingsItem, setPrivacySettings } from './settings';

/** These handlers never reach the CRM here. */
const noCrm = () => Promise.reject(new Error('no CRM in this test'));

beforeEach(() => forgetManagedPolicy());

describe('privacy settings under attack', () => {
  it('a damaged field falls back alone; the never-capture lists keep their valid entries', async () => {
    await privacySettingsItem.setValue({ neverDomains: ['firma.pl', 'not a domain!', 42], neverEmails: ['jan@klient.pl', { x: 1 }], retentionDays: 'one', lawfulBasis: 'consent' } as never);
    expect(await getPrivacySettings()).toMatchObject({ neverDomains: ['firma.pl'], neverEmails: ['jan@klient.pl'], retentionDays: 30, lawfulBasis: 'consent' });
  });

  it('policy locks the never-capture lists and the retention; the rep\'s own value cannot override them', async () => {
    await fakeBrowser.storage.managed.set({ neverDomains: ['konkurencja.pl'], neverEmails: ['prezes@konkurencja.pl'], retentionDays: 90 });
    await privacySettingsItem.setValue({ neverDomains: [], neverEmails: [], retentionDays: 1 });
    expect(await getPrivacySettings()).toMatchObject({ neverDomains: ['konkurencja.pl'], neverEmails: ['prezes@konkurencja.pl'], retentionDays: 90 });
    await setPrivacySettings({ neverDomains: [], retentionDays: 1, repIdentity: 'jan@firma.pl' });
    expect(await getPrivacySettings()).toMatchObject({ neverDomains: ['konkurencja.pl'], retentionDays: 90, repIdentity: 'jan@firma.pl' });
    const reply = await privacyHandlers(noCrm)['privacy/settings/get']();
    expect(reply.locked.sort()).toEqual(['neverDomains', 'neverEmails', 'retentionDays']);
  });

  it('an invalid policy value is ignored, not applied and not locked', async () => {
    await fakeBrowser.storage.managed.set({ retentionDays: 0, neverDomains: 'konkurencja.pl' });
    await setPrivacySettings({ retentionDays: 14 });
    expect(await getPrivacySettings()).toMatchObject({ retentionDays: 14, neverDomains: [] });
    expect((await privacyHandlers(noCrm)['privacy/settings/get']()).locked).toEqual([]);
  });
});
