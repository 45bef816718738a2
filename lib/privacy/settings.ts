// The rep's privacy settings (issue #8), kept in chrome.storage.local through WXT storage.
// Content scripts never read them: the background enforces them on every save.
import { storage } from '#imports';
import { defaultPrivacySettings, privacySettings, type PrivacySettings, type PrivacySettingsInput } from './settings-schema';

export * from './settings-schema';

export const privacySettingsItem = storage.defineItem<PrivacySettingsInput>('local:privacy-settings', {
  fallback: {},
  version: 1,
});

/** The stored settings with defaults filled in. A damaged value falls back to the defaults. */
export async function getPrivacySettings(): Promise<PrivacySettings> {
  const parsed = privacySettings.safeParse(await privacySettingsItem.getValue());
  return parsed.success ? parsed.data : defaultPrivacySettings;
}

/** Validates and stores a change; throws the zod error (field paths) when a value is invalid. */
export async function setPrivacySettings(patch: Partial<PrivacySettingsInput>): Promise<PrivacySettings> {
  const next = privacySettings.parse({ ...(await getPrivacySettings()), ...patch });
  await privacySettingsItem.setValue(next);
  return next;
}

