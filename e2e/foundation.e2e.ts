import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadText } from './support/downloads';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { clickSave, fill, valueOf, waitForMessage } from './support/lead-form';
import { message } from './support/messages';

describe('foundation: popup form, store, options page', () => {
  let ext: ExtensionHarness;
  beforeAll(async () => { ext = await launchExtension(); });
  afterAll(async () => { await ext?.close(); });

  it('refuses a lead without Topic or Last Name, with a message next to each field', async () => {
    const popup = await ext.openPopup();
    await fill(popup, { firstname: 'Anna' });
    await clickSave(popup);
    await popup.waitForSelector('[data-error-for="subject"]');
    expect(await popup.$eval('[data-error-for="subject"]', (e) => e.textContent)).toMatch(/value/i);
    expect(await popup.$('[data-error-for="lastname"]')).not.toBeNull();
    expect(await popup.$eval('[name="subject"]', (e) => e.getAttribute('aria-invalid'))).toBe('true');
    // Company is only a warning, never an error.
    expect(await popup.$('[data-warning="companyname"]')).not.toBeNull();
    expect(await popup.$('[data-error-for="companyname"]')).toBeNull();
    const { leads } = await listLeads();
    expect(leads).toHaveLength(0);
    await popup.click('[data-action="clear"]');
    await popup.close();
  });

  it('saves a lead from the popup, lists it on the options page and exports it as CSV', async () => {
    const popup = await ext.openPopup();
    await fill(popup, {
      subject: 'Wdrożenie CRM', firstname: 'Zofia', lastname: 'Wiśniewska', companyname: 'Kowalski i Synowie',
      emailaddress1: 'zofia@kowalski.pl', telephone1: '+48 22 123 45 67', leadsourcecode: '7', address1_city: 'Łódź',
    });
    // Enter in a field neither submits nor loses anything.
    await popup.focus('[name="jobtitle"]');
    await popup.keyboard.type('Dyrektor');
    await popup.keyboard.press('Enter');
    expect(await valueOf(popup, 'jobtitle')).toBe('Dyrektor');
    expect(await popup.$('[data-testid="form-message"]')).toBeNull();
    await clickSave(popup);
    expect(await waitForMessage(popup, /saved/i)).toMatch(/saved/i);
    await popup.close();

    const options = await ext.openOptions();
    await options.waitForSelector('tr[data-lead-id]');
    const row = await options.$eval('tr[data-lead-id]', (tr) => tr.textContent ?? '');
    expect(row).toContain('Zofia Wiśniewska');
    expect(row).toContain('Kowalski i Synowie');

    const csv = await downloadText(options, () => options.click('[data-action="export-csv"]'));
    const [header, row1] = csv.replace(/^\uFEFF/, '').split('\r\n');
    // Cells are quoted only where CSV needs it (lib/export/csv.ts).
    expect(header.startsWith('Topic,Salutation,First Name,Middle Name,Last Name,Job Title,Company Name,Email')).toBe(true);
    expect(row1.split(',')).toEqual(expect.arrayContaining(['Wdrożenie CRM', 'Łódź', 'Trade Show']));
    await options.close();
  });

  it('opens a lead from the list in the same form, edits it, and deletes it with undo', async () => {
    const options = await ext.openOptions();
    await options.waitForSelector('tr[data-lead-id] a');
    await options.click('tr[data-lead-id] a');
    await options.waitForSelector('.lead-form [name="subject"]');
    expect(await valueOf(options, 'lastname')).toBe('Wiśniewska');
    await fill(options, { jobtitle: 'Prezes' });
    await clickSave(options, true);
    await options.waitForSelector('tr[data-lead-id]');
    await options.click('tr[data-lead-id] [data-action="delete"]');
    await options.waitForSelector('[data-testid="undo-toast"]');
    // The list reloads after the delete: wait for the row to go rather than racing the reload.
    await options.waitForFunction(() => !document.querySelector('tr[data-lead-id]'));
    await options.click('[data-action="undo"]');
    await options.waitForSelector('tr[data-lead-id]');
    const { leads } = await listLeads();
    expect(leads).toHaveLength(1);
    expect(leads[0].jobtitle).toBe('Prezes');
    await options.close();
  });

  it('keeps an unsaved draft when the popup is closed', async () => {
    let popup = await ext.openPopup();
    await fill(popup, { subject: 'Draft topic', lastname: 'Nowak' });
    // The draft is kept in storage.session as the rep types: close only once it is there.
    await popup.waitForFunction(async () => ((s) => s.includes('Draft topic') && s.includes('Nowak'))(JSON.stringify(await chrome.storage.session.get(null))), { polling: 50, timeout: 15_000 });
    await popup.close();
    popup = await ext.openPopup();
    await popup.waitForSelector('.lead-form [name="subject"]');
    expect(await valueOf(popup, 'subject')).toBe('Draft topic');
    expect(await valueOf(popup, 'lastname')).toBe('Nowak');
    await popup.click('[data-action="clear"]');
    await popup.close();
  });

  it('keeps a lead saved just before the service worker is stopped', async () => {
    const popup = await ext.openPopup();
    await fill(popup, { subject: 'Before stop', lastname: 'Zieliński' });
    await clickSave(popup);
    await waitForMessage(popup);
    await popup.close();
    await ext.stopServiceWorker();
    // A message wakes the stopped worker; the lead must come back from IndexedDB.
    const { leads } = await listLeads();
    expect(leads.map((l: { lastname: string }) => l.lastname)).toContain('Zieliński');
  });

  async function listLeads() {
    return message<{ leads: { lastname: string; jobtitle?: string }[] }>(ext, 'leads/list');
  }
});

describe('foundation: Polish UI', () => {
  it('shows the form in Polish when the browser language is pl', async () => {
    const ext = await launchExtension({ lang: 'pl' });
    try {
      const popup = await ext.openPopup();
      await popup.waitForSelector('label[for="f-subject"]');
      expect(await popup.$eval('label[for="f-subject"]', (e) => e.textContent)).toContain('Temat');
      expect(await popup.$eval('label[for="f-lastname"]', (e) => e.textContent)).toContain('Nazwisko');
      expect(await popup.$eval('[data-action="save-close"]', (e) => e.textContent)).toBe('Zapisz i zamknij');
    } finally {
      await ext.close();
    }
  });
});
