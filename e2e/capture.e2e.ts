// Issue #3 end to end: the popup prefills from the page it was opened on, offers the other
// people, fills from a selection, and survives hostile pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { startServer, type TestServer } from './support/server';
import { valueOf } from './support/lead-form';
import { message } from './support/messages';
import { hostilePages } from '../lib/extract/__fixtures__/hostile-pages';

const team = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our team | Contoso Logistics</title>
<meta property="og:site_name" content="Contoso Logistics"></head><body>
<h1>Meet the team</h1>
<div class="card"><h3>Maria Garcia</h3><p>Sales Director</p><a href="mailto:maria.garcia@contoso.example">maria.garcia@contoso.example</a><p>Phone: (312) 555-0142</p></div>
<div class="card"><h3>David Kowalski</h3><p>Key Account Manager</p><a href="mailto:d.kowalski@contoso.example">d.kowalski@contoso.example</a></div>
<div class="card"><h3>Emily Chen</h3><p>Head of Partnerships</p><a href="mailto:echen@contoso.example">echen@contoso.example</a></div>
<footer>© 2026 Contoso Logistics Inc. All rights reserved. 100 Main Street, Chicago, IL 60601</footer>
</body></html>`;

const signaturePage = `<!doctype html><html><head><meta charset="utf-8"><title>Mail</title></head><body><pre id="sig">Pozdrawiam serdecznie

Jan Nowak
Dyrektor Sprzedaży
Nordwind Logistyka Sp. z o.o.
ul. Portowa 12, 81-340 Gdynia
tel. kom. 601 234 567
jan.nowak@nordwind.example
www.nordwind.example</pre></body></html>`;

function hostile(): string {
  const links = Array.from({ length: 50_000 }, (_, i) => `<a href="/p/${i}">link ${i}</a>`).join(' ');
  const big = 'lorem ipsum dolor '.repeat(300_000); // about 5.4 MB in one text node
  return `<!doctype html><html><head><meta charset="utf-8"><title>Hostile</title>
<script type="application/ld+json">{"@type":"Person","name":"<img src=x onerror=\\"window.pwned=1\\">Eve Hacker","jobTitle":"<script>window.pwned=2</script>CTO","email":"eve@hostile.example"}</script>
</head><body>
<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Mallory<script>window.pwned=3</script> Evil</span><span itemprop="jobTitle"><b onmouseover="window.pwned=4">Boss</b></span></div>
<p>${links}</p><p>${big}</p></body></html>`;
}

describe('capture from pages and selections', () => {
  let ext: ExtensionHarness;
  let server: TestServer;
  beforeAll(async () => {
    ext = await launchExtension();
    server = await startServer({ '/team': team, '/mail': signaturePage, '/hostile': hostile(), '/nest/microdata': hostilePages.microdataNames, '/nest/rdfa': hostilePages.rdfaNames });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function openOn(path: string): Promise<{ page: Page; popup: Page; tabId: number }> {
    const page = await ext.browser.newPage();
    await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
    const tabId = await ext.tabIdOf(page);
    const popup = await ext.openPopup(tabId);
    await popup.waitForSelector('[data-testid="capture-bar"]');
    return { page, popup, tabId };
  }

  const waitForValue = (popup: Page, name: string, value: string) =>
    popup.waitForFunction((n, v) => (document.querySelector(`.lead-form [name="${n}"]`) as HTMLInputElement | null)?.value === v, { timeout: 10_000 }, name, value);

  it('prefills the first of three people and offers the other two; picking refills only unedited fields', async () => {
    const { page, popup } = await openOn('/team');
    await waitForValue(popup, 'lastname', 'Garcia');
    expect(await valueOf(popup, 'firstname')).toBe('Maria');
    expect(await valueOf(popup, 'jobtitle')).toBe('Sales Director');
    expect(await valueOf(popup, 'emailaddress1')).toBe('maria.garcia@contoso.example');
    expect(await valueOf(popup, 'companyname')).toBe('Contoso Logistics');
    expect(await valueOf(popup, 'telephone1')).toMatch(/312.*555.*0142/);
    // Provenance: shown on focus or hover, read with the field, with the page URL and method (issue #16).
    const note = await popup.$eval('[data-provenance-for="lastname"]', (el) => el.textContent ?? '');
    expect(note).toContain(server.url('/team'));
    expect(await popup.$eval('.field:has([name="lastname"])', (el) => el.getAttribute('data-provenance'))).toBe('text');

    const options = await popup.$$eval('[data-testid="candidate-picker"] option', (os) => os.map((o) => o.textContent ?? ''));
    expect(options.filter((o) => /David Kowalski|Emily Chen/.test(o))).toHaveLength(2);
    expect(options[0]).toContain('Maria Garcia');

    // The rep edits the job title, then switches to Emily Chen: her name replaces Maria's, the edit stays.
    await popup.$eval('.lead-form [name="jobtitle"]', (el) => ((el as HTMLInputElement).value = ''));
    await popup.type('.lead-form [name="jobtitle"]', 'VP Sales');
    const emily = options.findIndex((o) => o.includes('Emily Chen'));
    await popup.select('[data-testid="candidate-picker"]', String(emily));
    await waitForValue(popup, 'lastname', 'Chen');
    expect(await valueOf(popup, 'firstname')).toBe('Emily');
    expect(await valueOf(popup, 'emailaddress1')).toBe('echen@contoso.example');
    expect(await valueOf(popup, 'jobtitle')).toBe('VP Sales');

    // Saved with the lead: where each prefilled field came from; the typed title has none.
    await popup.click('[data-action="save"]');
    await popup.waitForSelector('[data-testid="form-message"]');
    const { leads } = await message<{ leads: { lastname: string; provenance: { origin: string; sourceUrl?: string; fields: Record<string, { method: string; source?: string }> } }[] }>(popup, 'leads/list');
    const lead = leads.find((l) => l.lastname === 'Chen');
    expect(lead?.provenance.origin).toBe('page');
    expect(lead?.provenance.fields.lastname).toEqual({ method: 'text', source: server.url('/team') });
    expect(lead?.provenance.fields.companyname?.method).toBe('meta');
    expect(lead?.provenance.fields.jobtitle).toBeUndefined();
    await popup.close();
    await page.close();
  });

  it('fills the form from a selected signature through the context menu handler', async () => {
    const page = await ext.browser.newPage();
    await page.goto(server.url('/mail'), { waitUntil: 'domcontentloaded' });
    const tabId = await ext.tabIdOf(page);
    const text = await page.$eval('#sig', (el) => el.textContent ?? '');
    const worker = await ext.worker();
    await worker.evaluate(
      async (t, id, url) => {
        const hook = (globalThis as unknown as { leadclipTest: { captureSelection: (t: string, tab: object) => Promise<unknown> } }).leadclipTest;
        await hook.captureSelection(t, { id, url, title: 'Mail' });
      },
      text, tabId, server.url('/mail'),
    );
    const popup = await ext.openPopup(tabId);
    await waitForValue(popup, 'lastname', 'Nowak');
    expect(await valueOf(popup, 'firstname')).toBe('Jan');
    expect(await valueOf(popup, 'jobtitle')).toBe('Dyrektor Sprzedaży');
    expect(await valueOf(popup, 'companyname')).toBe('Nordwind Logistyka Sp. z o.o.');
    expect(await valueOf(popup, 'emailaddress1')).toBe('jan.nowak@nordwind.example');
    expect(await valueOf(popup, 'mobilephone')).toBe('+48 601 234 567');
    expect(await valueOf(popup, 'address1_city')).toBe('Gdynia');
    expect(await valueOf(popup, 'address1_postalcode')).toBe('81-340');
    expect(await popup.$eval('.field:has([name="lastname"])', (el) => el.getAttribute('data-provenance'))).toBe('selection');
    await popup.close();
    await page.close();
  });

  // Issue #18: a few kB of nested items once kept the tab busy for minutes, so the popup gave up
  // ("Couldn't read this page") after 6.5 s. Now the extractor answers with what it found.
  for (const path of ['/nest/microdata', '/nest/rdfa']) {
    it(`a tiny page of nested items (${path}) is read, not given up on`, async () => {
      const page = await ext.browser.newPage();
      await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
      const popup = await ext.openPopup(await ext.tabIdOf(page));
      await popup.waitForSelector('[data-testid="capture-bar"]');
      // Filled from the page, or told why not: whichever comes first.
      await popup.waitForFunction(() => [...document.querySelectorAll<HTMLInputElement>('.lead-form input[type="text"], .lead-form input:not([type])')].some((i) => i.value !== '') || !!document.querySelector('[data-testid="capture-notice"]'), { timeout: 15_000 });
      const notice = await popup.$eval('[data-testid="capture-notice"]', (e) => e.textContent).catch(() => null);
      expect(notice ?? '').not.toMatch(/Couldn't read this page/);
      await popup.close();
      await page.close();
    });
  }

  it('a hostile page neither hangs the popup nor injects markup', async () => {
    const page = await ext.browser.newPage();
    await page.goto(server.url('/hostile'), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const tabId = await ext.tabIdOf(page);
    const t0 = Date.now();
    const popup = await ext.openPopup(tabId);
    await popup.waitForSelector('[data-testid="capture-bar"]');
    await popup.waitForFunction(() => (document.querySelector('.lead-form [name="lastname"]') as HTMLInputElement | null)?.value !== '' || !!document.querySelector('[data-testid="capture-notice"]'), { timeout: 10_000 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    const state = await popup.evaluate(() => ({
      pwned: (window as unknown as { pwned?: number }).pwned,
      imgs: document.querySelectorAll('img').length,
      scripts: Array.from(document.querySelectorAll('script')).filter((s) => !s.src).length,
      bold: document.querySelectorAll('.lead-form b').length,
      values: Array.from(document.querySelectorAll<HTMLInputElement>('.lead-form input')).map((i) => i.value).join('\n'),
    }));
    expect(state.pwned).toBeUndefined();
    expect(state.imgs).toBe(0);
    expect(state.scripts).toBe(0);
    expect(state.bold).toBe(0);
    expect(state.values).not.toMatch(/<\s*(img|script|b)\b|onerror|window\.pwned/i);
    // The markup-free part of the person still arrives as text.
    expect(await valueOf(popup, 'lastname')).toMatch(/Evil|Hacker/);
    // The form still works afterwards.
    await popup.type('.lead-form [name="subject"]', 'ok');
    expect(await valueOf(popup, 'subject')).toMatch(/ok$/);
    await popup.close();
    await page.close();
  });

  it('explains browser pages it cannot read and leaves the form empty', async () => {
    // Without the tabs permission, chrome:// URLs are hidden from tabs.query: create the tab instead.
    const worker = await ext.worker();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.create({ url: 'chrome://version', active: false })).id ?? -1);
    const popup = await ext.openPopup(tabId);
    await popup.waitForSelector('[data-testid="capture-notice"]');
    expect(await popup.$eval('[data-testid="capture-notice"]', (el) => el.textContent)).toMatch(/browser pages/i);
    expect(await valueOf(popup, 'lastname')).toBe('');
    expect(await popup.$('[data-testid="candidate-picker"]')).toBeNull();
    await popup.close();
    await worker.evaluate(async (id) => chrome.tabs.remove(id), tabId);
  });
});
