// Issue #17 in Polish: the org's required column with its Polish display name and choices, the
// held-back message, the owner field and the Qualify dialog's CRM records, all in Polish.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { connectThroughOptions, openSyncView, waitForRowState } from './support/sync';
import { startSandbox, type Sandbox } from '../tests/sandbox';

let ext: ExtensionHarness;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    api: {
      customColumns: {
        leads: {
          new_region: {
            type: 'Picklist', display: 'Region', custom: true, required: true, labels: { en: 'Region', pl: 'Region sprzedaży' },
            options: { 100000000: { en: 'North', pl: 'Północ' }, 100000001: { en: 'South', pl: 'Południe' } },
          },
        },
      },
    },
  });
  ext = await launchExtension({ lang: 'pl' });
});
afterAll(async () => {
  await ext?.close();
  await sandbox?.close();
});

it('shows the org\u2019s required column, the held-back message, the owner and the CRM\u2019s records in Polish', async () => {
  (await connectThroughOptions(ext, sandbox)).close();
  const sync = await openSyncView(ext);
  const id = crypto.randomUUID();
  await message(sync, 'leads/save', { lead: { id, subject: 'Targi', lastname: 'Kowal', companyname: 'Budimex' } });
  await sync.click('[data-action="sync-now"]');
  expect(await waitForRowState(sync, id, ['needs_attention', 'synced', 'failed'])).toBe('needs_attention');
  expect(await sync.$eval(`tr[data-lead-id="${id}"] [data-testid="sync-error"]`, (e) => e.textContent)).toMatch(/^Dynamics 365 wymaga pola Region sprzedaży; uzupełnij je\./);
  await sync.close();

  const editor = await ext.openOptions(`#/lead/${id}`);
  await editor.waitForSelector('[data-org-column="new_region"] select', { timeout: 15_000 });
  expect(await editor.$eval('[data-testid="org-columns"] h3', (e) => e.textContent)).toBe('Wymagane przez Twoją organizację');
  expect(await editor.$eval('[data-org-column="new_region"] label', (e) => e.textContent)).toMatch(/^Region sprzedaży\s*\*$/);
  expect(await editor.$$eval('select[name="new_region"] option', (os) => os.map((o) => o.textContent))).toEqual(expect.arrayContaining(['Północ', 'Południe']));
  expect(await editor.$eval('[data-testid="owner-current"]', (e) => e.textContent)).toMatch(/Ja \(zalogowany użytkownik\)/);
  await editor.click('[data-action="qualify-open"]');
  expect(await editor.$eval('input[name="q-opportunity"]', (e) => e.parentElement?.textContent)).toMatch(/Utwórz szansę sprzedaży/);
  await editor.click('[data-qualify="account"] input[value="existing"]');
  await editor.type('input[name="q-account-search"]', 'budimex');
  await editor.waitForSelector('[data-candidate="account"][data-source="crm"]', { timeout: 10_000 });
  expect(await editor.$eval('[data-candidate="account"][data-source="crm"]', (e) => e.textContent)).toBe('Budimex Polska SA · w Dynamics 365');
  await editor.close();
});
