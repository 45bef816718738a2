import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const TEST_DIRS = ['lib', 'components', 'entrypoints', 'tests', 'scripts'];
const include = TEST_DIRS.flatMap((d) => [`${d}/**/*.test.ts`, `${d}/**/*.test.tsx`]);

/** Test files under `dir` whose source passes `test`. */
function testFilesWhere(dir: string, test: (source: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.test\.tsx?$/.test(n) && !n.includes('node_modules'))
    .map((n) => join(dir, n))
    .filter((f) => test(readFileSync(f, 'utf8')));
}
/** Files that swap a module for a mock (vi.mock) need a module graph of their own. So do files that
 * hold code to a CPU-time budget: in the shared graph's large heap V8 was seen running their regular
 * expressions interpreted (a 280 ms call took 2.5 s). */
const ownGraph = TEST_DIRS.flatMap((d) =>
  testFilesWhere(d, (src) => /\bvi\.(mock|doMock|resetModules)\(/.test(src) || src.includes('hostile-text.test-helper')),
);

export default defineConfig({
  plugins: [WxtVitest()],
  // Unit tests connect to the local Dataverse sandbox, as a sandbox build may (wxt.config.ts).
  define: { 'import.meta.env.LEADCLIP_SANDBOX': 'true' },
  test: {
    // CI also writes a JSON report so .ci/run can print one plain 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci-results/unit.json' }]] : ['default'],
    testTimeout: 20_000,
    // Most of a run was importing the same modules again for every file (issue #15): files share one
    // module graph per worker, and tests/setup.ts gives each file a fresh browser, database and caches.
    // Files that mock a module or time their CPU keep their own graph.
    projects: [
      { extends: true, test: { name: 'unit', include, exclude: ownGraph, isolate: false, setupFiles: ['tests/setup.ts', 'tests/setup-shared-graph.ts'] } },
      { extends: true, test: { name: 'unit-own-graph', include: ownGraph, isolate: true, setupFiles: ['tests/setup.ts'] } },
    ],
  },
});
