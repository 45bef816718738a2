// Store screenshots (issue #16) from the real UI: the test build (it may script the demo page on
// 127.0.0.1, which a store build reaches through activeTab) in headless Chromium, at the store's
// 1280x800. Run `npm run build:test`, then: npx tsx tests/tools/screenshots.ts
// Writes docs/store/screenshots/<lang>-<n>-<what>.png.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'puppeteer';
import { launchExtension, type ExtensionHarness } from '../../e2e/support/extension';
import { message } from '../../e2e/support/messages';
import { startServer } from '../../e2e/support/server';

const OUT = 'docs/store/screenshots';
const size = { width: 1280, height: 800 };
const captions = {
  en: { capture: 'Capture a lead from any page in one click', leads: 'All your leads, searchable, ready for Dynamics 365', welcome: 'Set up in a minute: language, country, Dynamics 365' },
  pl: { capture: 'Zapisz potencjalnego klienta z dowolnej strony jednym kliknięciem', leads: 'Wszyscy potencjalni klienci w jednym miejscu, gotowi do Dynamics 365', welcome: 'Gotowe w minutę: język, kraj, Dynamics 365' },
};
const demoLeads = [
  { subject: 'Fleet tracking pilot', firstname: 'Maria', lastname: 'Garcia', jobtitle: 'Sales Director', companyname: 'Contoso Logistics', emailaddress1: 'maria.garcia@contoso.example', address1_city: 'Chicago', address1_country: 'United States' },
  { subject: 'Warehouse scanners', firstname: 'Jan', lastname: 'Nowak', jobtitle: 'Dyrektor Sprzedaży', companyname: 'Nordwind Logistyka', emailaddress1: 'jan.nowak@nordwind.example', address1_city: 'Gdynia', address1_country: 'Polska' },
  { subject: 'CRM rollout', firstname: 'Emily', lastname: 'Chen', jobtitle: 'VP Operations', companyname: 'Fabrikam', emailaddress1: 'echen@fabrikam.example', address1_city: 'Seattle', address1_country: 'United States' },
  { subject: 'Trade show follow-up', firstname: 'Katarzyna', lastname: 'Wiśniewska', jobtitle: 'Dyrektor Handlowa', companyname: 'Kowalski i Synowie', emailaddress1: 'k.wisniewska@kowalski.example', address1_city: 'Łódź', address1_country: 'Polska' },
];

async function shoot(page: Page, file: string) {
  await page.screenshot({ path: `${OUT}/${file}`, clip: { x: 0, y: 0, ...size } });
  console.log(`${OUT}/${file}`);
}

/** The demo page with the popup beside it, as a rep sees it after clicking the toolbar button. */
async function captureShot(ext: ExtensionHarness, demoUrl: string, caption: string, file: string) {
  const page = await ext.browser.newPage();
  await page.setViewport({ width: 760, height: 720 });
  await page.goto(demoUrl, { waitUntil: 'load' });
  const tabId = await ext.tabIdOf(page);
  const popup = await ext.openPopup(tabId);
  await popup.setViewport({ width: 560, height: 600 });
  await popup.waitForFunction(() => (document.querySelector('.lead-form [name="lastname"]') as HTMLInputElement | null)?.value !== '', { timeout: 20_000 });
  const [pageShot, popupShot] = [await page.screenshot({ encoding: 'base64' }), await popup.screenshot({ encoding: 'base64' })];
  await popup.close();
  const board = await ext.browser.newPage();
  await board.setViewport(size);
  await board.setContent(`<body style="margin:0;width:1280px;height:800px;background:#eef3f9;font:600 28px system-ui;position:relative;overflow:hidden">
    <div style="position:absolute;left:40px;top:24px;color:#0f3e6e">${caption}</div>
    <img src="data:image/png;base64,${pageShot}" style="position:absolute;left:40px;top:80px;width:700px;border-radius:8px;box-shadow:0 2px 12px #0003">
    <img src="data:image/png;base64,${popupShot}" style="position:absolute;left:680px;top:96px;width:560px;border-radius:8px;box-shadow:0 8px 32px #0005">
  </body>`);
  await shoot(board, file);
  await board.close();
  await page.close();
}

async function pageShot(ext: ExtensionHarness, path: string, ready: string, file: string, zoom = 1) {
  const page = await ext.browser.newPage();
  await page.setViewport(size);
  await page.goto(ext.pageUrl(path), { waitUntil: 'domcontentloaded' });
  await page.waitForSelector(ready);
  // The store shows screenshots scaled down: a larger zoom keeps the text readable there.
  await page.evaluate((z) => { document.documentElement.style.zoom = String(z); }, zoom);
  await shoot(page, file);
  await page.close();
}

mkdirSync(OUT, { recursive: true });
const demo = await startServer({ '/team': readFileSync('tests/tools/demo/team.html', 'utf8') });
try {
  for (const lang of ['en', 'pl'] as const) {
    const ext = await launchExtension({ lang, locales: lang === 'en' ? 'en-US,en' : 'pl-PL,pl' });
    try {
      await pageShot(ext, 'welcome.html', 'select[name="defaultCountry"]', `${lang}-1-welcome.png`);
      await captureShot(ext, demo.url('/team'), captions[lang].capture, `${lang}-2-capture.png`);
      for (const lead of demoLeads) await message(ext, 'leads/save', { lead });
      await pageShot(ext, 'options.html#/leads', 'tr[data-lead-id]', `${lang}-3-leads.png`, 1.3);
    } finally {
      await ext.close();
    }
  }
} finally {
  await demo.close();
}
