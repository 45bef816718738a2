// Issue #8 in Chromium: never-capture refusal, "forget this person", retention by alarm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { dumpEverything, mentionsIn } from './support/extension-data';
import { message } from './support/messages';
import { clickSave, fill, waitForMessage } from './support/lead-form';
import { startServer, type TestServer } from './support/server';

const teamPage = '<!doctype html><html lang="pl"><head><title>Nasz zespół</title></head><body><h1>Zespół</h1><p>Anna Nowak, dyrektor sprzedaży, anna.nowak@intranet.example</p></body></html>';

interface Lead { id: string; lastname: string; sync: { state: string; syncedAt?: string }; provenance: Record<string, unknown> }

describe('privacy: never-capture, forget, retention (en)', () => {
  let ext: ExtensionHarness;
  let server: TestServer;
  beforeAll(async () => {
    ext = await launchExtension();
    server = await startServer({ '/team': teamPage });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('refuses a lead captured on a never-capture domain with a clear message, and stores nothing', async () => {
    // The rep lists the domain on the Privacy page.
    const options = await ext.openOptions('#/privacy');
    await options.waitForSelector('[name="neverDomains"]');
    await options.type('[name="neverDomains"]', 'https://localhost/');
    await options.click('[data-action="save-privacy"]');
    await options.waitForSelector('[data-testid="privacy-status"]');
    expect(await options.$eval('[data-testid="privacy-status"]', (e) => e.textContent)).toBe('Privacy settings saved.');
    const data = await message<{ settings: { neverDomains: string[] } }>(ext, 'privacy/settings/get');
    expect(data.settings.neverDomains).toEqual(['localhost']);
    await options.close();

    const page = await ext.browser.newPage();
    await page.goto(server.url('/team').replace('127.0.0.1', 'localhost'));
    const popup = await ext.openPopup(await ext.tabIdOf(page));
    // The page is not read at all: the extractor never runs, so nothing of Anna's is prefilled.
    await popup.waitForSelector('[data-testid="capture-notice"]');
    expect(await popup.$eval('[data-testid="capture-notice"]', (e) => e.textContent)).toContain('localhost is on your never-capture list');
    expect(await popup.$eval('.lead-form [name="emailaddress1"]', (e) => (e as HTMLInputElement).value)).toBe('');
    await fill(popup, { subject: 'Zespół', lastname: 'Nowak' });
    // The form says so before the rep presses Save…
    await popup.waitForSelector('[data-testid="privacy-notice"]');
    expect(await popup.$eval('[data-testid="privacy-notice"]', (e) => e.textContent)).toContain('localhost is on your never-capture list');
    // …and the background refuses the save.
    await clickSave(popup);
    const text = await waitForMessage(popup);
    expect(text).toBe('Not saved: localhost is on your never-capture list, so LeadClip keeps no leads from it. If that is wrong, change it in Options → Privacy.');
    expect(await popup.$eval('[data-testid="form-message"]', (e) => e.className)).toContain('error');
    expect((await message<{ leads: unknown[] }>(ext, 'leads/list')).leads).toHaveLength(0);

    // The same page once the domain is off the list: saved, with why and where recorded.
    await message(ext, 'privacy/settings/set', { patch: { neverDomains: [], repIdentity: 'jan@firma.example' } });
    await clickSave(popup);
    expect(await waitForMessage(popup)).toMatch(/saved/i);
    const leads = (await message<{ leads: Lead[] }>(ext, 'leads/list')).leads;
    expect(leads).toHaveLength(1);
    expect(leads[0].provenance).toMatchObject({ origin: 'page', lawfulBasis: 'legitimate_interest', capturedBy: 'jan@firma.example' });
    expect(String(leads[0].provenance.sourceUrl)).toMatch(/^http:\/\/localhost:\d+\/team$/);
    await popup.close();
    await page.close();
    await message(ext, 'privacy/forget', { id: leads[0].id });
  });

  it('asks before keeping a free-mail sender and keeps it once the rep confirms', async () => {
    const page = await ext.browser.newPage();
    await page.goto(server.url('/team'));
    const popup = await ext.openPopup(await ext.tabIdOf(page));
    await fill(popup, { subject: 'Prywatny', lastname: 'Kowalska', emailaddress1: 'ewa.kowalska@gmail.com' });
    await clickSave(popup);
    await popup.waitForSelector('[data-testid="confirm-free-mail"]');
    expect(await popup.$eval('[data-testid="confirm-free-mail"]', (e) => e.textContent)).toContain('ewa.kowalska@gmail.com is a private (free-mail) address');
    expect((await message<{ leads: unknown[] }>(ext, 'leads/list')).leads).toHaveLength(0);
    await popup.click('[data-action="confirm-free-mail"]');
    await popup.waitForFunction(() => /saved/i.test(document.querySelector('[data-testid="form-message"]')?.textContent ?? ''));
    const leads = (await message<{ leads: Lead[] }>(ext, 'leads/list')).leads;
    expect(leads.map((l) => l.lastname)).toEqual(['Kowalska']);
    await popup.close();
    await page.close();
    await message(ext, 'privacy/forget', { id: leads[0].id });
  });

  it('"forget this person" leaves no trace in any IndexedDB store or storage area', async () => {
    const data = await message<{ lead: Lead }>(ext, 'leads/save', {
      lead: {
        subject: 'Targi', firstname: 'Zofia', lastname: 'Wiśniewska', emailaddress1: 'zofia.w@klient.example', companyname: 'Klient SA',
        donotphone: true,
        timeline: [{ kind: 'note', id: crypto.randomUUID(), createdAt: new Date().toISOString(), notetext: 'Chce demo w grudniu' }],
        stakeholders: [{ id: crypto.randomUUID(), fullname: 'Piotr Zieliński', role: 'Champion' }],
      },
    });
    const id = data.lead.id;
    const keep = (await message<{ lead: Lead }>(ext, 'leads/save', { lead: { subject: 'Inny', lastname: 'Kowalski', emailaddress1: 'k@inny.example' } })).lead;
    // An unsaved draft that mentions her, as the popup keeps one per page.
    const popup = await ext.openPopup();
    await popup.evaluate(() => chrome.storage.session.set({ 'draft:url:https://klient.example/kontakt': { values: { emailaddress1: 'Zofia.W@klient.example' }, edited: [] } }));
    await popup.close();
    // Sync keeps the CRM's version of a lead when the CRM changed it meanwhile (a 412): put one
    // there as sync does, so erasure is checked on sync's database too.
    const page = await ext.openOptions('#/leads');
    await page.evaluate((leadId) => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('leadclip-sync');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('conflicts', 'readwrite');
        tx.objectStore('conflicts').put({ id: leadId, crm: { lastname: 'Wiśniewska', emailaddress1: 'zofia.w@klient.example' }, crmEtag: 'W/"1"', detectedAt: new Date().toISOString() });
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), id);
    await page.close();
    const needles = [id, 'Wiśniewska', 'zofia.w@klient.example', 'Chce demo', 'Piotr Zieliński'];
    const before = mentionsIn(await dumpEverything(ext), needles);
    // The real save path left traces in every store that holds lead data (the lead with its queue
    // job and duplicate keys, the audit trail, and sync's conflicts). Sync's kv (org metadata cache) and attempts hold no person.
    // The import journal holds leads only while a committed import is applied, and forget waits
    // for that (lib/privacy/handlers.ts); it is still checked for traces after the erasure.
    const stores = Object.keys((await dumpEverything(ext)).stores).filter((s) => !/^leadclip-sync\/(kv|attempts)$|^importJournal$/.test(s));
    expect(stores.length).toBeGreaterThan(2);
    for (const store of stores) expect(before.some((t) => t.startsWith(`idb:${store}:`)), `${store} has a trace before`).toBe(true);
    expect(before.some((t) => t.startsWith('session:draft:'))).toBe(true);

    // Do-not-contact shows in the list of leads and in the Privacy page's list of a person's leads.
    const list = await ext.openOptions('#/leads');
    await list.waitForSelector(`tr[data-lead-id="${id}"] [data-testid="dnc-badge"]`);
    expect(await list.$(`tr[data-lead-id="${keep.id}"] [data-testid="dnc-badge"]`)).toBeNull();
    await list.goto(ext.pageUrl('options.html#/privacy'));
    await list.waitForSelector('[name="personEmail"]');
    expect(await list.$eval('[data-testid="forget-residue"]', (p) => p.textContent)).toContain('may still hold earlier copies inside its own database files until it compacts them');
    await list.type('[name="personEmail"]', 'ZOFIA.W@klient.example');
    await list.click('[data-action="find-person"]');
    await list.waitForSelector(`[data-testid="person-requests"] [data-lead-id="${id}"] [data-testid="dnc-badge"]`);
    await list.close();

    // The rep opens the lead, sees do-not-contact, and forgets the person.
    const options = await ext.openOptions(`#/lead/${id}`);
    await options.waitForSelector('[data-testid="dnc-banner"]');
    const asked: string[] = [];
    options.on('dialog', (d) => void (asked.push(d.message()), d.accept()));
    await options.click('[data-action="forget-person"]');
    await options.waitForFunction(() => location.hash === '#/leads');
    await options.close();
    // The rep is told, before forgetting, that the browser's own files may keep older copies
    // until it compacts them, and that removing LeadClip deletes them (e2e/forget-residue.e2e.ts).
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('until it compacts them; removing LeadClip deletes those files');

    const dump = await dumpEverything(ext);
    const traces = mentionsIn(dump, needles);
    // Only the erasure record may mention the id, and only in an audit store.
    const allowed = traces.filter((t) => t.startsWith('idb:audit:') && t.includes('"erased"'));
    expect(traces.filter((t) => !allowed.includes(t))).toEqual([]);
    expect(allowed.length).toBeLessThanOrEqual(1);
    for (const t of allowed) expect(t).not.toMatch(/Wiśniewska|zofia|Chce demo|Piotr/i);
    expect(mentionsIn(dump, [keep.id, 'Kowalski']).length).toBeGreaterThan(0);
    expect(Object.keys(dump.stores)).toContain('leads');
    await message(ext, 'privacy/forget', { id: keep.id });
  });

  it('removes leads synced longer ago than the retention window when the alarm runs', async () => {
    await message(ext, 'privacy/settings/set', { patch: { retentionDays: 30 } });
    const day = 86_400_000;
    const make = async (lastname: string, state: string, syncedDaysAgo?: number) => {
      const data = await message<{ lead: Lead & Record<string, unknown> }>(ext, 'leads/save', { lead: { subject: 'Retencja', lastname } });
      const sync = { state, ...(syncedDaysAgo === undefined ? {} : { syncedAt: new Date(Date.now() - syncedDaysAgo * day).toISOString() }) };
      await message(ext, 'leads/restore', { lead: { ...data.lead, sync } });
      return data.lead.id;
    };
    const old = await make('Stary', 'synced', 31);
    await make('Świeży', 'synced', 29);
    await make('Niezsynchronizowany', 'ready');
    await make('Zmieniony', 'ready', 90);

    const worker = await ext.worker();
    const alarm = await worker.evaluate(() => chrome.alarms.get('leadclip-privacy-retention'));
    expect(alarm?.periodInMinutes).toBeGreaterThan(0);
    // Fire the real alarm now rather than in an hour; the job's listener does the rest.
    await worker.evaluate(() => chrome.alarms.create('leadclip-privacy-retention', { when: Date.now() + 50, periodInMinutes: 60 }));
    let names: string[] = [];
    for (let i = 0; i < 100; i++) {
      names = (await message<{ leads: Lead[] }>(ext, 'leads/list')).leads.map((l) => l.lastname);
      if (!names.includes('Stary')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(names.sort()).toEqual(['Niezsynchronizowany', 'Zmieniony', 'Świeży'].sort());
    expect(mentionsIn(await dumpEverything(ext), [old])).toEqual([]);
  });
});

describe('privacy: the refusal in Polish', () => {
  it('tells a Polish rep in Polish', async () => {
    const ext = await launchExtension({ lang: 'pl' });
    const server = await startServer({ '/team': teamPage });
    try {
      await message(ext, 'privacy/settings/set', { patch: { repIdentity: 'jan@intranet.example' } });
      const page = await ext.browser.newPage();
      await page.goto(server.url('/team'));
      const popup = await ext.openPopup(await ext.tabIdOf(page));
      await fill(popup, { subject: 'Zespół', lastname: 'Nowak', emailaddress1: 'anna.nowak@intranet.example' });
      await popup.waitForSelector('[data-testid="privacy-notice"]');
      await clickSave(popup);
      expect(await waitForMessage(popup)).toBe('Nie zapisano: anna.nowak@intranet.example należy do Twojej firmy, a współpracownicy nigdy nie są potencjalnymi klientami. Jeśli to pomyłka, zmień domenę firmy w Opcjach → Prywatność.');
      expect(await popup.$eval('[data-testid="privacy-notice"]', (e) => e.textContent)).toContain('należy do Twojej firmy');
      expect(await popup.$eval('label[for="f-lawfulbasis"]', (e) => e.textContent)).toBe('Podstawa prawna');
      expect((await message<{ leads: unknown[] }>(ext, 'leads/list')).leads).toHaveLength(0);
    } finally {
      await ext.close();
      await server.close();
    }
  });
});
