// Quick capture (issue #13), in real Chromium with the test build: popup open to a filled quick
// form on a 2 MB page (budget 150 ms), and saving 30 ticked people in one action (budget 2 s).
import { execSync } from 'node:child_process';
import { launchExtension } from '../e2e/support/extension';
import { startServer } from '../e2e/support/server';
import { generatedPage } from './capture';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const FIRST = ['Anna', 'Piotr', 'Maria', 'Jan', 'Ewa', 'Tomasz', 'Olga', 'Marek', 'Julia', 'Adam'];
const LAST = ['Nowak', 'Kowalski', 'Wiśniewska', 'Lewandowski', 'Kamińska', 'Zieliński', 'Szymańska', 'Woźniak', 'Dąbrowski', 'Kozłowska', 'Jankowski'];
const FIRMS = ['Baltic', 'Fjord', 'Tatra', 'Wisła', 'Odra'];

/** A conference page with 30 speakers, each run with new companies and addresses. */
function speakers(run: number): string {
  const cards = Array.from({ length: 30 }, (_, i) => {
    const name = `${FIRST[i % 10]} ${LAST[(Math.floor(i / 10) + 3 * run) % 11]}`;
    return `<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">${name}</span>
<span itemprop="jobTitle">Director</span><span itemprop="worksFor" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">${FIRMS[run]} ${name.split(' ')[1]} ${i}</span></span>
<a itemprop="email" href="mailto:s${i}@${FIRMS[run]!.toLowerCase()}${i}.example">s${i}@${FIRMS[run]!.toLowerCase()}${i}.example</a></div>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><title>Speakers | Logistics Congress</title></head><body>${cards.join('\n')}</body></html>`;
}

export default async function quickCapture(): Promise<void> {
  execSync('npm run build:test', { stdio: 'ignore' });
  const RUNS = 5;
  const routes: Record<string, string> = { '/big': generatedPage() };
  for (let r = 0; r < RUNS; r++) routes[`/speakers${r}`] = speakers(r);
  const server = await startServer(routes);
  const ext = await launchExtension();
  try {
    const page = await ext.browser.newPage();
    await page.goto(server.url('/big'));
    const tabId = await ext.tabIdOf(page);
    const filled: number[] = [];
    for (let i = 0; i < 15; i++) {
      const popup = await ext.browser.newPage();
      await popup.setViewport({ width: 560, height: 600 });
      const t0 = Date.now();
      await popup.goto(ext.pageUrl(`popup.html?tabId=${tabId}`), { waitUntil: 'domcontentloaded' });
      await popup.waitForFunction(() => (document.querySelector<HTMLInputElement>('.lead-form [name="lastname"]')?.value ?? '') !== '', { timeout: 10_000 });
      filled.push(Date.now() - t0);
      await popup.click('[data-action="clear"]');
      await popup.close();
    }
    await page.close();

    const saves: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const tab = await ext.browser.newPage();
      await tab.goto(server.url(`/speakers${r}`));
      const popup = await ext.openPopup(await ext.tabIdOf(tab));
      await popup.waitForSelector('[data-testid="people"] > summary', { timeout: 10_000 });
      await popup.click('[data-testid="people"] > summary');
      await popup.waitForFunction(() => document.querySelectorAll('[data-testid="people-list"] li input:checked').length === 30, { timeout: 20_000 });
      const t0 = Date.now();
      await popup.click('[data-action="save-people"]');
      await popup.waitForSelector('[data-testid="people-summary"]', { timeout: 20_000 });
      saves.push(Date.now() - t0);
      const summary = await popup.$eval('[data-testid="people-summary"]', (e) => e.textContent);
      if (summary !== 'Saved 30, skipped 0.') console.log(`run ${r}: ${summary}`);
      await popup.close();
      await tab.close();
    }
    console.log('\n## Quick capture (Chromium, test build)');
    console.log(`popup open to a filled quick form, 2 MB page: median ${median(filled)} ms over 15 runs (budget 150 ms)`);
    console.log(`saving 30 ticked people in one action: median ${median(saves)} ms over ${RUNS} runs (budget 2000 ms)`);
  } finally {
    await ext.close();
    await server.close();
  }
}
