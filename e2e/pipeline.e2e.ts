// Issue #4 in the popup: duplicates before saving (open / merge / save anyway) and Qualify with
// an existing account that keeps the rep's own company name.
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { clickSave, fill, valueOf, waitForMessage } from './support/lead-form';
import { message } from './support/messages';

interface StoredLead { id: string; lastname: string; jobtitle?: string; telephone1?: string; companyname?: string; address1_city?: string; address1_line1?: string; statecode: number; statuscode: number; stakeholders: { fullname: string; role: string }[] }

describe('pipeline in the popup', () => {
  let ext: ExtensionHarness;
  beforeAll(async () => { ext = await launchExtension(); });
  afterAll(async () => { await ext?.close(); });

  const leads = async () => (await message<{ leads: StoredLead[] }>(ext, 'leads/list')).leads;

  async function freshPopup(): Promise<Page> {
    const popup = await ext.openPopup();
    await popup.waitForSelector('[data-action="clear"]');
    await popup.click('[data-action="clear"]');
    return popup;
  }

  const newLead = { subject: 'Webinar', lastname: 'Nowak', emailaddress1: 'JAN@acme.pl', jobtitle: 'CEO', telephone1: '22 123 45 67' };

  async function hitDuplicate(): Promise<Page> {
    const popup = await freshPopup();
    await fill(popup, newLead);
    await clickSave(popup);
    await popup.waitForSelector('[data-testid="duplicates"]');
    return popup;
  }

  it('shows a stored lead with the same email and the fields that matched', async () => {
    await message(ext, 'leads/submit', { lead: { subject: 'Targi', firstname: 'Jan', lastname: 'Kowalski', companyname: 'Acme', emailaddress1: 'jan@acme.pl', jobtitle: 'CTO' } });
    const popup = await hitDuplicate();
    const [stored] = await leads();
    const card = await popup.$(`[data-duplicate-id="${stored.id}"]`);
    expect(card).not.toBeNull();
    const matched = await popup.$$eval('[data-matched-field]', (els) => els.map((e) => [e.getAttribute('data-matched-field'), e.textContent]));
    expect(matched).toEqual([['emailaddress1', 'Email: jan@acme.pl']]);
    expect(await card!.evaluate((e) => e.textContent)).toContain('same email');
    expect(await leads()).toHaveLength(1); // nothing saved while the rep decides
    await popup.close();
  });

  it('"Open existing lead" loads the stored lead and saves nothing new', async () => {
    const popup = await hitDuplicate();
    await popup.click('[data-action="dup-open"]');
    await popup.waitForFunction(() => document.querySelector<HTMLInputElement>('.lead-form [name="lastname"]')?.value === 'Kowalski');
    expect(await valueOf(popup, 'jobtitle')).toBe('CTO');
    expect(await popup.$('[data-testid="duplicates"]')).toBeNull();
    expect(await leads()).toHaveLength(1);
    await popup.close();
  });

  it('"Merge" takes the fields the rep picks and keeps the rest', async () => {
    const popup = await hitDuplicate();
    await popup.click('[data-action="dup-merge"]');
    await popup.waitForSelector('[data-testid="merge"]');
    const rows = await popup.$$eval('[data-merge-field]', (els) => els.map((e) => e.getAttribute('data-merge-field')));
    expect(rows).toEqual(expect.arrayContaining(['subject', 'lastname', 'jobtitle', 'telephone1']));
    expect(rows).not.toContain('emailaddress1'); // the same address, written differently
    await popup.click('input[name="merge-jobtitle"][value="new"]'); // take CEO
    // lastname keeps the stored value by default; telephone1 (empty there) takes the new one.
    await popup.click('[data-action="dup-merge-confirm"]');
    expect(await waitForMessage(popup, /merged/i)).toMatch(/merged/i);
    const all = await leads();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ lastname: 'Kowalski', jobtitle: 'CEO', telephone1: '+48 22 123 45 67' });
    const { entries } = await message<{ entries: { kind: string; details: { taken: string[] } }[] }>(ext, 'leads/audit', { id: all[0].id });
    expect(entries.find((e) => e.kind === 'merged')!.details.taken.sort()).toEqual(['jobtitle', 'telephone1']);
    await popup.close();
  });

  it('"Save anyway" saves the new lead beside the stored one', async () => {
    const popup = await hitDuplicate();
    await popup.click('[data-action="dup-save-anyway"]');
    expect(await waitForMessage(popup, /saved/i)).toMatch(/saved/i);
    const all = await leads();
    expect(all.map((l) => l.lastname).sort()).toEqual(['Kowalski', 'Nowak']);
    await popup.close();
  });

  it('qualifying with an existing account keeps the rep\u2019s company name and links the decision maker', async () => {
    await message(ext, 'leads/submit', { lead: { subject: 'Kontrakt', firstname: 'Ewa', lastname: 'Mazur', companyname: 'Budimex SA', emailaddress1: 'ewa@budimex.pl', address1_line1: 'ul. Siedmiogrodzka 9', address1_city: 'Warszawa', address1_postalcode: '01-204' } });
    const popup = await freshPopup();
    await fill(popup, { subject: 'Budowa hali', lastname: 'Lis', firstname: 'Adam', companyname: 'Budimex Polska', address1_city: 'Kraków', budgetstatus: '3', need: '0' });
    expect(await popup.$eval('[data-testid="score-suggestion"]', (e) => e.textContent)).toMatch(/Warm|Hot|Cold/);
    await clickSave(popup);
    await waitForMessage(popup);
    await popup.waitForSelector('[data-action="qualify-open"]');
    await popup.click('[data-action="qualify-open"]');
    await popup.click('[data-qualify="account"] input[value="existing"]');
    await popup.type('input[name="q-account-search"]', 'budimex');
    await popup.waitForFunction(() => [...document.querySelectorAll('[data-candidate="account"]')].map((e) => e.textContent).join('|') === 'Budimex SA');
    await popup.click('[data-candidate="account"]');
    await popup.click('[data-qualify="contact"] input[value="existing"]');
    await popup.type('input[name="q-contact-search"]', 'mazur');
    await popup.waitForFunction(() => [...document.querySelectorAll('[data-candidate="contact"]')].map((e) => e.textContent).join('|') === 'Ewa Mazur');
    await popup.click('[data-candidate="contact"]');
    await popup.click('input[name="q-decision-maker"]');
    await popup.click('[data-action="qualify-confirm"]');
    await popup.waitForFunction(() => /Qualified/.test(document.querySelector('[data-testid="lead-status"]')?.textContent ?? ''));
    expect(await valueOf(popup, 'companyname')).toBe('Budimex Polska');
    expect(await valueOf(popup, 'address1_city')).toBe('Kraków');
    expect(await valueOf(popup, 'address1_line1')).toBe('ul. Siedmiogrodzka 9');
    const lis = (await leads()).find((l) => l.lastname === 'Lis')!;
    expect(lis).toMatchObject({ companyname: 'Budimex Polska', address1_city: 'Kraków', address1_line1: 'ul. Siedmiogrodzka 9', statecode: 1, statuscode: 3 });
    expect(lis.stakeholders).toEqual([expect.objectContaining({ fullname: 'Ewa Mazur', role: 'Stakeholder' })]);
    await popup.close();
  });

  it('the options page shows the lead\u2019s audit trail and the badge counts waiting leads', async () => {
    const lis = (await leads()).find((l) => l.lastname === 'Lis')!;
    const options = await ext.openOptions(`#/lead/${lis.id}`);
    await options.waitForSelector('[data-audit-kind="qualified"]');
    const kinds = await options.$$eval('[data-audit-kind]', (els) => els.map((e) => e.getAttribute('data-audit-kind')));
    expect(kinds.slice(0, 2)).toEqual(['captured', 'queued']);
    expect(kinds).toContain('qualified');
    // No sync engine in this build without a test endpoint: every lead waits.
    const badge = await options.evaluate(() => chrome.action.getBadgeText({}));
    expect(badge).toBe(String((await leads()).length));
    await options.close();
  });

  it('reads phone numbers without a +prefix in the country the rep chose', async () => {
    const options = await ext.openOptions('#/settings');
    await options.waitForSelector('select[name="defaultCountry"]');
    expect(await options.$eval('select[name="defaultCountry"]', (e) => (e as HTMLSelectElement).value)).toBe('PL');
    await options.select('select[name="defaultCountry"]', 'DE');
    await options.waitForFunction(() => /Germany/.test(document.querySelector('[data-testid="country-setting"] [role="status"]')?.textContent ?? ''));
    await options.close();
    const { lead } = await message<{ lead: { phoneE164?: Record<string, string> } }>(ext, 'leads/save', { lead: { subject: 'Messe', lastname: 'Müller', telephone1: '030 1234567' } });
    expect(lead.phoneE164).toEqual(expect.objectContaining({ telephone1: '+49301234567' }));
    await message(ext, 'settings/country-set', { country: 'PL' });
  });
});

describe('pipeline screens in Polish', () => {
  it('shows duplicates, score and qualify in Polish', async () => {
    const ext = await launchExtension({ lang: 'pl' });
    try {
      await message(ext, 'leads/submit', { lead: { subject: 'Targi', lastname: 'Kowalski', emailaddress1: 'jan@acme.pl' } });
      const popup = await ext.openPopup();
      await fill(popup, { subject: 'Webinar', lastname: 'Nowak', emailaddress1: 'jan@acme.pl' });
      expect(await popup.$eval('[data-testid="score-total"]', (e) => e.textContent)).toMatch(/^Wynik \d+\/100$/);
      await clickSave(popup);
      await popup.waitForSelector('[data-testid="duplicates"]');
      expect(await popup.$eval('[data-testid="duplicates"] h2', (e) => e.textContent)).toBe('Możliwe duplikaty: 1');
      expect(await popup.$eval('[data-action="dup-save-anyway"]', (e) => e.textContent)).toBe('Zapisz mimo to');
      await popup.click('[data-action="dup-save-anyway"]');
      await popup.waitForSelector('[data-action="qualify-open"]');
      expect(await popup.$eval('[data-action="qualify-open"]', (e) => e.textContent)).toBe('Kwalifikuj');
      const options = await ext.openOptions('#/scoring');
      await options.waitForSelector('[data-testid="scoring-editor"] h2');
      expect(await options.$eval('[data-testid="scoring-editor"] h2', (e) => e.textContent)).toBe('Reguły oceny potencjalnych klientów');
    } finally {
      await ext.close();
    }
  });
});
