// Issue #16, comfort, in Polish: dates in the Polish format, and a new capture left unrated until
// something about its interest is known (no "Cold" for a name and an email).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { clickSave, fill, waitForMessage } from './support/lead-form';
import { message } from './support/messages';

interface StoredLead { id: string; lastname: string; leadqualitycode?: number; updatedAt: string }

describe('comfort in Polish', () => {
  let ext: ExtensionHarness;
  beforeAll(async () => { ext = await launchExtension({ lang: 'pl' }); });
  afterAll(async () => { await ext?.close(); });

  const leads = async () => (await message<{ leads: StoredLead[] }>(ext, 'leads/list')).leads;

  it('a new capture is saved without a rating, and the score says why', async () => {
    const popup = await ext.openPopup();
    await fill(popup, { subject: 'Targi', firstname: 'Anna', lastname: 'Zielińska', companyname: 'Zieleń sp. z o.o.', emailaddress1: 'anna@zielen.example' });
    await popup.waitForSelector('[data-testid="score-suggestion"]');
    expect(await popup.$eval('[data-testid="score-suggestion"]', (e) => e.textContent)).toMatch(/^Jeszcze bez oceny/);
    await clickSave(popup);
    await waitForMessage(popup);
    const anna = (await leads()).find((l) => l.lastname === 'Zielińska')!;
    expect(anna.leadqualitycode).toBeUndefined();
    // Once the need is known, the score suggests a rating.
    await fill(popup, { need: '0' });
    await popup.waitForFunction(() => /^Sugerowana ocena: /.test(document.querySelector('[data-testid="score-suggestion"]')?.textContent ?? ''));
    await popup.close();
  });

  it('the Leads list writes dates the Polish way', async () => {
    const [lead] = await leads();
    const page = await ext.openOptions('#/leads');
    await page.waitForSelector(`[data-lead-id="${lead.id}"] [data-testid="lead-updated"]`);
    const shown = await page.$eval(`[data-lead-id="${lead.id}"] [data-testid="lead-updated"]`, (e) => e.textContent ?? '');
    const d = new Date(lead.updatedAt);
    // "3.12.2026, 14:05" (day.month.year, 24-hour clock), never "12/3/2026, 2:05 PM".
    expect(shown).toBe(`${d.getDate()}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}, ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`);
    await page.close();
  });
});
