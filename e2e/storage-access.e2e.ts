// Issue #18, finding 2: code that takes over a webmail tab's content-script world must not be
// able to write (or read) the extension's storage, where the background keeps the connection and
// privacy settings. The background restricts every storage area to trusted contexts at start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { contentScriptWorld } from './support/content-script-world';
import { startWebmailServer, type WebmailServer } from './support/webmail-hosts';
import { message } from './support/messages';

const ATTACK = `(async () => {
  const attempt = async (fn) => { try { await fn(); return 'allowed'; } catch (e) { return 'refused: ' + (e && e.message); } };
  return {
    ownWorld: chrome.runtime.id,
    local: await attempt(() => chrome.storage.local.set({
      'sync:connection': { environmentUrl: 'https://contoso.crm4.dynamics.com', tenant: 'contoso.onmicrosoft.com', clientId: '11111111-2222-4333-8444-555555555555', authority: 'https://attacker.example', webhookUrl: 'https://attacker.example/leads' },
      'privacy-settings': { neverDomains: [], neverEmails: [], retentionDays: 1 },
    })),
    readLocal: await attempt(() => chrome.storage.local.get(null)),
    session: await attempt(() => chrome.storage.session.set({ 'draft:lead:x': { stolen: true } })),
    sync: await attempt(() => chrome.storage.sync.set({ planted: true })),
  };
})()`;

describe('storage is closed to content scripts', () => {
  let ext: ExtensionHarness;
  let mail: WebmailServer;
  beforeAll(async () => {
    mail = await startWebmailServer();
    ext = await launchExtension({ args: mail.chromiumArgs });
    // The worker has run its start-up (it answers messages only after main()): the claim is
    // about an installed extension, not the first instant of its first start.
    await message(ext, 'queue/status');
  });
  afterAll(async () => {
    await ext?.close();
    await mail?.close();
  });

  async function attackFromWebmail(): Promise<Record<string, string>> {
    const page = await ext.browser.newPage();
    await page.goto(mail.url('mail.google.com', '/mail/u/0/#inbox/FMfcgzQXJWzsconversation'));
    await page.waitForSelector('leadclip-capture'); // the content script is running
    const world = await contentScriptWorld(page, ext.extensionId);
    try {
      return await world.evaluate<Record<string, string>>(ATTACK);
    } finally {
      await world.detach();
      await page.close();
    }
  }

  /** What the extension itself finds in storage (read from its own page: a stopped worker's
   * Puppeteer handle goes stale). */
  async function storedByExtension() {
    const page = await ext.openOptions();
    try {
      return await page.evaluate(async () => ({
        local: await chrome.storage.local.get(['sync:connection', 'privacy-settings']),
        session: await chrome.storage.session.get('draft:lead:x'),
        sync: await chrome.storage.sync.get('planted'),
      }));
    } finally {
      await page.close();
    }
  }

  it('a webmail tab\'s content-script world can neither write nor read chrome.storage', async () => {
    const result = await attackFromWebmail();
    // The code really ran in our content script's world (a page's own world has no runtime id).
    expect(result.ownWorld).toBe(ext.extensionId);
    expect(result.local).toMatch(/^refused/);
    expect(result.readLocal).toMatch(/^refused/);
    expect(result.session).toMatch(/^refused/);
    expect(result.sync).toMatch(/^refused/);
    expect(await storedByExtension()).toEqual({ local: {}, session: {}, sync: {} });
  });

  it('stays closed after the service worker restarts', async () => {
    await ext.stopServiceWorker();
    const result = await attackFromWebmail(); // the webmail page wakes no worker by itself
    expect(result.local).toMatch(/^refused/);
    expect(result.session).toMatch(/^refused/);
    expect(await storedByExtension()).toEqual({ local: {}, session: {}, sync: {} });
  });

  it('a new webhook target is saved only after the rep confirms it on the Connection page', async () => {
    const page = await ext.openOptions('#/connection');
    await page.waitForSelector('input[name="webhookUrl"]');
    await page.click('.sync-connection details summary');
    await page.type('input[name="webhookUrl"]', 'http://127.0.0.1:9/leads');
    await page.type('input[name="webhookSecret"]', 'shared-secret');
    await page.click('[data-action="connect"]');
    await page.waitForSelector('[data-testid="confirm-change"]');
    expect(await page.$eval('[data-testid="confirm-change"] li[data-field="webhookUrl"]', (e) => e.textContent)).toBe('Webhook URL (https): (none) → http://127.0.0.1:9/leads');
    expect((await storedByExtension()).local).toEqual({});

    await page.click('[data-action="confirm-change"]');
    await page.waitForSelector('[data-testid="connection-status"]');
    expect(await page.$('[data-testid="confirm-change"]')).toBeNull();
    expect((await storedByExtension()).local).toEqual({ 'sync:connection': { environmentUrl: '', tenant: '', clientId: '', webhookUrl: 'http://127.0.0.1:9/leads' } });
    await page.close();
  });
});
