// The never-capture rules as the popup reads them (issues #8, #13). The popup is a trusted
// extension page: it reads the same storage the background does and decides whether a page may
// be read without a round trip to the worker (a stopped worker takes long to start). The
// background stays the judge of every save and of every content-script path.
// Plain code instead of zod (the popup's first script runs this while the rep waits): it reads
// exactly what readStoredPrivacy + applyPrivacyPolicy (settings-policy.ts) read, which
// capture-rules.test.ts holds it to on generated input.
import { browser } from '#imports';
import type { CaptureRules } from './capture-policy';
import { normalizeDomain, normalizeEmail } from './domains';

const STORED_KEY = 'privacy-settings'; // WXT's item 'local:privacy-settings' (settings.ts)
// The caps of settings-schema.ts.
const MAX_LIST = 1000;
const MAX_IDENTITY = 200;
/** How much longer than the rep's settings the policy may take. Chromium answers both together,
 * or leaves storage.managed unanswered (for a while after start-up, and while the worker is
 * stopped: managed-policy.ts); then the background decides, and waiting longer only delays it. */
const MANAGED_GRACE_MS = 20;

type Plain = Record<string, unknown>;
const isPlain = (x: unknown): x is Plain => !!x && typeof x === 'object' && !Array.isArray(x);

/** A whole list of normal entries, as the schema accepts it; undefined otherwise. */
const list = (x: unknown, normal: (s: string) => string | undefined): string[] | undefined =>
  Array.isArray(x) && x.length <= MAX_LIST && x.every((e) => typeof e === 'string' && normal(e) === e) ? (x as string[]) : undefined;
/** A stored list keeps its valid entries (readStoredPrivacy). */
const kept = (x: unknown, normal: (s: string) => string | undefined): unknown =>
  Array.isArray(x) ? x.filter((e) => typeof e === 'string' && normal(e) === e) : x;

const ownDomain = (x: unknown) => (typeof x === 'string' && (x === '' || normalizeDomain(x) === x) ? x : undefined);
const repIdentity = (x: unknown) => (typeof x === 'string' && x.trim().length <= MAX_IDENTITY ? x.trim() : undefined);

/** The rules in force: the stored settings (a damaged field falls back alone), then the
 * administrator's policy for the lists. */
export function captureRulesOf(stored: unknown, managed: Plain): CaptureRules {
  const s = isPlain(stored) ? stored : {};
  const own = <T>(key: string, read: (x: unknown) => T | undefined): T | undefined => (Object.hasOwn(s, key) ? read(s[key]) : undefined);
  const policy = (key: string, normal: (s: string) => string | undefined) => (managed[key] === undefined ? undefined : list(managed[key], normal));
  return {
    neverDomains: policy('neverDomains', normalizeDomain) ?? own('neverDomains', (x) => list(kept(x, normalizeDomain), normalizeDomain)) ?? [],
    neverEmails: policy('neverEmails', normalizeEmail) ?? own('neverEmails', (x) => list(kept(x, normalizeEmail), normalizeEmail)) ?? [],
    ownDomain: own('ownDomain', ownDomain) ?? '',
    repIdentity: own('repIdentity', repIdentity) ?? '',
  };
}

/** Reads the rules from storage; rejects when managed storage does not answer soon after the
 * rep's settings did (Chromium answers it late, or not at all, for a while after start-up). */
export async function readCaptureRules(): Promise<CaptureRules> {
  const managed = browser.storage.managed.get(null).catch(() => ({})); // no managed storage: no policy
  const stored = (await browser.storage.local.get(STORED_KEY))[STORED_KEY];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('storage.managed did not answer')), MANAGED_GRACE_MS);
  });
  try {
    const policy = await Promise.race([managed, late]);
    return captureRulesOf(stored, isPlain(policy) ? policy : {});
  } finally {
    clearTimeout(timer);
  }
}
