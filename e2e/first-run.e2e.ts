// Issue #16: installing opens the welcome page in the browser's language, with the default country
// taken from the browser's languages; the options app opens in its own tab.
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';

async function welcomePage(ext: ExtensionHarness): Promise<Page> {
  const target = await ext.browser.waitForTarget((t) => t.url() === ext.pageUrl('welcome.html'), { timeout: 20_000 });
  const page = (await target.page())!;
  await page.waitForSelector('select[name="defaultCountry"]');
  return page;
}

const selected = (page: Page) => page.$eval('select[name="defaultCountry"]', (e) => (e as HTMLSelectElement).value);

describe('first run in an English (US) browser', () => {
  let ext: ExtensionHarness;
  beforeAll(async () => { ext = await launchExtension({ lang: 'en', locales: 'en-US,en' }); });
  afterAll(async () => { await ext?.close(); });

  it('opens the welcome page on install, with the United States as the default country', async () => {
    const welcome = await welcomePage(ext);
    expect(await welcome.$eval('h1', (e) => e.textContent)).toBe('Welcome to LeadClip');
    expect(await welcome.$eval('[data-testid="welcome-language"]', (e) => e.textContent)).toMatch(/English/);
    expect(await selected(welcome)).toBe('US');
    expect(await welcome.$$eval('[data-testid="welcome-tour"] li', (l) => l.length)).toBeGreaterThanOrEqual(3);
    expect(await welcome.$eval('[data-action="connect"]', (e) => e.textContent)).toBe('Connect to Dynamics 365');
    expect(await welcome.$('[data-action="skip"]')).not.toBeNull();
  });

  it('saves a Seattle lead as American: ZIP as typed, the number understood and written internationally', async () => {
    const { status, lead, issues } = await message<{ status: string; lead: { address1_postalcode?: string; telephone1?: string; phoneE164?: Record<string, string>; provenance: { asTyped?: Record<string, string> } }; issues: unknown[] }>(
      ext, 'leads/submit', { lead: { subject: 'Demo', lastname: 'Smith', address1_city: 'Redmond', address1_postalcode: '98052', telephone1: '(425) 882-8080' } },
    );
    expect(status).toBe('saved');
    expect(lead.address1_postalcode).toBe('98052');
    // Issue #16 point 5: one international form (never a Polish one); the typed form kept in provenance.
    expect(lead.telephone1).toBe('+1 425 882 8080');
    expect(lead.provenance.asTyped).toEqual({ telephone1: '(425) 882-8080' });
    expect(lead.phoneE164).toEqual({ telephone1: '+14258828080' });
    expect(issues).toEqual([]);
  });

  it('changing the country on the welcome page is what Options › Settings shows', async () => {
    const welcome = await welcomePage(ext);
    await welcome.select('select[name="defaultCountry"]', 'GB');
    await welcome.waitForFunction(() => /United Kingdom/.test(document.querySelector('[data-testid="welcome-country"] [role="status"]')?.textContent ?? ''));
    const settings = await ext.openOptions('#/settings');
    await settings.waitForSelector('[data-testid="country-setting"] select[name="defaultCountry"]');
    expect(await selected(settings)).toBe('GB');
    await settings.close();
  });

  it('"Connect to Dynamics 365" leads to the Connection page', async () => {
    const welcome = await welcomePage(ext);
    await Promise.all([welcome.waitForNavigation(), welcome.click('[data-action="connect"]')]);
    expect(welcome.url()).toBe(ext.pageUrl('options.html#/connection'));
    await welcome.close();
  });

  it('the options app opens in its own tab', async () => {
    const worker = await ext.worker();
    expect(await worker.evaluate(() => chrome.runtime.getManifest().options_ui?.open_in_tab)).toBe(true);
    await worker.evaluate(() => chrome.runtime.openOptionsPage());
    const target = await ext.browser.waitForTarget((t) => t.url().startsWith(ext.pageUrl('options.html')) && t.type() === 'page');
    const options = (await target.page())!;
    await options.waitForSelector('.options-header nav');
    expect(await options.$$eval('.options-header nav a', (a) => a.map((x) => x.getAttribute('href')))).toEqual(expect.arrayContaining(['#/leads', '#/sync', '#/settings']));
    await options.close();
  });
});

describe('first run in a Polish browser', () => {
  let ext: ExtensionHarness;
  beforeAll(async () => { ext = await launchExtension({ lang: 'pl', locales: 'pl' }); });
  afterAll(async () => { await ext?.close(); });

  it('opens the welcome page in Polish with Poland as the default country; "skip" closes it', async () => {
    const welcome = await welcomePage(ext);
    expect(await welcome.$eval('h1', (e) => e.textContent)).toBe('Witamy w LeadClip');
    expect(await welcome.$eval('[data-testid="welcome-language"]', (e) => e.textContent)).toMatch(/po polsku/);
    expect(await selected(welcome)).toBe('PL');
    expect(await welcome.$eval('select[name="defaultCountry"] option:checked', (e) => e.textContent)).toBe('Polska');
    const closed = new Promise<void>((resolve) => welcome.once('close', () => resolve()));
    // The click's own reply never comes: the page it clicked is gone.
    await Promise.all([closed, welcome.click('[data-action="skip"]').catch(() => {})]);
    const { country } = await message<{ country: string }>(ext, 'settings/country-get');
    expect(country).toBe('PL');
  });
});
