// Import from Microsoft Exchange (issue #17) end to end: the built extension in Chromium, signed in
// to the sandbox, asks for Contacts.Read by incremental consent, lists the rep's Outlook contact
// folders through Graph, reads two of them page by page through a 429, and takes the contacts
// through the file import's mapping, preview, duplicate and summary steps into the Leads list.
// A second import of the same folders brings only what changed.
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { connectThroughOptions } from './support/sync';
import { startSandbox, type Sandbox } from '../tests/sandbox';

const contact = (given: string, surname: string, company: string, i: number) => ({
  givenName: given, surname, companyName: company, jobTitle: i % 2 ? 'Kierownik zakupów' : 'Dyrektor',
  emailAddresses: [{ address: `${given}.${surname}@${company.toLowerCase().replace(/\W/g, '')}.example`.toLowerCase() }],
  businessPhones: [`+48 22 100 ${String(i).padStart(2, '0')} 00`], businessAddress: { city: 'Warszawa', countryOrRegion: 'Polska' },
});

describe('import from Microsoft Exchange (sandbox Graph)', () => {
  let ext: ExtensionHarness;
  let sandbox: Sandbox;
  let targi: string;
  let klienci: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    targi = sandbox.graph.addFolder('Targi 2026', Array.from({ length: 7 }, (_, i) => contact(`Ewa${i}`, `Graf${i}`, 'Budimex', i)));
    // Their own numbers (10..14): a shared phone would make them duplicates of the first folder's people.
    klienci = sandbox.graph.addFolder('Klienci', Array.from({ length: 5 }, (_, i) => contact(`Jan${i}`, `Outlook${i}`, 'Orlen', i + 10)));
    sandbox.graph.addFolder('Prywatne', [contact('Ciocia', 'Prywatna', 'Dom', 1)]);
    // Three contacts a page: both folders take several pages.
    sandbox.graph.maxPageSize = 3;
    ext = await launchExtension();
    await (await connectThroughOptions(ext, sandbox)).close();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  const text = (page: Page, sel: string) => page.$eval(sel, (e) => e.textContent ?? '');

  async function readFolders(ids: string[]): Promise<Page> {
    const page = await ext.openOptions('#/import');
    await page.click('[data-action="exchange-folders"]');
    await page.waitForSelector('[data-testid="exchange-folders"]', { timeout: 30_000 });
    for (const id of ids) await page.click(`input[name="exchange-folder"][value="${id}"]`);
    await page.click('[data-action="exchange-read"]');
    await page.waitForFunction(() => !!document.querySelector('[data-testid="import-counts"]') || /Nothing to import/.test(document.querySelector('[data-testid="exchange-notes"]')?.textContent ?? ''), { timeout: 60_000 });
    return page;
  }

  it('imports two folders read page by page through a 429 and lists the leads', async () => {
    expect(sandbox.oauth.options.graphConsent).toBeUndefined();
    sandbox.graph.retryAfterSeconds = 1;
    const page = await ext.openOptions('#/import');
    await page.click('[data-action="exchange-folders"]');
    await page.waitForSelector('[data-testid="exchange-folders"]', { timeout: 30_000 });
    // Contacts.Read was asked for once, interactively, on the same sign-in.
    expect(sandbox.oauth.options.graphConsent).toBe('granted');
    expect(await page.$$eval('[data-testid="exchange-folders"] label', (l) => l.map((x) => x.textContent?.trim()))).toEqual(['Contacts (default folder)', 'Targi 2026', 'Klienci', 'Prywatne']);
    for (const id of [targi, klienci]) await page.click(`input[name="exchange-folder"][value="${id}"]`);
    const before = { ...sandbox.graph.stats };
    sandbox.graph.throttleNext = 1;
    await page.click('[data-action="exchange-read"]');
    await page.waitForSelector('[data-testid="import-counts"]', { timeout: 60_000 });
    // 7 + 5 contacts, 3 a page: 3 + 2 pages, plus the one answered 429 and retried after Retry-After.
    expect(sandbox.graph.stats.throttled - before.throttled).toBe(1);
    expect(sandbox.graph.stats.requests - before.requests).toBe(6);
    expect(await text(page, '[data-testid="import-counts"]')).toMatch(/12 rows: 12 valid, 0 with errors/);
    expect(await text(page, '[data-testid="exchange-notes"]')).toContain('Targi 2026: 7 contacts (first import of this folder).');
    // The same mapping step as a file: Outlook's fields landed on the lead's.
    const targets = await page.$$eval('.import-mapping select', (s) => s.map((x) => (x as HTMLSelectElement).value));
    expect(targets).toEqual(expect.arrayContaining(['firstname', 'lastname', 'jobtitle', 'companyname', 'emailaddress1', 'telephone1', 'address1_city']));
    expect(await text(page, '[data-testid="import-preview"]')).toContain('Budimex');

    await page.click('[data-action="start-import"]');
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 60_000 });
    expect(await text(page, '[data-testid="import-summary"]')).toMatch(/12 leads created/);
    await page.close();

    const list = await ext.openOptions('#/leads');
    // The Leads page renders after the options app loads: wait for its search box.
    await list.waitForSelector('input[name="search"]', { timeout: 30_000 });
    await list.type('input[name="search"]', 'graf3');
    await list.waitForFunction(() => document.querySelector('[data-testid="lead-count"]')?.textContent?.startsWith('1 '), { timeout: 30_000 });
    expect(await text(list, '.leads-table tbody')).toContain('Ewa3 Graf3');
    await list.close();
    const { leads } = await message<{ leads: { lastname: string; companyname?: string; emailaddress1?: string; jobtitle?: string; provenance: { origin: string } }[] }>(ext, 'leads/list', { text: 'outlook' });
    expect(leads.map((l) => l.lastname).sort()).toEqual(['Outlook0', 'Outlook1', 'Outlook2', 'Outlook3', 'Outlook4']);
    expect(leads.find((l) => l.lastname === 'Outlook1')).toMatchObject({ companyname: 'Orlen', emailaddress1: 'jan1.outlook1@orlen.example', jobtitle: 'Kierownik zakupów' });
  });

  it('a second import of the same folders brings only what changed', async () => {
    const [first] = [...sandbox.graph.folders.get(targi)!.entries.keys()];
    sandbox.graph.editContact(targi, first, { jobTitle: 'Prezes' });
    sandbox.graph.addContacts(klienci, [contact('Nowy', 'Kontakt', 'Orlen', 9)]);
    const page = await readFolders([targi, klienci]);
    expect(await text(page, '[data-testid="import-counts"]')).toMatch(/2 rows: 2 valid/);
    expect(await text(page, '[data-testid="exchange-notes"]')).toContain('Targi 2026: 1 contacts added or changed since the last import');
    // The changed contact is a stored lead: the same duplicate step as a file offers to update it.
    await page.click('input[name="dup-stored"][value="update"]');
    await page.click('[data-action="start-import"]');
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 60_000 });
    expect(await text(page, '[data-testid="import-summary"]')).toMatch(/1 lead created.*1 lead updated/);
    await page.close();
    const { leads } = await message<{ leads: { lastname: string; jobtitle?: string }[] }>(ext, 'leads/list', { text: 'graf0' });
    expect(leads).toMatchObject([{ lastname: 'Graf0', jobtitle: 'Prezes' }]);

    // Nothing changed since: said so, nothing to review.
    const again = await readFolders([targi, klienci]);
    expect(await text(again, '[data-testid="exchange-notes"]')).toContain('Nothing to import');
    await again.close();
  });
});
