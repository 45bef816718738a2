// Time from opening the popup to a filled form, in real Chromium with the test build.
import { execSync } from 'node:child_process';
import { launchExtension } from '../e2e/support/extension';
import { startServer } from '../e2e/support/server';

const PAGE = `<!doctype html><html><head><title>Contact - Acme Polska</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Jan Kowalski","jobTitle":"Dyrektor sprzedaży","email":"jan.kowalski@acme.pl","telephone":"+48 22 123 45 67","worksFor":{"@type":"Organization","name":"Acme Polska"}}</script>
</head><body><h1>Jan Kowalski</h1><p>Dyrektor sprzedaży, Acme Polska</p><a href="mailto:jan.kowalski@acme.pl">jan.kowalski@acme.pl</a></body></html>`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function popupOpen(): Promise<void> {
  execSync('npm run build:test', { stdio: 'ignore' });
  const server = await startServer({ '/contact': PAGE });
  const ext = await launchExtension();
  try {
    const page = await ext.browser.newPage();
    await page.goto(server.url('/contact'));
    const tabId = await ext.tabIdOf(page);
    const rendered: number[] = [];
    const filled: number[] = [];
    for (let i = 0; i < 15; i++) {
      const popup = await ext.browser.newPage();
      const t0 = Date.now();
      await popup.goto(ext.pageUrl(`popup.html?tabId=${tabId}`), { waitUntil: 'domcontentloaded' });
      await popup.waitForSelector('.lead-form [name="lastname"]');
      rendered.push(Date.now() - t0);
      const got = await popup
        .waitForFunction(() => (document.querySelector<HTMLInputElement>('.lead-form [name="lastname"]')?.value ?? '') !== '', { timeout: 1500 })
        .then(() => true, () => false);
      if (got) filled.push(Date.now() - t0);
      await popup.click('[data-action="clear"]').catch(() => {});
      await popup.close();
    }
    console.log('\n## Popup open (15 runs, Chromium, test build)');
    console.log(`form rendered: median ${median(rendered)} ms`);
    console.log(filled.length ? `form filled from the page: median ${median(filled)} ms (${filled.length}/15 runs filled)` : 'form filled from the page: capture did not fill the form');
  } finally {
    await ext.close();
    await server.close();
  }
}
