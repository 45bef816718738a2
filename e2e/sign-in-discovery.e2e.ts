// Issue #17 end to end: "Sign in with Microsoft" lists the rep's environments from the discovery
// service and a pick connects (one sign-in page); Test connection and a sync tell a rep whose
// role cannot create leads why, in words. The built extension in Chromium against the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { discoverThroughOptions, openSyncView, waitForRowState } from './support/sync';
import { startSandbox, type Sandbox } from '../tests/sandbox';

describe('sign in with Microsoft, pick the environment (sandbox)', () => {
  let ext: ExtensionHarness;
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('lists the enabled environments, and picking one signs in to it without a second sign-in', async () => {
    const before = sandbox.oauth.tokenRequests.length;
    const page = await discoverThroughOptions(ext, sandbox);
    const listed = await page.$$eval('[data-testid="environment-list"] li', (lis) => lis.map((li) => li.getAttribute('data-env-url')));
    expect(listed).toEqual(['https://contoso-dev.crm4.dynamics.com', sandbox.url]); // the disabled one is left out
    expect(await page.$eval('[data-testid="environment-list"]', (e) => e.textContent)).toContain('Contoso Sales (sandbox)');

    await page.click(`button[data-action="pick-environment"][data-env-url="${sandbox.url}"]`);
    await page.waitForFunction(() => /signed in/i.test(document.querySelector('[data-testid="connection-status"]')?.textContent ?? ''), { timeout: 30_000 });
    expect(await page.$eval('input[name="environmentUrl"]', (e) => (e as HTMLInputElement).value)).toBe(sandbox.url);
    // No tenant typed: the sign-in went to `organizations`; one sign-in page, then a refresh for the environment.
    const grants = sandbox.oauth.tokenRequests.slice(before);
    expect(grants.map((g) => [g.grantType, g.ok])).toEqual([['authorization_code', true], ['refresh_token', true]]);

    await page.click('[data-action="test"]');
    await page.waitForFunction(() => /works/i.test(document.querySelector('[data-testid="connection-status"]')?.textContent ?? ''));
    expect(await page.$eval('[data-testid="connection-status"]', (e) => e.textContent)).toMatch(/customised the app/);
    await page.close();
  });

  it('a rep whose role cannot create leads is told so by Test connection and by the sync', async () => {
    sandbox.setApi({ canCreateLeads: false });
    try {
      const page = await ext.openOptions('#/connection');
      await page.waitForSelector('[data-action="test"]');
      await page.click('[data-action="test"]');
      await page.waitForFunction(() => /security role/i.test(document.querySelector('[data-testid="connection-status"]')?.textContent ?? ''));
      const said = await page.$eval('[data-testid="connection-status"]', (e) => e.textContent ?? '');
      expect(said).toContain('create leads');
      expect(said).not.toContain('read leads');
      await page.close();

      const sync = await openSyncView(ext);
      const id = crypto.randomUUID();
      await message(sync, 'leads/save', { lead: { id, subject: 'Targi', lastname: 'Nowak', companyname: 'Nowak sp. z o.o.' } });
      await sync.click('[data-action="sync-now"]');
      expect(await waitForRowState(sync, id, ['needs_attention', 'synced', 'failed'])).toBe('needs_attention');
      const error = await sync.$eval(`tr[data-lead-id="${id}"] [data-testid="sync-error"]`, (e) => e.textContent ?? '');
      expect(error).toMatch(/security role does not let you create leads/);
      expect(error).not.toMatch(/Principal user|prvCreateLead/);
      expect(sandbox.record('leads', id)).toBeUndefined();
      await sync.close();
    } finally {
      sandbox.setApi({ canCreateLeads: true });
    }
  });
});
