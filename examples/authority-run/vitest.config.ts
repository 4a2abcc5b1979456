import { defineConfig } from 'vitest/config';

// The demo's command line, run as a user runs it: `tsx src/main.ts` in a child process.
export default defineConfig({
  test: {
    include: ['src/__tests__/**/*.test.ts'],
    environment: 'node',
    // The first test makes a PGlite database (initdb in WebAssembly: 10-15 s on a busy machine).
    testTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
