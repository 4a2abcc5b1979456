import { defineConfig } from 'vitest/config';

// The end-to-end test: the real server in a child process, Chromium (test/harness.ts) through
// playwright-core. Node environment; the page is built first (test/build-page.setup.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/build-page.setup.ts'],
    testTimeout: 60_000,
    // One file at a time: each starts two servers and a Chromium, on a machine of two cores.
    fileParallelism: false,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
