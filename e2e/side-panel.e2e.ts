// Issue #13, side panel: the popup's capture UI in Chrome's side panel, staying open while the rep
// moves between tabs; a new tab is read only on the rep's act; the toolbar button opens the popup or
// the panel as the rep chose; the popup links to Leads, Sync and Settings.
// Puppeteer cannot open the real side panel: its page is opened in a window of its own, pinned to
// the rep's window with ?windowId=N, and the toolbar click is the background's own handler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { startServer, type TestServer } from './support/server';
import { clickSave, fill, valueOf, waitForMessage } from './support/lead-form';
import { message } from './support/messages';

const speaker = (first: string, last: string, company: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${first} ${last} | Nordic Freight Summit</title></head><body><h1>Speaker</h1>
<div class="h-card"><span class="p-name">${first} ${last}</span> <span class="p-job-title">Head of Logistics</span>
  <span class="p-org">${company}</span> <a class="u-email" href="mailto:${last.toLowerCase()}@cargo.example">${last.toLowerCase()}@cargo.example</a></div>
</body></html>`;

interface StoredLead { id: string; lastname: string; jobtitle?: string }

describe('side panel', () => {
  let ext: ExtensionHarness;
  let server: TestServer;
  beforeAll(async () => {
    ext = await launchExtension();
    server = await startServer({
      '/anna': speaker('Anna', 'Kowalska', 'Baltic Cargo'),
      '/lars': speaker('Lars', 'Berg', 'Fjord Trucking'),
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Runs in the service worker: what a tab switch, a toolbar click or a settings read does. */
  const inWorker = async <T, A extends unknown[]>(fn: (...args: A) => Promise<T>, ...args: A): Promise<T> =>
    (await ext.worker()).evaluate(fn as never, ...(args as unknown as never[])) as Promise<T>;

  async function openTab(windowId: number, path: string, active: boolean): Promise<number> {
    const id = await inWorker(async (w: number, url: string, a: boolean) => (await chrome.tabs.create({ windowId: w, url, active: a })).id!, windowId, server.url(path), active);
    await expect.poll(() => inWorker(async (tabId: number) => (await chrome.tabs.get(tabId)).status, id), { timeout: 10_000 }).toBe('complete');
    return id;
  }

  const lastnameIs = (panel: Page, value: string) =>
    panel.waitForFunction((v) => (document.querySelector('.lead-form [name="lastname"]') as HTMLInputElement | null)?.value === v, { timeout: 15_000 }, value);

  it('reads the page on the rep\'s act, keeps its form across tab switches, and saves a lead to the Leads list', async () => {
    // The rep's window, with Anna's page in front.
    const first = await ext.browser.newPage();
    await first.goto(server.url('/anna'), { waitUntil: 'domcontentloaded' });
    const annaTab = await ext.tabIdOf(first);
    const windowId = await inWorker(async (id: number) => (await chrome.tabs.get(id)).windowId, annaTab);
    const larsTab = await openTab(windowId, '/lars', false);

    // The toolbar click (panel mode): the background asks the panel to read Anna's tab.
    await inWorker(async (id: number) => {
      const hook = (globalThis as unknown as { leadclipTest: { openPanelFor: (t: chrome.tabs.Tab) => Promise<void> } }).leadclipTest;
      await hook.openPanelFor(await chrome.tabs.get(id));
    }, annaTab);
    const panelUrl = ext.pageUrl(`sidepanel.html?windowId=${windowId}`);
    await inWorker(async (url: string) => void (await chrome.windows.create({ url, type: 'popup', width: 420, height: 900 })), panelUrl);
    const panel = (await (await ext.browser.waitForTarget((t) => t.url() === panelUrl, { timeout: 10_000 })).page())!;
    await lastnameIs(panel, 'Kowalska');
    expect(await panel.$eval('[data-testid="side-panel"]', (el) => el.getAttribute('data-stale'))).toBe('false');
    // The rep edits the form.
    await fill(panel, { jobtitle: 'VP Logistics' });

    // The rep moves to Lars's tab: the form stays Anna's, and the panel says it belongs to her page.
    await inWorker(async (id: number) => void (await chrome.tabs.update(id, { active: true })), larsTab);
    await panel.waitForSelector('[data-testid="panel-stale"]', { timeout: 10_000 });
    expect(await panel.$eval('[data-testid="panel-stale"]', (el) => el.textContent)).toContain('Anna Kowalska | Nordic Freight Summit');
    expect(await valueOf(panel, 'lastname')).toBe('Kowalska');
    expect(await valueOf(panel, 'jobtitle')).toBe('VP Logistics');

    // "Read this page": Lars's page fills a new form.
    await panel.click('[data-action="read-page"]');
    await lastnameIs(panel, 'Berg');
    await panel.waitForFunction(() => document.querySelector('[data-testid="side-panel"]')?.getAttribute('data-stale') === 'false');

    // Back on Anna's tab, the toolbar click reads it again: her edit comes back as a draft.
    await inWorker(async (id: number) => void (await chrome.tabs.update(id, { active: true })), annaTab);
    await panel.waitForSelector('[data-testid="panel-stale"]', { timeout: 10_000 });
    await inWorker(async (id: number) => {
      const hook = (globalThis as unknown as { leadclipTest: { openPanelFor: (t: chrome.tabs.Tab) => Promise<void> } }).leadclipTest;
      await hook.openPanelFor(await chrome.tabs.get(id));
    }, annaTab);
    await lastnameIs(panel, 'Kowalska');
    await panel.waitForFunction(() => (document.querySelector('.lead-form [name="jobtitle"]') as HTMLInputElement | null)?.value === 'VP Logistics', { timeout: 10_000 });

    // Save & Close saves, and the panel stays open with a new form and the saved lead as a link.
    // (The page read has finished once the recent captures show below the form.)
    await panel.waitForSelector('[data-testid="recent-captures"]', { timeout: 15_000 });
    await clickSave(panel, true);
    await waitForMessage(panel, /saved/i);
    await panel.waitForSelector('[data-testid="saved-link"]');
    expect(await valueOf(panel, 'lastname')).toBe('');
    const leads = (await message<{ leads: StoredLead[] }>(panel, 'leads/list', { sort: 'updated', limit: 10, offset: 0 })).leads;
    const anna = leads.find((l) => l.lastname === 'Kowalska');
    expect(anna?.jobtitle).toBe('VP Logistics');
    const options = await ext.openOptions('#/leads');
    await options.waitForSelector(`tr[data-lead-id="${anna!.id}"]`, { timeout: 10_000 });
    await options.close();
    await panel.close();
    await first.close();
  });

  it('the setting switches the toolbar button between the popup and the side panel', async () => {
    const behaviour = () => inWorker(async () => ({
      popup: await chrome.action.getPopup({}),
      openPanelOnActionClick: (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick ?? false,
    }));
    expect((await behaviour()).popup).toBe(ext.pageUrl('popup.html'));

    const options = await ext.openOptions('#/settings');
    await options.waitForSelector('input[name="toolbarOpens"][value="panel"]');
    expect(await options.$eval('input[name="toolbarOpens"][value="popup"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await options.click('input[name="toolbarOpens"][value="panel"]');
    await options.waitForSelector('[data-testid="toolbar-setting"] [role="status"]');
    // No popup: the click reaches action.onClicked, which opens the panel and grants activeTab.
    await expect.poll(behaviour, { timeout: 10_000 }).toEqual({ popup: '', openPanelOnActionClick: false });

    await options.reload();
    await options.waitForSelector('input[name="toolbarOpens"][value="popup"]');
    expect(await options.$eval('input[name="toolbarOpens"][value="panel"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await options.click('input[name="toolbarOpens"][value="popup"]');
    await expect.poll(async () => (await behaviour()).popup, { timeout: 10_000 }).toBe(ext.pageUrl('popup.html'));
    await options.close();
  });

  it('the popup links to the Leads, Sync and Settings pages', async () => {
    const popup = await ext.openPopup();
    for (const [link, hash, shown] of [
      ['link-leads', '#/leads', 'table, [data-testid="leads-empty"], .leads-page'],
      ['link-sync', '#/sync', '[data-testid="sync-waiting"], .sync-page'],
      ['link-settings', '#/settings', '[data-testid="toolbar-setting"]'],
    ] as const) {
      await popup.waitForSelector(`[data-testid="${link}"]`, { timeout: 15_000 });
      await popup.click(`[data-testid="${link}"]`);
      const target = await ext.browser.waitForTarget((t) => t.url() === ext.pageUrl(`options.html${hash}`), { timeout: 10_000 });
      const page = (await target.page())!;
      await page.waitForSelector(shown, { timeout: 10_000 });
      expect(await page.$eval('nav [aria-current="page"]', (el) => el.getAttribute('href'))).toBe(hash);
      await page.close();
    }
    await popup.close();
  });
});
