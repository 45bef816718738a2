// Import of 10,000 Outlook contacts from Microsoft Exchange (issue #17) through the options page in
// Chromium, end to end against the sandbox's Graph: two folders (6,000 + 4,000), Graph's pages
// (the extension asks for 500 a page), 100 ms added to every Graph request, one 429 with
// Retry-After: 1 s on the way; then a second import of the same folders with 100 contacts changed
// (delta query). Env: EXCHANGE_BENCH_CONTACTS (10000), EXCHANGE_BENCH_LATENCY_MS (100).
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'puppeteer';
import { launchExtension } from '../e2e/support/extension';
import { message } from '../e2e/support/messages';
import { connectThroughOptions } from '../e2e/support/sync';
import { startSandbox } from '../tests/sandbox';

const FIRST = ['Zofia', 'Łukasz', 'Anna', 'Jan', 'Małgorzata', 'Piotr', 'Agnieszka', 'Krzysztof', 'Ewa', 'Tomasz'];
const CITY = ['Łódź', 'Kraków', 'Gdańsk', 'Poznań', 'Wrocław', 'Warszawa'];
const contact = (i: number) => ({
  givenName: FIRST[i % FIRST.length], surname: `Kontakt${i}`, displayName: `${FIRST[i % FIRST.length]} Kontakt${i}`,
  jobTitle: 'Dyrektor ds. zakupów', companyName: `Firma ${i % 997} Sp. z o.o.`, department: 'Zakupy',
  emailAddresses: [{ address: `kontakt.${i}@firma${i % 997}.pl` }], businessPhones: [`+48 22 ${String(100_000 + i).slice(1, 4)} ${String(100_000 + i).slice(4)} 00`],
  mobilePhone: `+48 600 ${String(100_000 + i).slice(1, 4)} ${String(100_000 + i).slice(4)}0`, businessHomePage: `https://firma${i % 997}.pl`,
  businessAddress: { street: `ul. Długa ${i % 300}`, city: CITY[i % CITY.length], postalCode: '00-950', countryOrRegion: 'Polska' },
});

async function runImport(page: Page, folderIds: string[], policy?: 'update'): Promise<{ readMs: number; totalMs: number; counts: string; summary: string }> {
  await page.goto(page.url().replace(/#.*$/, '#/import'));
  await page.reload();
  await page.waitForSelector('[data-action="exchange-folders"]');
  await page.click('[data-action="exchange-folders"]');
  await page.waitForSelector('[data-testid="exchange-folders"]', { timeout: 60_000 });
  for (const id of folderIds) await page.click(`input[name="exchange-folder"][value="${id}"]`);
  const t0 = performance.now();
  await page.click('[data-action="exchange-read"]');
  await page.waitForSelector('[data-testid="import-counts"]', { timeout: 600_000 });
  const readMs = performance.now() - t0;
  const counts = await page.$eval('[data-testid="import-counts"]', (e) => e.textContent ?? '');
  if (policy) await page.click(`input[name="dup-stored"][value="${policy}"]`).catch(() => undefined);
  await page.click('[data-action="start-import"]');
  await page.waitForSelector('[data-testid="import-summary"]', { timeout: 600_000 });
  return { readMs, totalMs: performance.now() - t0, counts, summary: (await page.$eval('[data-testid="import-summary"]', (e) => e.textContent ?? '')).split(/(?<=\.)/)[0] };
}

export default async function exchangeBench(): Promise<void> {
  const n = Number(process.env.EXCHANGE_BENCH_CONTACTS ?? 10_000);
  const latencyMs = Number(process.env.EXCHANGE_BENCH_LATENCY_MS ?? 100);
  execSync('npm run build:test', { stdio: 'ignore' });
  const sandbox = await startSandbox();
  const split = Math.round(n * 0.6);
  const a = sandbox.graph.addFolder('Targi 2026', Array.from({ length: split }, (_, i) => contact(i)));
  const b = sandbox.graph.addFolder('Klienci', Array.from({ length: n - split }, (_, i) => contact(split + i)));
  const ext = await launchExtension();
  try {
    const page = await connectThroughOptions(ext, sandbox);
    sandbox.graph.latencyMs = latencyMs;
    sandbox.graph.throttleNext = 0;
    const before = { ...sandbox.graph.stats };
    // One 429 after the folder list: the first contacts page waits out Retry-After.
    const first = await (async () => {
      const p = runImport(page, [a, b]);
      const armed = setInterval(() => { if (sandbox.graph.stats.requests > before.requests) { sandbox.graph.throttleNext = 1; clearInterval(armed); } }, 5);
      try { return await p; } finally { clearInterval(armed); }
    })();
    const firstReq = sandbox.graph.stats.requests - before.requests;
    const throttled = sandbox.graph.stats.throttled - before.throttled;
    const { total } = await message<{ total: number }>(ext, 'leads/list', { text: 'kontakt' });

    // 100 contacts edited in Outlook, then the same folders again.
    const ids = [...sandbox.graph.folders.get(a)!.entries.keys()].slice(0, 100);
    for (const id of ids) sandbox.graph.editContact(a, id, { jobTitle: 'Prezes zarządu' });
    const mid = { ...sandbox.graph.stats };
    const second = await runImport(page, [a, b], 'update');
    const secondReq = sandbox.graph.stats.requests - mid.requests;

    console.log(`\n## Exchange import (Chromium, test build, options page against the sandbox's Graph, +${latencyMs} ms per Graph request)`);
    console.log(`load average at start ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
    console.log(`first import, ${n.toLocaleString('en')} contacts in 2 folders: read from Graph in ${(first.readMs / 1000).toFixed(1)} s (${firstReq} Graph requests incl. the folder list, ${throttled} answered 429 and retried), preview ready then; folders chosen → summary ${(first.totalMs / 1000).toFixed(1)} s`);
    console.log(`  ${first.counts} | ${first.summary} | leads listed: ${total}`);
    console.log(`second import (delta), 100 contacts changed: read in ${(second.readMs / 1000).toFixed(1)} s (${secondReq} Graph requests), summary after ${(second.totalMs / 1000).toFixed(1)} s`);
    console.log(`  ${second.counts} | ${second.summary}`);
  } finally {
    await ext.close();
    await sandbox.close();
  }
}
