// Issue #13 moved the page read earlier (the popup's first script begins it) and lets the popup
// judge the page itself from the never-capture rules; issue #8's rule must hold in the new order:
// the extractor is injected only after the verdict said the page may be read, and never on a
// refused page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beginPageRead } from './page-read';
import { pendingSelection } from './pending-selection';
import { privacySettingsItem } from '../privacy/settings';
import { privacyHandlers } from '../privacy/handlers';
import type { CaptureRules } from '../privacy/capture-policy';

const page = 'https://contoso.example/team';
const tab = { id: 7, url: page };
const extraction = { url: page, title: 'Team', candidates: [], truncated: false };

const injections = () => vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: extraction, documentId: 'd' }] as never);
/** Lets every promise that can settle settle (storage reads, the message). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** The refusal as the background words it for the same page (privacy/check). */
const backgroundRefusal = async (sourceUrl: string) =>
  (await privacyHandlers(() => Promise.reject(new Error('no CRM')))['privacy/check']({ sourceUrl, emails: [], origin: 'page' })).refusal?.message;

beforeEach(() => {
  // The refusal is worded from _locales: the key and the subject stand in for the words here.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subject?: string) => `${key}: ${subject}`) as never);
});
afterEach(() => vi.restoreAllMocks());

describe('beginPageRead: the never-capture verdict comes before the page read', () => {
  it('does not inject the extractor while the rules are being read, and injects it once allowed, asking no worker', async () => {
    let stored!: (rules: CaptureRules) => void;
    const rules = new Promise<CaptureRules>((resolve) => (stored = resolve));
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const inject = injections();
    const read = beginPageRead(tab, { rules, stored: Promise.resolve(null) });
    await settle();
    expect(inject).not.toHaveBeenCalled();
    stored({ neverDomains: ['other.example'], neverEmails: [], ownDomain: '', repIdentity: '' });
    const result = await read;
    expect(result.kind).toBe('page');
    expect(inject).toHaveBeenCalledTimes(1);
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/extractor.js'], injectImmediately: true });
    expect(result.kind === 'page' && (await result.run)).toEqual({ status: 'ran', result: extraction });
    expect(send).not.toHaveBeenCalled();
  });

  it('never injects the extractor into a never-capture page, and says so as the background would', async () => {
    await privacySettingsItem.setValue({ neverDomains: ['contoso.example'] });
    const inject = injections();
    const result = await beginPageRead(tab);
    expect(result).toEqual({ kind: 'refused', message: await backgroundRefusal(page) });
    await settle();
    expect(inject).not.toHaveBeenCalled();
  });

  it('refuses the pages the administrator\'s policy and the rep\'s own company rule out', async () => {
    const inject = injections();
    await fakeBrowser.storage.managed.set({ neverDomains: ['contoso.example'] });
    await privacySettingsItem.setValue({ neverDomains: [] });
    expect((await beginPageRead(tab)).kind).toBe('refused');
    await fakeBrowser.storage.managed.clear();
    await privacySettingsItem.setValue({ repIdentity: 'jan@contoso.example' });
    expect(await beginPageRead({ id: 7, url: 'https://www.contoso.example/about' })).toEqual({ kind: 'refused', message: await backgroundRefusal('https://www.contoso.example/about') });
    expect(inject).not.toHaveBeenCalled();
  });

  it('judges the page a pending selection came from, and then reads the selection, not the tab', async () => {
    await privacySettingsItem.setValue({ neverDomains: ['other.example'] });
    await pendingSelection.setValue({ tabId: 7, url: 'https://other.example/card', text: 'Jan Nowak', at: Date.now() });
    const inject = injections();
    expect(await beginPageRead(tab)).toEqual({ kind: 'refused', message: await backgroundRefusal('https://other.example/card') });
    expect(inject).not.toHaveBeenCalled();
  });

  it('asks the background when the rules cannot be read, and reads nothing when it does not answer either', async () => {
    const inject = injections();
    const unreadable = () => Promise.reject(new Error('storage.managed did not answer'));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce({ ok: true, data: { refusal: { code: 'never_domain', subject: 'contoso.example', message: 'contoso.example is on your never-capture list.' } } } as never);
    expect(await beginPageRead(tab, { rules: unreadable(), stored: Promise.resolve(null) })).toEqual({ kind: 'refused', message: 'contoso.example is on your never-capture list.' });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await beginPageRead(tab, { rules: unreadable(), stored: Promise.resolve(null) })).toEqual({ kind: 'unchecked' });
    await settle();
    expect(inject).not.toHaveBeenCalled();
  });

  it('gives up on a background that never answers (a stopping worker): the page stays unread', async () => {
    vi.useFakeTimers();
    try {
      const inject = injections();
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => {}) as never);
      const read = beginPageRead(tab, { rules: Promise.reject(new Error('storage.managed did not answer')), stored: Promise.resolve(null) });
      await vi.advanceTimersByTimeAsync(3_000);
      expect(await read).toEqual({ kind: 'unchecked' });
      expect(inject).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
