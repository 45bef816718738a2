import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium loading .output/chrome-mv3 (built by `npm run build:test`).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
