// Bundle sizes per entrypoint (raw and gzip) of the store build, with the budgets we hold to.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.output/chrome-mv3';
// background.js is parsed at every wake-up of the worker (issue #15); its chunks in background/
// load with importScripts() when sync, Exchange or a phone needs them (build/service-worker-chunks.ts).
const budgets: Record<string, number> = { popup: 35_000, background: 60_000 };

/** The JS files an HTML entrypoint loads: its module script and everything it preloads/imports. */
function htmlScripts(html: string): string[] {
  const files = new Set<string>();
  for (const m of html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)) files.add(m[1]);
  // Follow static imports of chunks.
  const queue = [...files];
  while (queue.length) {
    const f = queue.pop()!;
    const code = readFileSync(join(OUT, f), 'utf8');
    for (const m of code.matchAll(/from\s*"\.\.?\/?((?:chunks\/)?[\w.-]+\.js)"|import\s*"\.\.?\/?((?:chunks\/)?[\w.-]+\.js)"/g)) {
      const dep = (m[1] ?? m[2]).startsWith('chunks/') ? m[1] ?? m[2] : `chunks/${m[1] ?? m[2]}`;
      if (existsSync(join(OUT, dep)) && !files.has(dep)) { files.add(dep); queue.push(dep); }
    }
  }
  return [...files];
}

function measure(files: string[]) {
  const buf = Buffer.concat(files.map((f) => readFileSync(join(OUT, f))));
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

export default async function bundleSizes(): Promise<void> {
  execSync('npx wxt build', { stdio: 'ignore' });
  const rows: { entry: string; raw: number; gzip: number; budget?: number }[] = [];
  for (const f of readdirSync(OUT).filter((f) => f.endsWith('.html'))) {
    const entry = f.replace('.html', '');
    rows.push({ entry, ...measure(htmlScripts(readFileSync(join(OUT, f), 'utf8'))), budget: budgets[entry] });
  }
  rows.push({ entry: 'background', ...measure(['background.js']), budget: budgets.background });
  if (existsSync(join(OUT, 'background'))) {
    for (const f of readdirSync(join(OUT, 'background')).filter((f) => f.endsWith('.js'))) rows.push({ entry: `background/${f} (on demand)`, ...measure([join('background', f)]) });
  }
  for (const dir of ['content-scripts']) {
    if (!existsSync(join(OUT, dir))) continue;
    for (const f of readdirSync(join(OUT, dir)).filter((f) => f.endsWith('.js'))) rows.push({ entry: `${dir}/${f}`, ...measure([join(dir, f)]) });
  }
  for (const f of readdirSync(OUT).filter((f) => f.endsWith('.js') && f !== 'background.js')) rows.push({ entry: f, ...measure([f]) });
  console.log('\n## Bundle sizes (store build)');
  console.log('| entrypoint | raw kB | gzip kB | budget gzip kB |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) {
    const over = r.budget && r.gzip > r.budget ? ' (over)' : '';
    console.log(`| ${r.entry} | ${(r.raw / 1000).toFixed(1)} | ${(r.gzip / 1000).toFixed(1)} | ${r.budget ? (r.budget / 1000).toFixed(0) + over : '-'} |`);
  }
}
