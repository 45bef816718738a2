// Issue #13, everyone on the page: the popup lists every person found, marks the ones known,
// and saves the ticked ones in one action through the pipeline, saying what was skipped and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { startServer, type TestServer } from './support/server';
import { message } from './support/messages';

const FIRST = ['Anna', 'Bartosz', 'Celina', 'Dawid', 'Edyta', 'Filip', 'Grażyna', 'Henryk', 'Irena', 'Jakub', 'Kinga', 'Leon'];
const LAST = ['Adamska', 'Borowski', 'Cieślak', 'Dudek', 'Ewert', 'Fijałkowski', 'Gajda', 'Hebda', 'Iwańska', 'Jasiński', 'Kubiak', 'Lewandowski'];
const people = (tag: string) => FIRST.map((f, i) => ({ first: f, last: LAST[i]!, email: `${f.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${tag}@firma${i}.example`, title: i % 2 ? 'Sales Director' : 'Head of Procurement', company: `Firma ${tag.toUpperCase()} ${i}` }));

const head = (title: string) => `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>${title}</title></head><body>`;
const plainCards = (tag: string) => `${head('Prelegenci | Kongres Logistyki 2026')}<h1>Prelegenci</h1>
${people(tag).map((p) => `<div class="card"><h3>${p.first} ${p.last}</h3><p>${p.title}, ${p.company}</p><a href="mailto:${p.email}">${p.email}</a></div>`).join('\n')}
</body></html>`;
const microdata = (tag: string) => `${head('Speakers | Logistics Congress 2026')}<h1>Speakers</h1>
${people(tag).map((p) => `<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">${p.first} ${p.last}</span>
<span itemprop="jobTitle">${p.title}</span><span itemprop="worksFor" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">${p.company}</span></span>
<a itemprop="email" href="mailto:${p.email}">${p.email}</a></div>`).join('\n')}
</body></html>`;
const withFreeMail = `${head('Team | Nordwind')}<h1>Team</h1>
<div class="card"><h3>Jan Nowak</h3><p>CEO, Nordwind</p><a href="mailto:jan.nowak@nordwind.example">jan.nowak@nordwind.example</a></div>
<div class="card"><h3>Ewa Kowalska</h3><p>Consultant, Nordwind</p><a href="mailto:ewa.kowalska@gmail.com">ewa.kowalska@gmail.com</a></div>
</body></html>`;
const cardsSelection = `Maria Wiśniewska
Dyrektor Zakupów
Tartak Wiśniewski Sp. z o.o.
maria@tartak.example
tel. 601 100 200

Piotr Zieliński
Kierownik Logistyki
Zieliński Transport
piotr@zielinski-transport.example
tel. 602 300 400`;

interface StoredLead { id: string; firstname?: string; lastname: string; emailaddress1?: string; subject: string; provenance: { origin: string; sourceUrl?: string } }

describe('everyone on the page', () => {
  let ext: ExtensionHarness;
  let server: TestServer;
  beforeAll(async () => {
    ext = await launchExtension();
    server = await startServer({ '/plain': plainCards('p'), '/microdata': microdata('m'), '/free-mail': withFreeMail, '/cards': `${head('Cards')}<pre>${cardsSelection}</pre></body></html>` });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const leads = async () => (await message<{ leads: StoredLead[] }>(ext, 'leads/list')).leads;

  async function openPeople(page: Page): Promise<Page> {
    const popup = await ext.openPopup(await ext.tabIdOf(page));
    await popup.waitForSelector('[data-testid="people"] > summary', { timeout: 10_000 });
    await popup.click('[data-testid="people"] > summary');
    await popup.waitForSelector('[data-testid="people-list"] li');
    return popup;
  }

  for (const [path, tag] of [['/plain', 'p'], ['/microdata', 'm']] as const) {
    it(`offers all 12 people of ${path} and saves them in one action`, async () => {
      const page = await ext.browser.newPage();
      await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
      const popup = await openPeople(page);
      const rows = await popup.$$eval('[data-testid="people-list"] li', (lis) => lis.map((li) => li.textContent ?? ''));
      expect(rows).toHaveLength(12);
      for (const p of people(tag)) expect(rows.some((r) => r.includes(`${p.first} ${p.last}`) && r.includes(p.email))).toBe(true);
      // All ticked once the marks are in (none is known yet).
      await popup.waitForFunction(() => [...document.querySelectorAll<HTMLInputElement>('[data-testid="people-list"] li input[type="checkbox"]')].every((c) => c.checked));
      await popup.click('[data-action="save-people"]');
      await popup.waitForSelector('[data-testid="people-summary"]', { timeout: 20_000 });
      expect(await popup.$eval('[data-testid="people-summary"]', (e) => e.textContent)).toBe('Saved 12, skipped 0.');
      const stored = (await leads()).filter((l) => l.emailaddress1?.includes(`.${tag}@`));
      expect(stored).toHaveLength(12);
      expect(stored.every((l) => l.provenance.origin === 'page' && l.provenance.sourceUrl === server.url(path))).toBe(true);
      // The topic is what a rep would write (the company and the page's subject), never the person.
      const anna = stored.find((l) => l.lastname === 'Adamska')!;
      expect(anna.subject).toMatch(/ – /);
      expect(anna.subject).not.toMatch(/Anna|Adamska/);
      await popup.close();

      // Opened again, everyone is marked as saved and nobody is ticked: nothing is saved twice.
      const again = await openPeople(page);
      await again.waitForFunction(() => document.querySelectorAll('[data-testid="people-list"] [data-mark="saved"]').length === 12, { timeout: 10_000 });
      expect(await again.$$eval('[data-testid="people-list"] li input[type="checkbox"]:checked', (cs) => cs.length)).toBe(0);
      await again.close();
      await page.close();
    });
  }

  it('applies the privacy rules per person and says who was skipped and why', async () => {
    const page = await ext.browser.newPage();
    await page.goto(server.url('/free-mail'), { waitUntil: 'domcontentloaded' });
    const popup = await openPeople(page);
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="people-list"] li input:checked').length === 2);
    await popup.click('[data-action="save-people"]');
    await popup.waitForSelector('[data-testid="people-summary"]', { timeout: 20_000 });
    expect(await popup.$eval('[data-testid="people-summary"]', (e) => e.textContent)).toBe('Saved 1, skipped 1.');
    const skipped = await popup.$eval('[data-outcome="skipped"]', (e) => ({ reason: e.getAttribute('data-reason'), text: e.textContent, row: e.closest('li')?.textContent }));
    expect(skipped.reason).toBe('refused');
    expect(skipped.row).toContain('Ewa Kowalska');
    expect(skipped.text).toContain('ewa.kowalska@gmail.com');
    const stored = await leads();
    expect(stored.some((l) => l.lastname === 'Nowak')).toBe(true);
    expect(stored.some((l) => l.lastname === 'Kowalska' && l.emailaddress1 === 'ewa.kowalska@gmail.com')).toBe(false);
    await popup.close();
    await page.close();
  });

  it('saves several business cards from one selection', async () => {
    const page = await ext.browser.newPage();
    await page.goto(server.url('/cards'), { waitUntil: 'domcontentloaded' });
    const tabId = await ext.tabIdOf(page);
    const worker = await ext.worker();
    await worker.evaluate(async (text, id, url) => {
      const hook = (globalThis as unknown as { leadclipTest: { captureSelection: (t: string, tab: object) => Promise<unknown> } }).leadclipTest;
      await hook.captureSelection(text, { id, url, title: 'Cards' });
    }, cardsSelection, tabId, server.url('/cards'));
    const popup = await openPeople(page);
    expect(await popup.$$eval('[data-testid="people-list"] li', (lis) => lis.length)).toBe(2);
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="people-list"] li input:checked').length === 2);
    await popup.click('[data-action="save-people"]');
    await popup.waitForSelector('[data-testid="people-summary"]', { timeout: 20_000 });
    expect(await popup.$eval('[data-testid="people-summary"]', (e) => e.textContent)).toBe('Saved 2, skipped 0.');
    const stored = await leads();
    expect(stored.find((l) => l.lastname === 'Wiśniewska')).toMatchObject({ emailaddress1: 'maria@tartak.example', provenance: { origin: 'selection' } });
    expect(stored.find((l) => l.lastname === 'Zieliński')).toMatchObject({ emailaddress1: 'piotr@zielinski-transport.example' });
    await popup.close();
    await page.close();
  });
});
