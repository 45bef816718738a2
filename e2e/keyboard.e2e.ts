// Issue #16, keyboard first: the popup's save and the duplicate panel work from the keyboard alone,
// every control shows a focus ring, focus never hides under the sticky header, and where a
// prefilled value came from is read without a mouse.
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { startServer, type TestServer } from './support/server';

interface StoredLead { id: string; lastname: string; emailaddress1?: string; leadqualitycode?: number }

const contactPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contact | Fabrikam</title></head><body>
<h1>Contact</h1><div class="card"><h3>Maria Garcia</h3><p>Sales Director</p><a href="mailto:maria.garcia@fabrikam.example">maria.garcia@fabrikam.example</a></div></body></html>`;

/** What has focus: its data-action or name, whether a ring is drawn, and the ring's colour against the page. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return undefined;
  const s = getComputedStyle(el);
  return {
    id: el.getAttribute('data-action') ?? el.getAttribute('name') ?? el.tagName.toLowerCase(),
    ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
    color: s.outlineColor,
    primary: el.classList.contains('primary'),
  };
});

/** Presses Tab until `id` has focus, checking the ring of every control passed on the way. */
async function tabTo(page: Page, id: string, limit = 60): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    if (!f.ring) passed.push(`${f.id} has no focus ring`);
    if (f.id === id) return passed;
  }
  throw new Error(`Tab never reached ${id}`);
}

describe('keyboard first (en)', () => {
  let ext: ExtensionHarness;
  let server: TestServer;
  beforeAll(async () => {
    ext = await launchExtension({ lang: 'en' });
    server = await startServer({ '/contact': contactPage });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const leads = async () => (await message<{ leads: StoredLead[] }>(ext, 'leads/list')).leads;

  async function popupReady(): Promise<Page> {
    const popup = await ext.openPopup();
    await popup.waitForSelector('[data-testid="recent-captures"]');
    return popup;
  }

  async function typeInto(popup: Page, name: string, text: string): Promise<string[]> {
    const missing = await tabTo(popup, name);
    await popup.keyboard.type(text);
    return missing;
  }

  it('saves a lead from the keyboard alone, with a focus ring on every control on the way', async () => {
    const popup = await popupReady();
    const noRing = [
      ...(await typeInto(popup, 'subject', 'Trade fair')),
      ...(await typeInto(popup, 'lastname', 'Kowalski')),
      ...(await typeInto(popup, 'emailaddress1', 'jan@acme.example')),
      ...(await tabTo(popup, 'save')),
    ];
    expect(noRing).toEqual([]);
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(() => /saved/i.test(document.querySelector('[data-testid="form-message"]')?.textContent ?? ''));
    expect((await leads()).map((l) => l.lastname)).toEqual(['Kowalski']);
    await popup.close();
  });

  it('the duplicate panel takes focus on "Open existing lead", its primary action, and Enter opens it', async () => {
    const popup = await popupReady();
    await typeInto(popup, 'subject', 'Webinar');
    await typeInto(popup, 'lastname', 'Nowak');
    await typeInto(popup, 'emailaddress1', 'JAN@acme.example');
    await tabTo(popup, 'save');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('[data-testid="duplicates"]');
    await popup.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'dup-open');
    const f = (await focused(popup))!;
    expect(f).toMatchObject({ id: 'dup-open', ring: true, primary: true });
    expect(await popup.$eval('[data-action="dup-open"]', (e) => e.textContent)).toBe('Open existing lead');
    expect(await popup.$eval('[data-action="dup-save-anyway"]', (e) => e.classList.contains('primary'))).toBe(false);
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(() => document.querySelector<HTMLInputElement>('.lead-form [name="lastname"]')?.value === 'Kowalski');
    expect(await popup.$('[data-testid="duplicates"]')).toBeNull();
    expect((await leads()).map((l) => l.lastname)).toEqual(['Kowalski']);
    await popup.close();
  });

  it('a section heading focused or jumped to from below is not hidden under the sticky header', async () => {
    const popup = await popupReady();
    const place = () => popup.evaluate(() => ({
      focusedId: document.activeElement?.parentElement?.id,
      top: document.querySelector('#section-contact > summary')!.getBoundingClientRect().top,
      headerBottom: document.querySelector('.popup-header')!.getBoundingClientRect().bottom,
    }));
    // Every section unfolded: a long form, scrolled to its end.
    await popup.$$eval('.lead-form details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await popup.$eval('.popup', (m) => m.scrollTo(0, m.scrollHeight));
    // The section's first field at the top of the view, then Shift+Tab back onto the section's heading.
    await popup.$eval('#section-contact input', (e) => {
      e.scrollIntoView();
      (e as HTMLInputElement).focus({ preventScroll: true });
    });
    await popup.keyboard.down('Shift');
    await popup.keyboard.press('Tab');
    await popup.keyboard.up('Shift');
    const byTab = await place();
    expect(byTab.focusedId).toBe('section-contact');
    expect(byTab.top).toBeGreaterThanOrEqual(byTab.headerBottom);
    // A jump (a link to the section, or the form taking the rep to a field) aligns it to the top.
    await popup.$eval('.popup', (m) => m.scrollTo(0, m.scrollHeight));
    await popup.$eval('#section-contact > summary', (e) => e.scrollIntoView());
    const byJump = await place();
    expect(byJump.top).toBeGreaterThanOrEqual(byJump.headerBottom);
    await popup.close();
  });

  it('says where a prefilled value came from to a keyboard user, in words', async () => {
    const page = await ext.browser.newPage();
    await page.goto(server.url('/contact'), { waitUntil: 'domcontentloaded' });
    const popup = await ext.openPopup(await ext.tabIdOf(page));
    await popup.waitForFunction(() => document.querySelector<HTMLInputElement>('.lead-form [name="lastname"]')?.value === 'Garcia', { timeout: 15_000 });
    expect(await popup.$eval('[data-provenance-for="lastname"]', (e) => (e as HTMLElement).offsetParent)).toBeNull(); // hidden until wanted
    await tabTo(popup, 'lastname');
    const note = await popup.waitForSelector('[data-provenance-for="lastname"]', { visible: true });
    const text = await note!.evaluate((e) => e.textContent ?? '');
    expect(text).toContain(server.url('/contact'));
    expect(text).toMatch(/^Found by the page.s /); // the method in words, not its code ("text", "microdata")
    const describedBy = await popup.$eval('.lead-form [name="lastname"]', (e) => e.getAttribute('aria-describedby') ?? '');
    expect(describedBy.split(' ')).toContain(await note!.evaluate((e) => e.id));
    await popup.close();
    await page.close();
  });

  it('shows the default country beside the phones, and changing it there changes the setting', async () => {
    const popup = await popupReady();
    const select = '[data-testid="quick-fields"] [data-testid="form-country"] select[name="defaultCountry"]';
    await popup.waitForSelector(select);
    expect(await popup.$eval(select, (e) => (e as HTMLSelectElement).value)).toBe('PL'); // the suite's browser prefers pl-PL
    await popup.select(select, 'DE');
    await popup.waitForFunction(() => /Germany/.test(document.querySelector('[data-testid="form-country"] [role="status"]')?.textContent ?? ''));
    expect((await message<{ country: string }>(ext, 'settings/country-get')).country).toBe('DE');
    await popup.close();
    const [lead] = await leads();
    const editor = await ext.openOptions(`#/lead/${lead.id}`);
    await editor.waitForSelector('#section-company [data-testid="form-country"] select[name="defaultCountry"]');
    expect(await editor.$eval('#section-company [data-testid="form-country"] select', (e) => (e as HTMLSelectElement).value)).toBe('DE');
    await editor.close();
    await message(ext, 'settings/country-set', { country: 'PL' });
  });
});
