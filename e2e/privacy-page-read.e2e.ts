// Issue #13 starts the page read in the popup's first script; issue #8's rule still holds there: a
// never-capture page is never read. Chromium reports every script world created in a page, so the
// test sees whether LeadClip's extractor was injected at all (not only whether its result showed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { startServer, type TestServer } from './support/server';

const card = '<!doctype html><html><head><title>Team | Contoso</title></head><body><div class="h-card"><span class="p-name">Anna Kowalska</span> <span class="p-job-title">Sales Director</span> <a class="u-email" href="mailto:anna.kowalska@contoso.example">anna.kowalska@contoso.example</a></div></body></html>';

/** Records the script worlds LeadClip creates in `page` (the extractor runs in one). */
async function extensionWorlds(page: Page, extensionId: string): Promise<string[]> {
  const worlds: string[] = [];
  const cdp = await page.createCDPSession();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin.includes(extensionId)) worlds.push(`${context.name} ${context.origin}`);
  });
  await cdp.send('Runtime.enable');
  return worlds;
}

describe('privacy: a never-capture page is not read by the popup (en)', () => {
  let ext: ExtensionHarness;
  let server: TestServer;
  beforeAll(async () => {
    ext = await launchExtension();
    server = await startServer({ '/team': card });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('injects nothing into a page on the never-capture list, and reads an allowed page', async () => {
    await message(ext, 'privacy/settings/set', { patch: { neverDomains: ['localhost'] } });

    const refused = await ext.browser.newPage();
    await refused.goto(server.url('/team').replace('127.0.0.1', 'localhost'));
    const refusedWorlds = await extensionWorlds(refused, ext.extensionId);
    const popup = await ext.openPopup(await ext.tabIdOf(refused));
    await popup.waitForSelector('[data-testid="capture-notice"]');
    expect(await popup.$eval('[data-testid="capture-notice"]', (e) => e.textContent)).toContain('localhost is on your never-capture list');
    // The popup is done with the page (its form is up, the notice shown): nothing of LeadClip ran there.
    await popup.waitForSelector('.lead-form [name="lastname"]');
    expect(await popup.$eval('.lead-form [name="lastname"]', (e) => (e as HTMLInputElement).value)).toBe('');
    expect(refusedWorlds).toEqual([]);
    await popup.close();

    // The same page on an allowed host is read (so the check above can see an injection).
    const allowed = await ext.browser.newPage();
    await allowed.goto(server.url('/team'));
    const allowedWorlds = await extensionWorlds(allowed, ext.extensionId);
    const reader = await ext.openPopup(await ext.tabIdOf(allowed));
    await reader.waitForFunction(() => document.querySelector<HTMLInputElement>('.lead-form [name="lastname"]')?.value === 'Kowalska');
    expect(allowedWorlds.length).toBeGreaterThan(0);
  });
});
