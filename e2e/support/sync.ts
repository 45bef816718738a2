// Page objects and helpers for the sync end-to-end tests: connect the extension to a sandbox
// through the options page (real PKCE sign-in via launchWebAuthFlow) and watch the Sync view.
import type { Page } from 'puppeteer';
import type { ExtensionHarness } from './extension';
import type { Sandbox } from '../../tests/sandbox';

export const SANDBOX_CLIENT_ID = '11111111-2222-4333-8444-555555555555';

export async function connectThroughOptions(ext: ExtensionHarness, sandbox: Sandbox): Promise<Page> {
  const page = await ext.openOptions('#/connection');
  await page.waitForSelector('input[name="environmentUrl"]');
  const type = async (name: string, value: string) => {
    await page.$eval(`input[name="${name}"]`, (el) => ((el as HTMLInputElement).value = ''));
    await page.type(`input[name="${name}"]`, value);
  };
  await type('environmentUrl', sandbox.url);
  await type('tenant', sandbox.tenant);
  await type('clientId', SANDBOX_CLIENT_ID);
  await page.click('[data-action="connect"]');
  await page.waitForSelector('[data-testid="connection-status"]', { timeout: 30_000 });
  return page;
}

/** "Sign in with Microsoft" on the Connection page, the sandbox standing in for the cloud
 * (test builds only): resolves once Microsoft's list of environments is shown. */
export async function discoverThroughOptions(ext: ExtensionHarness, sandbox: Sandbox): Promise<Page> {
  const page = await ext.openOptions('#/connection');
  await page.waitForSelector('select[name="cloud"]');
  await page.select('select[name="cloud"]', 'sandbox');
  await page.waitForSelector('input[name="sandboxUrl"]');
  await page.type('input[name="sandboxUrl"]', sandbox.url);
  await page.click('[data-action="discover"]');
  await page.waitForSelector('[data-testid="environment-list"] li', { timeout: 30_000 });
  return page;
}

export async function openSyncView(ext: ExtensionHarness): Promise<Page> {
  const page = await ext.openOptions('#/sync');
  await page.waitForSelector('[data-action="sync-now"]');
  return page;
}

export async function rowState(page: Page, id: string): Promise<string | null> {
  return page.$eval(`tr[data-lead-id="${id}"]`, (tr) => tr.getAttribute('data-state')).catch(() => null);
}

export async function waitForRowState(page: Page, id: string, states: string[], timeout = 30_000): Promise<string> {
  await page.waitForFunction(
    (i, s) => s.includes(document.querySelector(`tr[data-lead-id="${i}"]`)?.getAttribute('data-state') ?? ''),
    { timeout },
    id,
    states,
  );
  return (await rowState(page, id))!;
}
