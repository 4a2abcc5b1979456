import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Compiling every block takes a TypeScript program over all the packages' types.
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // The JSON report lets .ci/run print one "N passed, N failed" line for every package.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
