// Page objects and helpers for the sync end-to-end tests: connect the extension to a sandbox
// through the options page (real PKCE sign-in via launchWebAuthFlow) and talk to the background.
import type { Page } from 'puppeteer';
import type { ExtensionHarness } from './extension';
import type { Sandbox } from '../../tests/sandbox';

export const SANDBOX_CLIENT_ID = '11111111-2222-4333-8444-555555555555';

/** Sends a message to the background from an extension page, as the UI does. */
export async function message<T = unknown>(page: Page, type: string, data: unknown = {}): Promise<T> {
  const reply = (await page.evaluate((t, d) => chrome.runtime.sendMessage({ type: t, data: d }), type, data as never)) as { ok: boolean; data?: T; error?: { message: string } };
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error?.message ?? 'no reply'}`);
  return reply.data as T;
}

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
