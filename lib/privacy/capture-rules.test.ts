// The popup decides a page's never-capture verdict itself (issue #13), from the rules read by
// plain code: they must be exactly the rules the background enforces (settings-policy.ts, zod).
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureRulesOf, readCaptureRules } from './capture-rules';
import { applyPrivacyPolicy, readStoredPrivacy } from './settings-policy';
import { privacySettingsItem } from './settings';

const background = (stored: unknown, managed: Record<string, unknown>) => {
  const { neverDomains, neverEmails, ownDomain, repIdentity } = applyPrivacyPolicy(readStoredPrivacy(stored), managed).settings;
  return { neverDomains, neverEmails, ownDomain, repIdentity };
};

// Mostly plausible values, near the caps, with damage now and then.
const domain = fc.oneof(fc.constantFrom('firma.pl', 'konkurencja.pl', 'localhost', 'xn--fiqs8s.example', '10.0.0.1'), fc.constantFrom('Firma.PL', 'https://www.firma.pl/x', 'not a domain!', '', ' firma.pl'), fc.domain(), fc.string({ maxLength: 6 }));
const email = fc.oneof(fc.constantFrom('jan@klient.pl', 'prezes@konkurencja.pl'), fc.constantFrom('Jan@Klient.pl', 'nope', 'a@b', ''), fc.emailAddress(), fc.string({ maxLength: 6 }));
const damaged = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 4 }), fc.constant({ x: 1 }));
const listOf = <T>(entry: fc.Arbitrary<T>) => fc.oneof(
  { arbitrary: fc.array(fc.oneof(entry, damaged), { maxLength: 4 }), weight: 8 },
  { arbitrary: fc.array(entry, { maxLength: 4 }), weight: 4 },
  { arbitrary: fc.constant(Array.from({ length: 1001 }, () => 'firma.pl')), weight: 1 },
  { arbitrary: damaged, weight: 1 },
);
const identity = fc.oneof(fc.constantFrom('jan@firma.pl', ' Jan Nowak <jan@firma.pl> ', 'rep@gmail.com', '', ' x '), fc.string({ minLength: 198, maxLength: 203 }), damaged);
const settings = fc.record({
  neverDomains: listOf(domain),
  neverEmails: listOf(email),
  ownDomain: fc.oneof(domain, damaged),
  repIdentity: identity,
  retentionDays: fc.oneof(fc.integer(), damaged),
}, { requiredKeys: [] });
const policy = fc.record({
  neverDomains: fc.oneof(listOf(domain), fc.constant(undefined)),
  neverEmails: fc.oneof(listOf(email), fc.constant(undefined)),
}, { requiredKeys: [] });

describe('captureRulesOf', () => {
  it('reads the stored settings and the policy exactly as the background does', () => {
    fc.assert(fc.property(fc.oneof({ arbitrary: settings, weight: 9 }, { arbitrary: fc.anything(), weight: 1 }), policy, (stored, managed) => {
      expect(captureRulesOf(stored, managed)).toEqual(background(stored, managed));
    }), { numRuns: 3_000 });
  });

  it('keeps the valid entries of a damaged list, and the policy wins over the rep', () => {
    expect(captureRulesOf({ neverDomains: ['firma.pl', 'not a domain!', 42], repIdentity: ' jan@firma.pl ' }, {})).toEqual({ neverDomains: ['firma.pl'], neverEmails: [], ownDomain: '', repIdentity: 'jan@firma.pl' });
    expect(captureRulesOf({ neverDomains: [] }, { neverDomains: ['konkurencja.pl'] }).neverDomains).toEqual(['konkurencja.pl']);
  });
});

describe('readCaptureRules', () => {
  it('reads what the settings stored and the administrator set', async () => {
    await privacySettingsItem.setValue({ neverDomains: ['firma.pl'], ownDomain: 'moja.pl' });
    await fakeBrowser.storage.managed.set({ neverEmails: ['prezes@konkurencja.pl'] });
    expect(await readCaptureRules()).toEqual({ neverDomains: ['firma.pl'], neverEmails: ['prezes@konkurencja.pl'], ownDomain: 'moja.pl', repIdentity: '' });
  });

  it('gives up when managed storage does not answer (the background decides then)', async () => {
    vi.useFakeTimers();
    try {
      vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => {}) as never);
      const rules = readCaptureRules();
      const failed = expect(rules).rejects.toThrow('storage.managed did not answer');
      await vi.advanceTimersByTimeAsync(20);
      await failed;
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });
});
