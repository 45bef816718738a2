import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPrivacySettings, effectiveOwnDomain, getPrivacySettings, privacySettingsItem, setPrivacySettings } from './settings';

describe('privacy settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to legitimate interest, 30 days, a note for the CRM line (issue #17) and empty lists', async () => {
    expect(await getPrivacySettings()).toEqual({ lawfulBasis: 'legitimate_interest', repIdentity: '', ownDomain: '', neverDomains: [], neverEmails: [], retentionDays: 30, crmField: 'note' });
  });

  it('refuses invalid values and keeps the previous ones', async () => {
    await setPrivacySettings({ retentionDays: 7, neverDomains: ['firma.pl'] });
    await expect(setPrivacySettings({ retentionDays: 0 })).rejects.toThrow();
    await expect(setPrivacySettings({ neverDomains: ['https://Firma.pl/x'] })).rejects.toThrow();
    await expect(setPrivacySettings({ crmField: 'description; drop' })).rejects.toThrow();
    expect(await getPrivacySettings()).toMatchObject({ retentionDays: 7, neverDomains: ['firma.pl'] });
  });

  it('falls back to defaults when the stored value is damaged', async () => {
    await privacySettingsItem.setValue({ retentionDays: -3 } as never);
    expect(await getPrivacySettings()).toEqual(defaultPrivacySettings);
  });

  it('derives the company domain from the rep email unless set', () => {
    expect(effectiveOwnDomain({ ownDomain: '', repIdentity: 'Jan Kowalski' })).toBeUndefined();
    expect(effectiveOwnDomain({ ownDomain: '', repIdentity: 'Jan@Firma.PL' })).toBe('firma.pl');
    expect(effectiveOwnDomain({ ownDomain: '', repIdentity: 'jan@onet.pl' })).toBeUndefined();
    expect(effectiveOwnDomain({ ownDomain: 'grupa.pl', repIdentity: 'jan@firma.pl' })).toBe('grupa.pl');
  });
});
