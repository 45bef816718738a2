// The extractor's first run in a fresh tab (issue #13): what the popup waits for on a page it has
// never read, where nothing (regexes, compiled code, DOM wrappers) is warm yet. Each round opens
// a new tab with the 2 MB generated page, evaluates the bundle and times its first and second run.
// With a git ref, that ref's extractor gets a fresh tab of its own in every round, alternating.
// EXTRACT_PROFILE=1 prints the first runs' top self times (Chrome's CPU profiler, unminified).
// A measuring tool, not a timed test:   npx tsx tests/tools/extract-cold.ts [rounds] [ref]
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, CDPSession } from 'puppeteer';
import { generatedPage } from '../../bench/capture';
import { launchChromium } from '../eval/chromium';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
type Api = { LeadClipExtract: { extractPage: (d: Document, u: string) => unknown } };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const profile = process.env.EXTRACT_PROFILE === '1';

/** lib/extract of `ref` (git) or of this tree, bundled as the eval bundles it. */
async function bundle(ref?: string): Promise<string> {
  let root = resolve('.');
  if (ref) {
    root = resolve('node_modules/.cache/extract-cold');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    execSync(`git archive ${ref} lib | tar -x -C ${root}`);
  }
  const out = await build({
    entryPoints: [join(root, 'lib/extract/extract-page.ts')], bundle: true, format: 'iife', globalName: 'LeadClipExtract', write: false,
    minify: !profile, target: 'chrome110', logLevel: 'silent', nodePaths: [resolve('node_modules')],
  });
  return `${out.outputFiles[0].text};globalThis.LeadClipExtract = LeadClipExtract;`;
}

async function round(browser: Browser, html: string, code: string, self: Map<string, number>): Promise<number[]> {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  let cdp: CDPSession | undefined;
  if (profile) {
    cdp = await page.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const [load, first] = await page.evaluate((c) => {
    const t0 = performance.now();
    (0, eval)(c);
    const t1 = performance.now();
    (globalThis as unknown as Api).LeadClipExtract.extractPage(document, 'https://example.com/directory');
    return [t1 - t0, performance.now() - t1];
  }, code);
  if (cdp) {
    const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    for (let i = 0; i < p.samples.length; i++) {
      const f = byId.get(p.samples[i])!.callFrame;
      const key = `${f.functionName || '(anon)'}${f.url ? ` @${f.lineNumber}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
    }
    await cdp.detach();
  }
  const second = await page.evaluate(() => {
    const t0 = performance.now();
    (globalThis as unknown as Api).LeadClipExtract.extractPage(document, 'https://example.com/directory');
    return performance.now() - t0;
  });
  await page.close();
  return [load, first, second];
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 9);
  const ref = process.argv[3];
  const codes: [string, string][] = [['tree', await bundle()]];
  if (ref) codes.push([ref, await bundle(ref)]);
  const html = generatedPage();
  const browser = await launchChromium();
  const times = new Map(codes.map(([name]) => [name, [[], [], []] as number[][]]));
  const self = new Map<string, number>();
  try {
    for (let r = 0; r < rounds; r++) {
      for (const [name, code] of r % 2 ? [...codes].reverse() : codes) {
        const t = await round(browser, html, code, self);
        t.forEach((x, i) => times.get(name)![i].push(x));
      }
    }
  } finally {
    await browser.close();
  }
  const f = (xs: number[]) => `median ${median(xs).toFixed(1)}, min ${Math.min(...xs).toFixed(1)} (${xs.map((x) => x.toFixed(0)).join(' ')})`;
  for (const [name, [load, first, second]] of times) {
    console.log(`${name}: 2 MB page, ${rounds} fresh tabs, ms: bundle evaluated ${f(load)}; first run ${f(first)}; second run ${f(second)}`);
  }
  if (profile) {
    console.log('top self time over all first runs (ms):');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.EXTRACT_TOP ?? 25))) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
  }
}

void main();
