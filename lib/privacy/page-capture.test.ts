import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageCaptureRefused } from './page-capture';
import { setPrivacySettings } from './settings';

describe('pageCaptureRefused (selection menu)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('refuses never-capture sites and the rep’s own company, nothing else', async () => {
    await setPrivacySettings({ neverDomains: ['intranet.example'], ownDomain: 'firma.pl' });
    expect(await pageCaptureRefused('https://wiki.intranet.example/people')).toBe(true);
    expect(await pageCaptureRefused('https://www.firma.pl/zespol')).toBe(true);
    expect(await pageCaptureRefused('https://klient.example/kontakt')).toBe(false);
    expect(await pageCaptureRefused(undefined)).toBe(false);
  });
});
