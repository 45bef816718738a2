// `npm run bench`: runs every bench/<name>.ts module's default export in turn and prints figures.
// A benchmark prints; it never fails the build on speed (tests assert behaviour, not timings).
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && !f.endsWith('.browser.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();

for (const file of modules) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: () => Promise<void> };
  if (typeof mod.default !== 'function') continue;
  const t0 = Date.now();
  try {
    await mod.default();
  } catch (err) {
    console.error(`bench ${file} failed:`, err);
    process.exitCode = 1;
  }
  console.log(`(${file}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
