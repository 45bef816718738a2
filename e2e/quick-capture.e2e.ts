// Issue #13, quick capture: in the popup's real size the capture fields and Save & Close are in
// view; the rest of the form is one click away; the keyboard saves; the Topic is a rep's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { startServer, type TestServer } from './support/server';
import { valueOf } from './support/lead-form';
import { message } from './support/messages';

const speaker = (first: string, last: string, company: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Speakers | Nordic Freight Summit</title></head><body><h1>Speakers</h1>
<div class="h-card"><span class="p-name">${first} ${last}</span> <span class="p-job-title">Head of Logistics</span>
  <span class="p-org">${company}</span> <a class="u-email" href="mailto:${last.toLowerCase()}@cargo.example">${last.toLowerCase()}@cargo.example</a>
  <span class="p-tel">+48 58 123 45 67</span></div>
</body></html>`;

const quickFields = ['subject', 'firstname', 'lastname', 'jobtitle', 'companyname', 'emailaddress1', 'telephone1', 'mobilephone', 'websiteurl', 'leadsourcecode'];

describe('quick capture in the popup', () => {
  let ext: ExtensionHarness;
  let server: TestServer;
  beforeAll(async () => {
    ext = await launchExtension();
    server = await startServer({
      '/a': speaker('Anna', 'Kowalska', 'Baltic Cargo'),
      '/b': speaker('Lars', 'Berg', 'Fjord Trucking'),
      '/c': speaker('Ewa', 'Lis', 'Lis Transport'),
      '/d': speaker('Olaf', 'Dahl', 'Dahl Shipping'),
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function openOn(path: string, lastname: string): Promise<{ page: Page; popup: Page }> {
    const page = await ext.browser.newPage();
    await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
    const tabId = await ext.tabIdOf(page);
    const popup = await ext.browser.newPage();
    // The popup's real size: its own CSS width, and Chrome's 600 px height limit.
    await popup.setViewport({ width: 560, height: 600 });
    await popup.goto(ext.pageUrl(`popup.html?tabId=${tabId}`), { waitUntil: 'domcontentloaded' });
    await popup.waitForFunction((v) => (document.querySelector('.lead-form [name="lastname"]') as HTMLInputElement | null)?.value === v, { timeout: 10_000 }, lastname);
    return { page, popup };
  }

  it('shows the capture fields and Save & Close inside the 560x600 popup, the rest folded', async () => {
    const { page, popup } = await openOn('/a', 'Kowalska');
    // Everything the page and the answers may add (score, notices) has arrived.
    await popup.waitForSelector('[data-testid="score-total"]');
    const boxes = await popup.evaluate((names) => {
      const box = (el: Element | null) => {
        const r = el?.getBoundingClientRect();
        return r && { top: r.top, bottom: r.bottom, left: r.left, right: r.right, visible: r.width > 0 && r.height > 0 };
      };
      return {
        fields: names.map((n) => ({ n, ...box(document.querySelector(`.lead-form [name="${n}"]`)) })),
        saveClose: box(document.querySelector('[data-action="save-close"]')),
        height: innerHeight,
        width: innerWidth,
      };
    }, quickFields);
    for (const f of [...boxes.fields, { n: 'save-close', ...boxes.saveClose }]) {
      expect(f, f.n).toMatchObject({ visible: true });
      expect(f.top, f.n).toBeGreaterThanOrEqual(0);
      expect(f.bottom, f.n).toBeLessThanOrEqual(boxes.height);
      expect(f.left, f.n).toBeGreaterThanOrEqual(0);
      expect(f.right, f.n).toBeLessThanOrEqual(boxes.width);
    }
    // The rest of the Dynamics form is in the same form, folded one click away.
    const folds = await popup.$$eval('.lead-form details', (ds) => ds.map((d) => ({ id: d.id, open: (d as HTMLDetailsElement).open })));
    expect(folds.map((d) => d.id)).toEqual(['section-contact', 'section-company', 'section-qualify', 'section-details', 'section-timeline', 'section-stakeholders']);
    expect(folds.every((d) => !d.open)).toBe(true);
    await popup.waitForSelector('#section-company [name="address1_city"]');
    await popup.click('#section-company > summary');
    expect(await popup.$eval('#section-company [name="address1_city"]', (el) => (el as HTMLElement).offsetHeight > 0)).toBe(true);
    // Esc in an open section folds it again.
    await popup.focus('#section-company [name="address1_city"]');
    await popup.keyboard.press('Escape');
    expect(await popup.$eval('#section-company', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    await popup.close();
    await page.close();
  });

  it('proposes a Topic a rep would write, never the name again; the pattern is a setting', async () => {
    const { page, popup } = await openOn('/b', 'Berg');
    expect(await valueOf(popup, 'subject')).toBe('Fjord Trucking – Nordic Freight Summit');
    await popup.close();

    const options = await ext.openOptions('#/capture');
    await options.waitForSelector('input[name="topicPattern"]');
    await options.$eval('input[name="topicPattern"]', (el) => ((el as HTMLInputElement).value = ''));
    await options.type('input[name="topicPattern"]', '{page}: {company}');
    await options.click('[data-action="save-topic-pattern"]');
    await options.waitForSelector('.capture-settings [role="status"]');
    await options.close();

    const again = await openOn('/c', 'Lis');
    expect(await valueOf(again.popup, 'subject')).toBe('Nordic Freight Summit: Lis Transport');
    await again.popup.close();
    await again.page.close();
    await page.close();
  });

  it('Ctrl+Enter saves and closes; a refused save puts focus on the first invalid field, opening its section', async () => {
    const { page, popup } = await openOn('/d', 'Dahl');
    // An invalid value in a folded field: Save is refused and the field is shown, focused.
    await popup.waitForSelector('[name="numberofemployees"]');
    await popup.click('#section-company > summary');
    await popup.type('[name="numberofemployees"]', '-5');
    await popup.click('#section-company > summary');
    expect(await popup.$eval('#section-company', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    await popup.focus('[name="lastname"]');
    await popup.keyboard.down('Control');
    await popup.keyboard.press('Enter');
    await popup.keyboard.up('Control');
    await popup.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'numberofemployees', { timeout: 10_000 });
    expect(await popup.$eval('#section-company', (d) => (d as HTMLDetailsElement).open)).toBe(true);

    // Fixed, Ctrl+Enter saves the lead and closes the popup.
    await popup.$eval('[name="numberofemployees"]', (el) => ((el as HTMLInputElement).value = ''));
    await popup.type('[name="numberofemployees"]', '250');
    const closed = new Promise<void>((resolve) => popup.once('close', () => resolve()));
    await popup.keyboard.down('Control');
    // The popup closes on the key press: the key's release may find it gone.
    await popup.keyboard.press('Enter').catch(() => {});
    await closed;
    const { leads } = await message<{ leads: { lastname: string; numberofemployees?: number }[] }>(ext, 'leads/list');
    expect(leads.find((l) => l.lastname === 'Dahl')).toMatchObject({ numberofemployees: 250 });
    await page.close();
  });

  it('shows the last ten captures with their sync state, and links to the Leads and Sync pages', async () => {
    const popup = await ext.openPopup();
    await popup.waitForSelector('[data-testid="recent-captures"] li');
    const rows = await popup.$$eval('[data-testid="recent-captures"] li', (lis) => lis.map((li) => ({ text: li.textContent ?? '', state: li.getAttribute('data-sync-state') })));
    // Newest first: the lead saved with Ctrl+Enter above.
    expect(rows[0]!.text).toContain('Olaf Dahl');
    expect(rows[0]!.state).toMatch(/^(ready|syncing|synced|failed|needs_attention)$/);
    expect(rows.length).toBeLessThanOrEqual(10);
    // Eleven saved leads: still ten rows.
    for (let i = 0; i < 11; i++) await message(ext, 'leads/save', { lead: { subject: 'Walk-in', lastname: `Recent${i}` } });
    await popup.reload();
    await popup.waitForFunction(() => document.querySelector('[data-testid="recent-captures"] li')?.textContent?.includes('Recent10'));
    expect(await popup.$$eval('[data-testid="recent-captures"] li', (lis) => lis.length)).toBe(10);
    const opened = ext.browser.waitForTarget((t) => t.url().endsWith('/options.html#/sync'));
    await popup.click('[data-testid="link-sync"]');
    await (await (await opened).page())?.close();
    expect(await popup.$eval('[data-testid="link-leads"]', (a) => (a as HTMLAnchorElement).href)).toBe(ext.pageUrl('options.html#/leads'));
    await popup.close();
  });
});
