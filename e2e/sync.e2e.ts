// Sync to Dynamics 365 end to end: the built extension in Chromium against the Dataverse
// sandbox (tests/sandbox), from the real PKCE sign-in to records in the CRM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { connectThroughOptions, openSyncView, waitForRowState } from './support/sync';
import { startSandbox, type Sandbox } from '../tests/sandbox';

const uuid = () => crypto.randomUUID();
const now = () => new Date().toISOString();

describe('sync to Dynamics 365 (sandbox)', () => {
  let ext: ExtensionHarness;
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
    // The org relabelled a choice: the form must show the org's label.
    sandbox.setApi({ customOptions: { leadsourcecode: { 7: { en: 'Trade fair (org label)', pl: 'Targi (etykieta organizacji)' }, 100000000: { en: 'Webinar', pl: 'Webinarium' } } } });
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('signs in through the real PKCE flow (launchWebAuthFlow) and tests the connection', async () => {
    const page = await connectThroughOptions(ext, sandbox);
    expect(await page.$eval('[data-testid="connection-status"]', (e) => e.textContent)).toMatch(/signed in/i);
    const redeemed = sandbox.oauth.tokenRequests.filter((r) => r.grantType === 'authorization_code');
    expect(redeemed.at(-1)).toMatchObject({ ok: true });
    // The service worker's fetch carries the extension's Origin (Entra needs it for SPA redemption).
    expect(redeemed.at(-1)?.origin).toBe(`chrome-extension://${ext.extensionId}`);
    expect(await page.$eval('[data-testid="redirect-uri"]', (e) => e.textContent)).toBe(`https://${ext.extensionId}.chromiumapp.org/`);
    await page.click('[data-action="test"]');
    await page.waitForFunction(() => /works/i.test(document.querySelector('[data-testid="connection-status"]')?.textContent ?? ''));
    await page.close();
  });

  it('syncs a lead with a note, a phone call, a task and a stakeholder, all linked', async () => {
    const page = await openSyncView(ext);
    const id = uuid();
    const [noteId, callId, taskId, stakeId] = [uuid(), uuid(), uuid(), uuid()];
    await message(page, 'leads/save', {
      lead: {
        id, subject: 'Targi Warsaw Expo', firstname: 'Zofia', lastname: 'Wiśniewska', companyname: 'Kowalski i Synowie',
        emailaddress1: 'zofia@kowalski.example', jobtitle: 'Dyrektor', leadsourcecode: 7,
        timeline: [
          { id: noteId, createdAt: now(), kind: 'note', subject: 'Stoisko', notetext: 'Chce 40 licencji.' },
          { id: callId, createdAt: now(), kind: 'phonecall', subject: 'Rozmowa wstępna', phonenumber: '+48 600 100 200', directioncode: true, actualdurationminutes: 12 },
          { id: taskId, createdAt: now(), kind: 'task', subject: 'Wyślij ofertę', scheduledend: '2026-12-04T09:00:00.000Z' },
        ],
        stakeholders: [{ id: stakeId, fullname: 'Piotr Zieliński', emailaddress1: 'piotr@kowalski.example', jobtitle: 'CFO', role: 'Decision Maker' }],
      },
    });
    await page.click('[data-action="sync-now"]');
    expect(await waitForRowState(page, id, ['synced', 'needs_attention', 'failed'])).toBe('synced');
    expect(await page.$eval(`tr[data-lead-id="${id}"] a`, (a) => (a as HTMLAnchorElement).href)).toContain(`${sandbox.url}/main.aspx?etn=lead&id=${id}`);

    expect(sandbox.record('leads', id)).toMatchObject({ subject: 'Targi Warsaw Expo', fullname: 'Zofia Wiśniewska', companyname: 'Kowalski i Synowie', leadsourcecode: 7, statecode: 0 });
    expect(sandbox.record('annotations', noteId)).toMatchObject({ notetext: 'Chce 40 licencji.', _objectid_value: id });
    const call = sandbox.record('phonecalls', callId)!;
    expect(call).toMatchObject({ subject: 'Rozmowa wstępna', directioncode: true, actualdurationminutes: 12, _regardingobjectid_value: id });
    expect(call.phonecall_activity_parties).toEqual(expect.arrayContaining([expect.objectContaining({ participationtypemask: 1, _partyid_value: sandbox.userId })]));
    expect(sandbox.record('tasks', taskId)).toMatchObject({ subject: 'Wyślij ofertę', scheduledend: '2026-12-04T09:00:00.000Z', _regardingobjectid_value: id });
    const conn = sandbox.record('connections', stakeId)!;
    expect(conn._record1id_value).toBe(id);
    expect(sandbox.record('contacts', conn._record2id_value as string)).toMatchObject({ fullname: 'Piotr Zieliński', emailaddress1: 'piotr@kowalski.example' });
    expect(sandbox.records('connectionroles').find((r) => r.connectionroleid === conn._record2roleid_value)).toMatchObject({ name: 'Decision Maker', category: 1000 });
    await page.close();
  });

  it('a CRM-side duplicate and a validation error land in "needs attention" with a readable message', async () => {
    const page = await openSyncView(ext);
    sandbox.crmInsert('leads', { subject: 'Old', lastname: 'Nowak', emailaddress1: 'ewa@duplikat.example' });
    // This org made Company Name required (as Dynamics' import documentation lists it).
    sandbox.setApi({ requiredColumns: { leads: ['companyname'] } });
    const dup = uuid();
    const invalid = uuid();
    await message(page, 'leads/save', { lead: { id: dup, subject: 'Expo', lastname: 'Nowak', firstname: 'Ewa', companyname: 'Nowak SA', emailaddress1: 'ewa@duplikat.example' } });
    await message(page, 'leads/save', { lead: { id: invalid, subject: 'Expo', lastname: 'Bez Firmy' } });
    await page.click('[data-action="sync-now"]');
    expect(await waitForRowState(page, dup, ['synced', 'needs_attention', 'failed'])).toBe('needs_attention');
    expect(await waitForRowState(page, invalid, ['synced', 'needs_attention', 'failed'])).toBe('needs_attention');
    const err = (id: string) => page.$eval(`tr[data-lead-id="${id}"] [data-testid="sync-error"]`, (e) => e.textContent ?? '');
    expect(await err(dup)).toMatch(/found a duplicate of this lead/);
    // Issue #16: the field as the form names it, never its logical name.
    expect(await err(invalid)).toMatch(/requires the field "Company Name"/);
    expect(await err(invalid)).not.toMatch(/companyname/);
    expect(sandbox.record('leads', dup)).toBeUndefined();
    // Issue #16: the badge turns red, and one notification (not one per lead) tells the rep.
    await page.waitForFunction(async () => 'leadclip-attention' in (await chrome.notifications.getAll()));
    expect(await page.evaluate(() => chrome.action.getBadgeBackgroundColor({}))).toEqual([0xc5, 0x0f, 0x1f, 255]);
    expect(await page.evaluate(() => chrome.action.getTitle({}))).toMatch(/need your attention: 2/);
    sandbox.setApi({ requiredColumns: {} });
    await page.close();
  });

  it('a conflicting CRM edit is shown, not overwritten, until the rep chooses', async () => {
    const page = await openSyncView(ext);
    const id = uuid();
    // A description: LeadClip's lawful-basis line (a note on the lead) is never a conflict (issue #16).
    const base = { id, subject: 'Konferencja', lastname: 'Mazur', firstname: 'Adam', companyname: 'Mazur IT', jobtitle: 'CTO', description: 'Met at the stand.', telephone1: '643 901 730' };
    await message(page, 'leads/save', { lead: base });
    await page.click('[data-action="sync-now"]');
    expect(await waitForRowState(page, id, ['synced', 'needs_attention', 'failed'])).toBe('synced');
    sandbox.crmEdit('leads', id, { jobtitle: 'Chief Technology Officer (CRM)' });
    await message(page, 'leads/save', { lead: { ...base, jobtitle: 'VP Engineering' } });
    await page.click('[data-action="sync-now"]');
    await page.waitForSelector(`[data-testid="conflict"][data-lead-id="${id}"] tr[data-field="jobtitle"]`, { timeout: 30_000 });
    expect(await page.$eval(`[data-testid="conflict"] tr[data-field="jobtitle"] [data-side="mine"]`, (e) => e.textContent)).toBe('VP Engineering');
    expect(await page.$eval(`[data-testid="conflict"] tr[data-field="jobtitle"] [data-side="crm"]`, (e) => e.textContent)).toBe('Chief Technology Officer (CRM)');
    // Only the field both sides changed, by its display name; no logical name anywhere in the view.
    expect(await page.$$eval(`[data-testid="conflict"][data-lead-id="${id}"] tbody tr`, (rows) => rows.map((r) => r.querySelector('th')?.textContent))).toEqual(['Job Title']);
    expect(await page.$eval(`[data-testid="conflict"][data-lead-id="${id}"]`, (e) => e.textContent ?? '')).not.toMatch(/jobtitle|description|telephone1|lastname/);
    // Issue #17: the lawful-basis line goes to a note on the lead (the default), not into the description.
    expect(sandbox.record('leads', id)?.description).toBe('Met at the stand.');
    expect(sandbox.records('annotations').some((n) => String(n.notetext ?? '').includes('Lawful basis') && String(n['_objectid_value'] ?? n['objectid_lead@odata.bind'] ?? '').includes(id))).toBe(true);
    // Issue #16: the phone went to the CRM in the one international form.
    expect(sandbox.record('leads', id)?.telephone1).toBe('+48 643 901 730');
    expect(sandbox.record('leads', id)?.jobtitle).toBe('Chief Technology Officer (CRM)');
    await page.click(`[data-testid="conflict"][data-lead-id="${id}"] [data-action="keep-mine"]`);
    await page.waitForFunction(() => !document.querySelector('[data-testid="conflict"]'));
    await page.click('[data-action="sync-now"]');
    expect(await waitForRowState(page, id, ['synced'])).toBe('synced');
    await expect.poll(() => sandbox.record('leads', id)?.jobtitle).toBe('VP Engineering');
    await page.close();
  });

  it('says "already in the CRM" in the popup, with a link to the record', async () => {
    const popup = await ext.openPopup();
    await popup.waitForSelector('.lead-form [name="emailaddress1"]');
    await popup.type('.lead-form [name="emailaddress1"]', 'yvonne@contoso.example');
    await popup.waitForSelector('[data-testid="already-in-crm"] a', { timeout: 10_000 });
    expect(await popup.$eval('[data-testid="already-in-crm"]', (e) => e.textContent)).toContain('Yvonne McKay');
    // The org's own choice label, from its metadata.
    await popup.waitForFunction(() => [...document.querySelectorAll('select[name="leadsourcecode"] option')].some((o) => o.textContent === 'Trade fair (org label)'), { timeout: 10_000 });
    await popup.click('[data-action="clear"]');
    await popup.close();
  });

  it('offers the org\u2019s own choice value and syncs it', async () => {
    const popup = await ext.openPopup();
    await popup.waitForFunction(() => !!document.querySelector('select[name="leadsourcecode"] option[value="100000000"]'), { timeout: 10_000 });
    const id = uuid();
    await popup.select('select[name="leadsourcecode"]', '100000000');
    const draft = await popup.evaluate(() => (document.querySelector('select[name="leadsourcecode"]') as HTMLSelectElement).value);
    expect(draft).toBe('100000000');
    await popup.close();
    const page = await openSyncView(ext);
    await message(page, 'leads/save', { lead: { id, subject: 'Webinar signup', lastname: 'Wrona', companyname: 'Wrona SA', leadsourcecode: 100000000 } });
    await page.click('[data-action="sync-now"]');
    expect(await waitForRowState(page, id, ['synced', 'needs_attention', 'failed'])).toBe('synced');
    expect(sandbox.record('leads', id)?.leadsourcecode).toBe(100000000);
    await page.close();
  });

  it('the Qualify step finds CRM accounts by name and keeps the picked record', async () => {
    const popup = await ext.openPopup();
    await popup.waitForSelector('select[name="qualify-account-mode"]');
    // Folded below the quick fields (issue #13): opened as one click on its title would.
    await popup.$eval('#section-qualify', (d) => ((d as HTMLDetailsElement).open = true));
    await popup.select('select[name="qualify-account-mode"]', 'existing');
    await popup.type('input[name="qualify-account-name"]', 'adventure');
    await popup.waitForSelector('[data-testid="crm-search-account"] button', { timeout: 10_000 });
    const account = sandbox.records('accounts').find((a) => a.name === 'Adventure Works Cycles')!;
    await popup.click(`[data-crm-id="${account.accountid}"]`);
    expect(await popup.$eval('input[name="qualify-account-name"]', (e) => (e as HTMLInputElement).value)).toBe('Adventure Works Cycles');
    await popup.click('[data-action="clear"]');
    await popup.close();
  });

  it('when the 24 h sign-in expires: one notification, leads wait, sync resumes after signing in; sign-out forgets', async () => {
    const page = await openSyncView(ext);
    sandbox.expireAccessTokens();
    sandbox.expireRefreshTokens();
    const a = uuid();
    const b = uuid();
    await message(page, 'leads/save', { lead: { id: a, subject: 'Po wygaśnięciu', lastname: 'Lis', companyname: 'Lis sp.j.' } });
    await page.click('[data-action="sync-now"]');
    await page.waitForFunction((id) => /sign in/i.test(document.querySelector(`tr[data-lead-id="${id}"] [data-testid="sync-error"]`)?.textContent ?? ''), { timeout: 20_000 }, a);
    await message(page, 'leads/save', { lead: { id: b, subject: 'Druga', lastname: 'Wilk', companyname: 'Wilk SA' } });
    await message(page, 'sync/now');
    const notes = await page.evaluate(() => chrome.notifications.getAll());
    // One for the sign-in, none per lead ('leadclip-attention' is for leads earlier tests left in conflict).
    expect(Object.keys(notes).filter((id) => id !== 'leadclip-attention')).toEqual(['leadclip-sign-in']);
    expect(sandbox.record('leads', a)).toBeUndefined();
    // Sign in again (the options page), and the waiting leads go.
    (await connectThroughOptions(ext, sandbox)).close();
    await message(page, 'sync/now');
    expect(await waitForRowState(page, a, ['synced'])).toBe('synced');
    expect(await waitForRowState(page, b, ['synced'])).toBe('synced');
    expect(sandbox.record('leads', b)).toBeTruthy();
    // Sign-out forgets the tokens (the secrets database is empty afterwards).
    await message(page, 'sync/sign-out');
    const left = await page.evaluate(() => new Promise<number>((resolve) => {
      const req = indexedDB.open('leadclip-secrets');
      req.onsuccess = () => {
        const tx = req.result.transaction('secrets', 'readonly');
        const count = tx.objectStore('secrets').getAllKeys();
        count.onsuccess = () => resolve((count.result as string[]).filter((k) => k === 'tokens').length);
      };
    }));
    expect(left).toBe(0);
    const info = await message<{ signedIn: boolean }>(page, 'sync/connection/get');
    expect(info.signedIn).toBe(false);
    await page.close();
  });
});
