import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium loading .output/chrome-mv3 (built by `npm run build:test`).
export default defineConfig({
  test: {
    // CI also writes a JSON report so .ci/run can print one plain 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci-results/e2e.json' }]] : ['default'],
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // One file at a time anyway: load Puppeteer and the harness once, not once per file. Each file
    // launches its own browser with a fresh profile, so nothing else is shared.
    isolate: false,
  },
});
