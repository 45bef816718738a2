import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // Unit tests connect to the local Dataverse sandbox, as a sandbox build may (wxt.config.ts).
  define: { 'import.meta.env.LEADCLIP_SANDBOX': 'true' },
  test: {
    // CI also writes a JSON report so .ci/run can print one plain 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci-results/unit.json' }]] : ['default'],
    include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'components/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
  },
});
