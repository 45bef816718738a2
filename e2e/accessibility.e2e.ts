// Issue #16: axe-core finds nothing, of any impact, on every screen of the popup, the side panel, the welcome page
// and every options page, in English and in Polish, in the light and the dark colour scheme.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { axeFindings, describeFindings } from './support/axe';
import { clickSave, fill } from './support/lead-form';
import { message } from './support/messages';
import { startServer, type TestServer } from './support/server';

const peoplePage = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Zespół</title></head><body><main><h1>Zespół</h1>
<div class="card"><h3>Anna Adamska</h3><p>Head of Procurement, Firma A</p><a href="mailto:anna@firma-a.example">anna@firma-a.example</a></div>
<div class="card"><h3>Bartosz Borowski</h3><p>Sales Director, Firma B</p><a href="mailto:bartosz@firma-b.example">bartosz@firma-b.example</a></div>
</main></body></html>`;

/** Both colour schemes of the page as it is now: every finding, one line each. */
async function audit(page: Page, where: string): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of ['light', 'dark'] as const) out.push(...describeFindings(`${where} (${scheme})`, await axeFindings(page, scheme)));
  return out;
}

/** Opens every folded section of the form (and nested ones), as a rep unfolding them would. */
const unfoldAll = (page: Page) => page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));

for (const lang of ['en', 'pl'] as const) {
  describe(`no accessibility violations (${lang})`, () => {
    let ext: ExtensionHarness;
    let server: TestServer;
    let dir: string;
    let leadId: string;
    beforeAll(async () => {
      ext = await launchExtension({ lang });
      server = await startServer({ '/team': peoplePage });
      dir = await mkdtemp(join(tmpdir(), 'leadclip-a11y-'));
      const { lead } = await message<{ lead: { id: string } }>(ext, 'leads/save', {
        lead: { subject: 'Targi', firstname: 'Jan', lastname: 'Kowalski', companyname: 'Acme', emailaddress1: 'jan@acme.pl', jobtitle: 'CTO', telephone1: '+48 22 123 45 67' },
      });
      leadId = lead.id;
    });
    afterAll(async () => {
      await ext?.close();
      await server?.close();
    });

    it('welcome page', async () => {
      const page = await ext.browser.newPage();
      await page.goto(ext.pageUrl('welcome.html'), { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('select[name="defaultCountry"]');
      expect(await audit(page, 'welcome')).toEqual([]);
      await page.close();
    });

    it('popup: quick form, unfolded sections, recent captures', async () => {
      const popup = await ext.openPopup();
      await popup.waitForSelector('[data-testid="recent-captures"]');
      const found = await audit(popup, 'popup quick form');
      await unfoldAll(popup);
      found.push(...(await audit(popup, 'popup unfolded')));
      expect(found).toEqual([]);
      await popup.close();
    });

    it('popup: duplicate panel, merge and the saved lead\u2019s actions', async () => {
      const popup = await ext.openPopup();
      await popup.waitForSelector('[data-action="clear"]');
      await popup.click('[data-action="clear"]');
      await fill(popup, { subject: 'Webinar', lastname: 'Nowak', emailaddress1: 'jan@acme.pl' });
      await clickSave(popup);
      await popup.waitForSelector('[data-testid="duplicates"]');
      const found = await audit(popup, 'duplicate panel');
      await popup.click('[data-action="dup-merge"]');
      await popup.waitForSelector('[data-testid="merge"]');
      found.push(...(await audit(popup, 'merge')));
      await popup.click('[data-action="dup-back"]');
      await popup.click('[data-action="dup-open"]');
      await popup.waitForSelector('[data-action="qualify-open"]');
      found.push(...(await audit(popup, 'saved lead')));
      await popup.click('[data-action="qualify-open"]');
      await popup.waitForSelector('[data-action="qualify-confirm"]');
      found.push(...(await audit(popup, 'qualify')));
      expect(found).toEqual([]);
      await popup.close();
    });

    it('popup: everyone on the page', async () => {
      const page = await ext.browser.newPage();
      await page.goto(server.url('/team'), { waitUntil: 'domcontentloaded' });
      const popup = await ext.openPopup(await ext.tabIdOf(page));
      await popup.waitForSelector('[data-testid="people"] > summary', { timeout: 10_000 });
      await popup.click('[data-testid="people"] > summary');
      await popup.waitForSelector('[data-testid="people-list"] li');
      const found = await audit(popup, 'people list');
      // A prefilled field with focus shows where its value came from.
      await popup.focus('.lead-form [name="lastname"]');
      await popup.waitForSelector('[data-provenance-for="lastname"]', { visible: true });
      found.push(...(await audit(popup, 'provenance')));
      expect(found).toEqual([]);
      await popup.close();
      await page.close();
    });

    it('side panel: a read page, and the banner after a tab switch', async () => {
      const page = await ext.browser.newPage();
      await page.goto(server.url('/team'), { waitUntil: 'domcontentloaded' });
      const tabId = await ext.tabIdOf(page);
      const w = await ext.worker();
      const windowId = (await w.evaluate(async (id: number) => {
        const tab = await chrome.tabs.get(id);
        const hook = (globalThis as unknown as { leadclipTest: { openPanelFor: (t: chrome.tabs.Tab) => Promise<void> } }).leadclipTest;
        await hook.openPanelFor(tab);
        return tab.windowId;
      }, tabId)) as number;
      const panelUrl = ext.pageUrl(`sidepanel.html?windowId=${windowId}`);
      await w.evaluate(async (url: string) => void (await chrome.windows.create({ url, type: 'popup', width: 420, height: 900 })), panelUrl);
      const panel = (await (await ext.browser.waitForTarget((t) => t.url() === panelUrl, { timeout: 10_000 })).page())!;
      await panel.waitForFunction(() => (document.querySelector('.lead-form [name="lastname"]') as HTMLInputElement | null)?.value, { timeout: 15_000 });
      await panel.waitForSelector('[data-testid="recent-captures"]', { timeout: 15_000 });
      const found = await audit(panel, 'side panel');
      // Another tab in front: the panel says its form belongs to the previous page.
      await (await ext.worker()).evaluate(async (id: number) => void (await chrome.tabs.create({ windowId: id, url: 'about:blank', active: true })), windowId);
      await panel.waitForSelector('[data-testid="panel-stale"]', { timeout: 10_000 });
      found.push(...(await audit(panel, 'side panel, previous page')));
      expect(found).toEqual([]);
      await panel.close();
      await page.close();
    });

    it('options: leads list and lead editor with its audit trail', async () => {
      const list = await ext.openOptions('#/leads');
      await list.waitForSelector(`[data-lead-id="${leadId}"]`);
      const found = await audit(list, 'leads');
      await list.close();
      const editor = await ext.openOptions(`#/lead/${leadId}`);
      await editor.waitForSelector('[data-audit-kind="captured"]');
      await unfoldAll(editor);
      found.push(...(await audit(editor, 'lead editor')));
      expect(found).toEqual([]);
      await editor.close();
    });

    it('options: import with its mapping and preview', async () => {
      const file = join(dir, 'targi.csv');
      await writeFile(file, ['Imię;Nazwisko;Organizacja XYZ;E-mail', 'Zofia;Wiśniewska;Kowalski i Synowie;zofia@kowalski.pl', 'Anna;;Brak;anna@x.pl'].join('\r\n'));
      const page = await ext.openOptions('#/import');
      const found = await audit(page, 'import');
      const input = await page.waitForSelector('input[name="import-file"]');
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
      await page.waitForSelector('[data-testid="import-preview"]', { timeout: 30_000 });
      found.push(...(await audit(page, 'import mapping')));
      await page.click('[data-action="start-import"]');
      await page.waitForSelector('[data-testid="import-summary"]', { timeout: 60_000 });
      found.push(...(await audit(page, 'import summary')));
      expect(found).toEqual([]);
      await page.close();
    });

    it('options: sync with a conflict', async () => {
      const page = await ext.openOptions('#/sync');
      await page.waitForSelector('[data-action="sync-now"]');
      // Sync keeps the CRM's version when the CRM changed a lead meanwhile: put one there as sync does.
      await page.evaluate((id) => new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('leadclip-sync');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('conflicts', 'readwrite');
          tx.objectStore('conflicts').put({ id, crm: { lastname: 'Kowalski', jobtitle: 'CEO' }, crmEtag: 'W/"1"', detectedAt: new Date().toISOString() });
          tx.oncomplete = () => { open.result.close(); resolve(); };
          tx.onerror = () => reject(tx.error);
        };
      }), leadId);
      await page.waitForSelector('[data-testid="conflict"]');
      expect(await audit(page, 'sync')).toEqual([]);
      await page.close();
    });

    for (const route of ['connection', 'scoring', 'capture', 'privacy', 'settings']) {
      it(`options: ${route}`, async () => {
        const page = await ext.openOptions(`#/${route}`);
        await page.waitForFunction(() => document.querySelector('main')?.childElementCount && !document.querySelector('[aria-busy="true"]'));
        expect(await audit(page, route)).toEqual([]);
        await page.close();
      });
    }
  });
}
