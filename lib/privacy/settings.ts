// The rep's privacy settings (issue #8), kept in chrome.storage.local through WXT storage.
// Content scripts cannot reach storage (lib/settings/restrict-storage.ts); the background
// enforces the settings on every save, and reads them through settings-policy.ts (issue #18).
import { storage } from '#imports';
import { managedPolicy } from '../settings/managed-policy';
import { privacySettings, type PrivacySettings, type PrivacySettingsInput } from './settings-schema';
import { applyPrivacyPolicy, readStoredPrivacy, type PrivacyPolicyKey } from './settings-policy';

export * from './settings-schema';

export const privacySettingsItem = storage.defineItem<PrivacySettingsInput>('local:privacy-settings', {
  fallback: {},
  version: 1,
});

/** The settings in force and the fields the administrator's policy locks. */
export async function getPrivacySettingsWithLocks(): Promise<{ settings: PrivacySettings; locked: PrivacyPolicyKey[] }> {
  return applyPrivacyPolicy(readStoredPrivacy(await privacySettingsItem.getValue()), await managedPolicy());
}

/** The stored settings with defaults filled in and policy applied. A damaged field falls back to its default. */
export async function getPrivacySettings(): Promise<PrivacySettings> {
  return (await getPrivacySettingsWithLocks()).settings;
}

/** Validates and stores a change (locked fields keep the policy's value); throws the zod error
 * (field paths) when a value is invalid. */
export async function setPrivacySettings(patch: Partial<PrivacySettingsInput>): Promise<PrivacySettings> {
  const { locked } = await getPrivacySettingsWithLocks();
  const own = readStoredPrivacy(await privacySettingsItem.getValue());
  const allowed = Object.fromEntries(Object.entries(patch).filter(([k]) => !(locked as string[]).includes(k)));
  const next = privacySettings.parse({ ...own, ...allowed });
  await privacySettingsItem.setValue(next);
  return (await getPrivacySettingsWithLocks()).settings;
}
