// Capture (issue #3): extraction time in Chromium on the largest fixture page and on a generated
// 2 MB page (median of repeated runs), and the injected extractor's size. Budgets: 50 ms, 25 kB gzip.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execSync } from 'node:child_process';
import type { Page } from 'puppeteer';
import { launchChromium, preparePage, runExtractor, serveFiles } from '../tests/eval/chromium';
import { extractorBundle } from '../tests/eval/extractor-bundle';

const RUNS = 15;
const corpus = [process.env.LEADCLIP_CORPUS, '../shared/corpus', '/work/shared/corpus'].find((p) => p && existsSync(p));

function largestFixture(): string | undefined {
  if (!corpus) return undefined;
  let best: { file: string; size: number } | undefined;
  const walk = (d: string) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, f.name);
      if (f.isDirectory()) walk(p);
      else if (f.name.endsWith('.html')) {
        const size = statSync(p).size;
        if (!best || size > best.size) best = { file: p, size };
      }
    }
  };
  for (const set of ['pages/webstruct', 'jsonld', 'hcard']) if (existsSync(join(corpus, set))) walk(join(corpus, set));
  return best?.file;
}

const FIRST = ['Anna', 'Piotr', 'Maria', 'Jan', 'Ewa', 'Tomasz', 'Olga', 'Marek', 'Julia', 'Adam'];
const LAST = ['Nowak', 'Kowalski', 'Wiśniewska', 'Lewandowski', 'Kamińska', 'Zieliński', 'Szymańska', 'Woźniak', 'Dąbrowski', 'Kozłowska', 'Jankowski'];

/** A 2 MB team/directory page: people cards, contact links, tables and filler prose. */
export function generatedPage(targetBytes = 2_000_000): string {
  const parts: string[] = ['<!doctype html><html><head><meta charset="utf-8"><title>Directory | Example Corp</title></head><body><h1>Directory</h1>'];
  let size = parts[0].length;
  for (let i = 0; size < targetBytes; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    const card = `<div class="card"><h3>${name}</h3><p>Sales Manager</p>`
      + `<a href="mailto:p${i}@example.com">p${i}@example.com</a> <a href="tel:+4822${String(1000000 + i).slice(-7)}">+48 22 ${i % 900 + 100} 45 67</a>`
      + `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6)}</p>`
      + `<table><tr><td>ul. Długa ${i % 200}</td><td>00-${String(100 + (i % 899)).padStart(3, '0')} Warszawa</td></tr></table></div>`;
    parts.push(card);
    size += card.length;
  }
  parts.push('</body></html>');
  return parts.join('');
}

async function median(page: Page, bundle: string): Promise<{ median: number; candidates: number }> {
  const times: number[] = [];
  let candidates = 0;
  for (let i = 0; i < RUNS; i++) {
    const { result, ms } = await runExtractor(page, bundle);
    times.push(ms);
    candidates = result.candidates.length;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], candidates };
}

export default async function benchCapture(): Promise<void> {
  const bundle = await extractorBundle();
  // The size that matters is the script the extension injects: the WXT build's extractor.js.
  let t0 = Date.now();
  execSync('npx wxt build', { stdio: 'ignore' });
  if (process.env.BENCH_VERBOSE) console.log(`wxt build ${Date.now() - t0} ms`);
  t0 = Date.now();
  const built = '.output/chrome-mv3/extractor.js';
  const code = existsSync(built) ? readFileSync(built) : Buffer.from(bundle);
  const gzip = gzipSync(code, { level: 9 }).length;

  const browser = await launchChromium();
  const rows: string[] = [];
  try {
    const page = await preparePage(browser);
    const fixture = largestFixture();
    if (fixture && corpus) {
      const files = await serveFiles(corpus);
      try {
        await page.goto(files.url(relative(corpus, fixture)), { waitUntil: 'domcontentloaded' });
        if (process.env.BENCH_VERBOSE) console.log(`launch+goto ${Date.now() - t0} ms`);
        const r = await median(page, bundle);
        rows.push(`| largest fixture (${relative(corpus, fixture)}, ${(statSync(fixture).size / 1000).toFixed(0)} kB) | ${r.median.toFixed(1)} | 50 | ${r.candidates} |`);
      } finally {
        await files.close();
      }
    } else rows.push('| largest fixture | corpus absent | 50 | - |');
    const html = generatedPage();
    t0 = Date.now();
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    if (process.env.BENCH_VERBOSE) console.log(`setContent ${Date.now() - t0} ms`);
    const r = await median(page, bundle);
    rows.push(`| generated page (${(html.length / 1e6).toFixed(1)} MB) | ${r.median.toFixed(1)} | 50 | ${r.candidates} |`);
  } finally {
    await browser.close();
  }
  console.log('\n## Capture: extraction in Chromium (median of ' + RUNS + ' runs)');
  console.log('| page | median ms | budget ms | candidates |');
  console.log('|---|---:|---:|---:|');
  for (const row of rows) console.log(row);
  console.log(`\ninjected extractor (${existsSync(built) ? built : 'esbuild bundle'}): ${(code.length / 1000).toFixed(1)} kB raw, ${(gzip / 1000).toFixed(1)} kB gzip (budget 25 kB gzip)${gzip > 25_000 ? ' OVER' : ''}`);
}
