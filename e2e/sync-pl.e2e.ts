// The Connection and Sync views in Polish, with a CRM problem explained in Polish.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { connectThroughOptions, openSyncView, waitForRowState } from './support/sync';
import { startSandbox, type Sandbox } from '../tests/sandbox';

let ext: ExtensionHarness;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
  ext = await launchExtension({ lang: 'pl' });
});
afterAll(async () => {
  await ext?.close();
  await sandbox?.close();
});

it('shows Connection and Sync in Polish, with a Polish needs-attention message', async () => {
  const conn = await connectThroughOptions(ext, sandbox);
  expect(await conn.$eval('[data-testid="connection-status"]', (e) => e.textContent)).toBe('Zalogowano do Dynamics 365.');
  expect(await conn.$eval('nav', (e) => e.textContent)).toContain('Synchronizacja');
  await conn.close();
  const page = await openSyncView(ext);
  expect(await page.$eval('[data-action="sync-now"]', (e) => e.textContent)).toBe('Synchronizuj teraz');
  sandbox.crmInsert('leads', { subject: 'Stary', lastname: 'Kowal', emailaddress1: 'jan@kowal.example' });
  const id = crypto.randomUUID();
  await message(page, 'leads/save', { lead: { id, subject: 'Nowy', lastname: 'Kowal', firstname: 'Jan', companyname: 'Kowal sp. z o.o.', emailaddress1: 'jan@kowal.example' } });
  await page.click('[data-action="sync-now"]');
  expect(await waitForRowState(page, id, ['needs_attention'])).toBe('needs_attention');
  const text = await page.$eval(`tr[data-lead-id="${id}"]`, (e) => e.textContent ?? '');
  expect(text).toContain('Wymaga uwagi');
  expect(text).toContain('Dynamics 365 znalazł duplikat');
  await page.close();
});

it('shows a conflict in Polish: only the changed field, by its Polish name, never a logical name (issue #16)', async () => {
  const page = await openSyncView(ext);
  const id = crypto.randomUUID();
  const base = { id, subject: 'Targi', lastname: 'Zając', firstname: 'Ewa', companyname: 'Zając SA', jobtitle: 'Kierownik', description: 'Rozmowa na stoisku.', leadsourcecode: 7 };
  await message(page, 'leads/save', { lead: base });
  await page.click('[data-action="sync-now"]');
  expect(await waitForRowState(page, id, ['synced', 'needs_attention', 'failed'])).toBe('synced');
  sandbox.crmEdit('leads', id, { jobtitle: 'Dyrektor (CRM)' });
  await message(page, 'leads/save', { lead: { ...base, jobtitle: 'Prezes' } });
  await page.click('[data-action="sync-now"]');
  const view = `[data-testid="conflict"][data-lead-id="${id}"]`;
  await page.waitForSelector(`${view} tbody tr`, { timeout: 30_000 });
  expect(await page.$$eval(`${view} tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)))).toEqual([['Stanowisko', 'Prezes', 'Dyrektor (CRM)']]);
  const text = await page.$eval(view, (e) => e.textContent ?? '');
  expect(text).toContain('Ktoś zmienił tego potencjalnego klienta w Dynamics 365');
  expect(text).not.toMatch(/jobtitle|description|leadsourcecode|\blead\b/i);
  await page.close();
});
