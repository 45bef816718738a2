// Issue #17 end to end: the built extension in Chromium against the Dataverse sandbox. The org's
// own required column is held back then synced once filled; a lead owned by a team; the Qualify
// dialog picks the CRM's existing account and the qualification ends in the CRM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { waitForMessage } from './support/lead-form';
import { connectThroughOptions, openSyncView, waitForRowState } from './support/sync';
import { startSandbox, type Sandbox } from '../tests/sandbox';

const uuid = () => crypto.randomUUID();
const syncError = (page: Page, id: string) => page.$eval(`tr[data-lead-id="${id}"] [data-testid="sync-error"]`, (e) => e.textContent ?? '');

describe("the org's own form, owner and qualify (sandbox)", () => {
  let ext: ExtensionHarness;
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
    // This org added a required choice column; its metadata is read after sign-in.
    sandbox.setApi({
      customColumns: {
        leads: {
          new_region: {
            type: 'Picklist', display: 'Region', custom: true, required: true, labels: { en: 'Region', pl: 'Region sprzedaży' },
            options: { 100000000: { en: 'North', pl: 'Północ' }, 100000001: { en: 'South', pl: 'Południe' } },
          },
        },
      },
    });
    ext = await launchExtension();
    const page = await connectThroughOptions(ext, sandbox);
    await page.close();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('a lead missing the required custom column is kept and held back, then synced once it is filled in', async () => {
    const id = uuid();
    const sync = await openSyncView(ext);
    await message(sync, 'leads/save', { lead: { id, subject: 'Targi Budma', firstname: 'Jan', lastname: 'Wrona', companyname: 'Wrona Bud' } });
    await sync.click('[data-action="sync-now"]');
    expect(await waitForRowState(sync, id, ['synced', 'needs_attention', 'failed'])).toBe('needs_attention');
    expect(await syncError(sync, id)).toMatch(/^Dynamics 365 requires Region; fill it in\./);
    expect(sandbox.record('leads', id)).toBeUndefined();

    // The form shows the column, with the org's display name, its choices and the required mark.
    const editor = await ext.openOptions(`#/lead/${id}`);
    await editor.waitForSelector('[data-org-column="new_region"] select[name="new_region"]', { timeout: 15_000 });
    expect(await editor.$eval('[data-org-column="new_region"] label', (e) => e.textContent)).toMatch(/^Region\s*\*$/);
    expect(await editor.$$eval('select[name="new_region"] option', (os) => os.map((o) => o.textContent))).toEqual(expect.arrayContaining(['North', 'South']));
    expect(await editor.$eval('[data-warning="new_region"]', (e) => e.textContent)).toMatch(/requires this field/);
    await editor.select('select[name="new_region"]', '100000001');
    await editor.click('[data-action="save"]');
    await waitForMessage(editor, /saved/i);
    await editor.close();

    await sync.click('[data-action="sync-now"]');
    expect(await waitForRowState(sync, id, ['synced'])).toBe('synced');
    expect(sandbox.record('leads', id)).toMatchObject({ lastname: 'Wrona', new_region: 100000001, _ownerid_value: sandbox.userId });
    await sync.close();
  });

  it('assigns a lead to a team found by name, and it arrives owned by that team', async () => {
    const id = uuid();
    const sync = await openSyncView(ext);
    await message(sync, 'leads/save', { lead: { id, subject: 'Hala magazynowa', lastname: 'Sowa', companyname: 'Sowa Logistyka', custom: { new_region: 100000000 } } });
    const editor = await ext.openOptions(`#/lead/${id}`);
    await editor.waitForSelector('input[name="owner-search"]');
    expect(await editor.$eval('[data-testid="owner-current"]', (e) => e.textContent)).toMatch(/Me \(the signed-in user\)/);
    await editor.type('input[name="owner-search"]', 'warszawa');
    const team = sandbox.records('teams').find((r) => r.name === 'Sprzedaż Warszawa')!;
    await editor.waitForSelector(`[data-owner-id="${team.teamid}"]`, { timeout: 10_000 });
    await editor.click(`[data-owner-id="${team.teamid}"]`);
    expect(await editor.$eval('[data-testid="owner-current"]', (e) => e.textContent)).toMatch(/Sprzedaż Warszawa \(team\)/);
    await editor.click('[data-action="save"]');
    await waitForMessage(editor, /saved/i);
    await editor.close();
    await sync.click('[data-action="sync-now"]');
    expect(await waitForRowState(sync, id, ['synced', 'needs_attention', 'failed'])).toBe('synced');
    expect(sandbox.record('leads', id)).toMatchObject({ _ownerid_value: team.teamid, '_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'team' });
    await sync.close();
  });

  it('qualifies with the existing CRM account: filled empty fields, QualifyLead called, lead linked, decision maker a stakeholder', async () => {
    const id = uuid();
    const sync = await openSyncView(ext);
    // The rep typed a company name and a city; street and postcode are empty.
    await message(sync, 'leads/save', { lead: { id, subject: 'Budowa biurowca', firstname: 'Adam', lastname: 'Lis', companyname: 'Budimex', address1_city: 'Kraków', custom: { new_region: 100000001 } } });
    const editor = await ext.openOptions(`#/lead/${id}`);
    await editor.waitForSelector('[data-action="qualify-open"]');
    await editor.click('[data-action="qualify-open"]');
    await editor.click('[data-qualify="account"] input[value="existing"]');
    await editor.type('input[name="q-account-search"]', 'budimex');
    const account = sandbox.records('accounts').find((a) => a.name === 'Budimex Polska SA')!;
    await editor.waitForSelector(`[data-candidate="account"][data-source="crm"][data-candidate-id="${account.accountid}"]`, { timeout: 10_000 });
    await editor.click(`[data-candidate="account"][data-candidate-id="${account.accountid}"]`);
    await editor.click('input[name="q-decision-maker"]');
    await editor.click('[data-action="qualify-confirm"]');
    await editor.waitForFunction(() => /Qualified/.test(document.querySelector('[data-testid="lead-status"]')?.textContent ?? ''));
    const value = (name: string) => editor.$eval(`.lead-form [name="${name}"]`, (e) => (e as HTMLInputElement).value);
    expect(await value('companyname')).toBe('Budimex');
    expect(await value('address1_city')).toBe('Kraków');
    expect(await value('address1_line1')).toBe('ul. Siedmiogrodzka 9');
    expect(await value('address1_postalcode')).toBe('01-204');
    await editor.close();

    await sync.click('[data-action="sync-now"]');
    expect(await waitForRowState(sync, id, ['synced', 'needs_attention', 'failed'])).toBe('synced');
    const row = sandbox.record('leads', id)!;
    expect(row).toMatchObject({ statecode: 1, statuscode: 3, companyname: 'Budimex', address1_line1: 'ul. Siedmiogrodzka 9', _parentaccountid_value: account.accountid });
    expect(sandbox.records('qualifyleadcalls').filter((q) => q.leadId === id)).toEqual([
      expect.objectContaining({ CreateAccount: false, CreateOpportunity: true, parentaccountid: account.accountid }),
    ]);
    const opportunity = sandbox.records('opportunities').find((o) => o._originatingleadid_value === id);
    expect(opportunity).toMatchObject({ _parentaccountid_value: account.accountid });
    const connection = sandbox.records('connections').find((c) => c._record1id_value === id && c.ismaster === true)!;
    expect(sandbox.record('contacts', connection._record2id_value as string)).toMatchObject({ fullname: 'Adam Lis' });
    expect(sandbox.records('connectionroles').find((r) => r.connectionroleid === connection._record2roleid_value)).toMatchObject({ name: 'Stakeholder', category: 1000 });
    // Seen from the contact (the reciprocal connection), the Stakeholder role is record1's.
    const reciprocal = sandbox.record('connections', connection._relatedconnectionid_value as string)!;
    expect(reciprocal._record1roleid_value).toBe(connection._record2roleid_value);
    expect(row._parentcontactid_value).toBe(connection._record2id_value);
    await sync.close();
  });
});
