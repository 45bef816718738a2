import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const TEST_DIRS = ['lib', 'components', 'entrypoints', 'tests', 'scripts'];
const include = TEST_DIRS.flatMap((d) => [`${d}/**/*.test.ts`, `${d}/**/*.test.tsx`]);

/** Test files that swap a module for a mock (vi.mock): they need a module graph of their own. */
function filesThatMock(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.test\.tsx?$/.test(n) && !n.includes('node_modules'))
    .map((n) => join(dir, n))
    .filter((f) => /\bvi\.(mock|doMock|resetModules)\(/.test(readFileSync(f, 'utf8')));
}
const mocking = TEST_DIRS.flatMap(filesThatMock);

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
    // Files that mock a module keep their own graph.
    projects: [
      { extends: true, test: { name: 'unit', include, exclude: mocking, isolate: false, setupFiles: ['tests/setup.ts', 'tests/setup-shared-graph.ts'] } },
      { extends: true, test: { name: 'unit-mocking', include: mocking, isolate: true, setupFiles: ['tests/setup.ts'] } },
    ],
  },
});
