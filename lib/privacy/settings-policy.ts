// What the background believes about the privacy settings (issue #18): storage.local is parsed
// field by field, so a damaged or planted value costs only that field (never the rep's whole
// never-capture list), and the administrator's policy locks the lists and the retention.
import { defaultPrivacySettings, privacySettings, type PrivacySettings } from './settings-schema';
import { normalizeDomain, normalizeEmail } from './domains';

export const PRIVACY_POLICY_KEYS = ['neverDomains', 'neverEmails', 'retentionDays', 'crmField'] as const;
export type PrivacyPolicyKey = (typeof PRIVACY_POLICY_KEYS)[number];

const field = <K extends keyof PrivacySettings>(key: K, value: unknown): PrivacySettings[K] | undefined => {
  const parsed = privacySettings.safeParse({ [key]: value });
  return parsed.success ? parsed.data[key] : undefined;
};

/** A list keeps its valid entries; everything else falls back to its default. */
export function readStoredPrivacy(raw: unknown): PrivacySettings {
  const stored = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...defaultPrivacySettings };
  for (const key of Object.keys(defaultPrivacySettings) as (keyof PrivacySettings)[]) {
    if (!Object.hasOwn(stored, key)) continue;
    let value = stored[key];
    if (key === 'neverDomains' && Array.isArray(value)) value = value.filter((d) => typeof d === 'string' && normalizeDomain(d) === d);
    if (key === 'neverEmails' && Array.isArray(value)) value = value.filter((e) => typeof e === 'string' && normalizeEmail(e) === e);
    out[key] = field(key, value) ?? defaultPrivacySettings[key];
  }
  return out as PrivacySettings;
}

/** Policy values that are valid win and are locked; an invalid one is ignored. */
export function applyPrivacyPolicy(settings: PrivacySettings, managed: Record<string, unknown>): { settings: PrivacySettings; locked: PrivacyPolicyKey[] } {
  const next: Record<string, unknown> = { ...settings };
  const locked: PrivacyPolicyKey[] = [];
  for (const key of PRIVACY_POLICY_KEYS) {
    if (managed[key] === undefined) continue;
    const value = field(key, managed[key]);
    if (value === undefined) continue;
    next[key] = value;
    locked.push(key);
  }
  return { settings: next as PrivacySettings, locked };
}
