// Issue #13, data loss: after a plain Save the popup shows the saved lead; picking another
// person, Clear, or reopening the popup must start a new lead and leave the saved one as it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { startServer, type TestServer } from './support/server';
import { clickSave, valueOf, waitForMessage } from './support/lead-form';
import { message } from './support/messages';

/** Two h-cards; each test uses its own people, so no save looks like a duplicate of another test's. */
const twoCards = (first: [string, string], second: [string, string]) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Speakers | Nordic Freight Summit</title></head><body>
<h1>Speakers</h1>
<div class="h-card"><span class="p-name">${first.join(' ')}</span> <span class="p-job-title">Head of Logistics</span>
  <span class="p-org">Baltic Cargo</span> <a class="u-email" href="mailto:${first[1].toLowerCase()}@balticcargo.example">${first[1].toLowerCase()}@balticcargo.example</a></div>
<div class="h-card"><span class="p-name">${second.join(' ')}</span> <span class="p-job-title">Fleet Manager</span>
  <span class="p-org">Fjord Trucking</span> <a class="u-email" href="mailto:${second[1].toLowerCase()}@fjordtrucking.example">${second[1].toLowerCase()}@fjordtrucking.example</a></div>
</body></html>`;

interface StoredLead { id: string; firstname?: string; lastname: string; emailaddress1?: string; companyname?: string; jobtitle?: string }

describe('a saved lead is never overwritten by the next capture', () => {
  let ext: ExtensionHarness;
  let server: TestServer;
  beforeAll(async () => {
    ext = await launchExtension();
    server = await startServer({
      '/speakers': twoCards(['Anna', 'Kowalska'], ['Lars', 'Berg']),
      '/speakers-clear': twoCards(['Ewa', 'Lis'], ['Ole', 'Dahl']),
      '/speakers-reopen': twoCards(['Iga', 'Wrona'], ['Per', 'Holm']),
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const leads = async (from: Page) => (await message<{ leads: StoredLead[] }>(from, 'leads/list')).leads;
  const waitForValue = (popup: Page, name: string, value: string) =>
    popup.waitForFunction((n, v) => (document.querySelector(`.lead-form [name="${n}"]`) as HTMLInputElement | null)?.value === v, { timeout: 10_000 }, name, value);

  async function openOn(path: string, lastname: string): Promise<{ page: Page; popup: Page; tabId: number }> {
    const page = await ext.browser.newPage();
    await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
    const tabId = await ext.tabIdOf(page);
    const popup = await ext.openPopup(tabId);
    await waitForValue(popup, 'lastname', lastname);
    return { page, popup, tabId };
  }

  /** Save (not Save & Close): the popup then shows the saved lead for editing. */
  async function saveShown(popup: Page): Promise<void> {
    await clickSave(popup);
    await popup.waitForFunction(() => document.querySelector('.popup-header h1')?.textContent === 'Edit Lead', { timeout: 15_000 });
    expect(await waitForMessage(popup)).toMatch(/saved/i);
  }

  it('save A, pick B, save: two leads, A unchanged; the saved one is a link', async () => {
    const { page, popup } = await openOn('/speakers', 'Kowalska');
    await saveShown(popup);
    const first = (await leads(popup)).filter((l) => l.lastname === 'Kowalska');
    expect(first).toHaveLength(1);

    const options = await popup.$$eval('[data-testid="candidate-picker"] option', (os) => os.map((o) => o.textContent ?? ''));
    await popup.select('[data-testid="candidate-picker"]', String(options.findIndex((o) => o.includes('Lars Berg'))));
    await waitForValue(popup, 'lastname', 'Berg');
    // A new lead: the title says so and the first one is offered as a link (checked after the data).
    const title = await popup.$eval('.popup-header h1', (el) => el.textContent);
    const link = await popup.$eval('[data-testid="saved-link"]', (el) => el.textContent).catch(() => null);
    expect(await valueOf(popup, 'emailaddress1')).toBe('berg@fjordtrucking.example');
    await clickSave(popup);
    await expect.poll(async () => (await leads(popup)).some((l) => l.lastname === 'Berg'), { timeout: 15_000 }).toBe(true);

    const all = await leads(popup);
    const anna = all.filter((l) => l.lastname === 'Kowalska');
    const lars = all.filter((l) => l.lastname === 'Berg');
    expect(anna).toHaveLength(1);
    expect(lars).toHaveLength(1);
    expect(anna[0]).toMatchObject({ id: first[0]!.id, firstname: 'Anna', emailaddress1: 'kowalska@balticcargo.example', jobtitle: 'Head of Logistics' });
    expect(lars[0]!.id).not.toBe(anna[0]!.id);
    expect(title).toBe('New Lead');
    expect(link).toBe('Saved: Anna Kowalska');
    await popup.close();
    await page.close();
  });

  it('Clear after a save starts a new lead; the saved one stays as saved', async () => {
    const { page, popup } = await openOn('/speakers-clear', 'Lis');
    await saveShown(popup);
    const before = (await leads(popup)).filter((l) => l.lastname === 'Lis');
    expect(before).toHaveLength(1);
    await popup.click('[data-action="clear"]');
    await waitForValue(popup, 'lastname', '');
    expect(await popup.$eval('.popup-header h1', (el) => el.textContent)).toBe('New Lead');
    expect(await popup.$eval('[data-testid="saved-link"]', (el) => el.textContent).catch(() => null)).toBe('Saved: Ewa Lis');
    await popup.type('.lead-form [name="lastname"]', 'Nowak');
    await popup.type('.lead-form [name="subject"]', 'Walk-in');
    await saveShown(popup);
    const after = await leads(popup);
    expect(after.filter((l) => l.lastname === 'Lis')).toEqual(before);
    expect(after.filter((l) => l.lastname === 'Nowak')).toHaveLength(1);
    await popup.close();
    await page.close();
  });

  it('reopening the popup after a save starts a new lead and restores no "draft"', async () => {
    const { page, popup, tabId } = await openOn('/speakers-reopen', 'Wrona');
    await saveShown(popup);
    // The autosave has settled on the saved lead: nothing unsaved to keep.
    await popup.waitForSelector('main[data-draft="none"]', { timeout: 10_000 });
    await popup.close();
    const again = await ext.openPopup(tabId);
    await waitForValue(again, 'lastname', 'Wrona');
    expect(await again.$eval('.popup-header h1', (el) => el.textContent)).toBe('New Lead');
    expect(await again.$('[data-testid="form-message"]')).toBeNull();
    await again.close();
    await page.close();
  });
});
