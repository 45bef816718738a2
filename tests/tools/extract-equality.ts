// Equality harness for extractor speed work (issue #13): runs the extractor of a git ref (default
// main) and this tree's over every page `npm run eval:extract` reads, plus the 2 MB generated page,
// and reports any page whose extraction differs (candidates, fields, order). Not a timed test.
//   npx tsx tests/tools/extract-equality.ts [ref]     EQUALITY_TIMING=1 also prints in-page timings;
//   EQUALITY_RUNS=21 times only the 2 MB page (21 alternating cold runs of each).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'puppeteer';
import type { Extraction } from '../../lib/extract/types';
import { launchChromium, preparePage, serveFiles } from '../eval/chromium';
import { extractorBundle } from '../eval/extractor-bundle';
import { generatedPage } from '../../bench/capture';

const ref = process.argv[2] ?? 'main';
const corpus = [process.env.LEADCLIP_CORPUS, '/work/shared/corpus'].find((p) => p && existsSync(p))!;

/** The extractor as it is at `ref`: lib/ taken from git, bundled the way the eval bundles it. */
async function bundleAt(gitRef: string): Promise<string> {
  const dir = resolve('node_modules/.cache/extract-equality');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(`git archive ${gitRef} lib | tar -x -C ${dir}`);
  const out = await build({
    entryPoints: [join(dir, 'lib/extract/extract-page.ts')], bundle: true, format: 'iife', globalName: 'LeadClipExtract',
    write: false, minify: true, target: 'chrome110', logLevel: 'silent', nodePaths: [resolve('node_modules')],
  });
  return out.outputFiles[0].text;
}

/**
 * Evaluates `code` afresh (inside a function, so no global `var` outlives the run and the other
 * bundle really runs next) and extracts the page; the time covers the extraction only.
 */
async function run(page: Page, code: string, url?: string): Promise<{ result: Extraction; ms: number }> {
  return page.evaluate((c, pageUrl) => {
    const api = (0, eval)(`(function(){${c}\nreturn LeadClipExtract;})()`) as { extractPage: (d: Document, u: string) => Extraction };
    const t0 = performance.now();
    const result = api.extractPage(document, pageUrl ?? location.href);
    return { result, ms: performance.now() - t0 };
  }, code, url ?? null);
}

/** Every page the eval reads, with the address it gives the extractor. */
function pages(): { file: string; url?: string }[] {
  const out: { file: string; url?: string }[] = [];
  const jsonld = join(corpus, 'jsonld');
  for (const e of JSON.parse(readFileSync(join(jsonld, 'manifest.json'), 'utf8')) as { files: Record<string, string> }[]) {
    for (const f of Object.values(e.files)) out.push({ file: join(jsonld, f) });
  }
  const walk = (d: string) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      if (f.isDirectory()) walk(join(d, f.name));
      else if (f.name.endsWith('.html')) out.push({ file: join(d, f.name) });
    }
  };
  walk(join(corpus, 'hcard'));
  const ws = join(corpus, 'pages', 'webstruct');
  for (const jsonl of readdirSync(ws).filter((f) => f.endsWith('.expected.jsonl')).sort()) {
    for (const row of readFileSync(join(ws, jsonl), 'utf8').split('\n').filter(Boolean)) {
      const g = JSON.parse(row) as { file: string; base_href?: string };
      if (existsSync(join(ws, g.file))) out.push({ file: join(ws, g.file), url: g.base_href || undefined });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const [before, after] = [await bundleAt(ref), (await extractorBundle()).replace(/;globalThis\.LeadClipExtract = LeadClipExtract;$/, '')];
  const files = await serveFiles(corpus);
  const browser = await launchChromium();
  let differ = 0;
  const timing = process.env.EQUALITY_TIMING === '1';
  const ms = { before: 0, after: 0 };
  try {
    const page = await preparePage(browser);
    // EQUALITY_RUNS=N: only the 2 MB page, timed over N alternating runs.
    const runsWanted = Number(process.env.EQUALITY_RUNS ?? 0);
    const list = runsWanted ? [] : pages();
    for (const p of list) {
      await page.goto(files.url(relative(corpus, p.file)), { waitUntil: 'domcontentloaded', timeout: 20_000 });
      const a = await run(page, before, p.url);
      const b = await run(page, after, p.url);
      ms.before += a.ms;
      ms.after += b.ms;
      if (JSON.stringify(a.result) !== JSON.stringify(b.result)) {
        differ++;
        console.log(`DIFFERS ${relative(corpus, p.file)}\n  ${ref}: ${JSON.stringify(a.result).slice(0, 600)}\n  tree: ${JSON.stringify(b.result).slice(0, 600)}`);
      }
    }
    const big = await browser.newPage();
    await big.setContent(generatedPage(), { waitUntil: 'domcontentloaded' });
    const runs: Record<'before' | 'after', number[]> = { before: [], after: [] };
    let same = true;
    for (let i = 0; i < (runsWanted || (timing ? 9 : 1)); i++) {
      // Alternating, each bundle freshly evaluated, so neither gains from the other's warm-up.
      const order = [['before', before], ['after', after]] as const;
      for (const [name, code] of i % 2 ? [...order].reverse() : order) {
        const r = await run(big, code, 'https://example.com/directory');
        runs[name].push(r.ms);
        (runs as unknown as Record<string, unknown>)[`${name}Result`] = JSON.stringify(r.result);
      }
      const rr = runs as unknown as Record<string, string>;
      if (rr.beforeResult !== rr.afterResult) same = false;
    }
    if (!same) {
      differ++;
      console.log('DIFFERS generated 2 MB page');
    }
    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)].toFixed(1);
    console.log(`${list.length + 1} pages compared (${ref} vs this tree): ${differ} differ`);
    if (timing || runsWanted) {
      if (!runsWanted) console.log(`corpus total in-page ms: ${ref} ${ms.before.toFixed(0)}, tree ${ms.after.toFixed(0)}`);
      console.log(`2 MB page in-page ms, median of ${runs.before.length} cold runs: ${ref} ${med(runs.before)} (${runs.before.map((x) => x.toFixed(0)).join(' ')}), tree ${med(runs.after)} (${runs.after.map((x) => x.toFixed(0)).join(' ')})`);
    }
  } finally {
    await browser.close();
    await files.close();
  }
  process.exitCode = differ ? 1 : 0;
}

void main();
