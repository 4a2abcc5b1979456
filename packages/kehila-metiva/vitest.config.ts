import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // A whole program run replays dozens of events through the real machine: on a loaded
    // 2-core CI machine it can pass vitest's 5 s default.
    testTimeout: 30_000,
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // The JSON report lets .ci/run print one "N passed, N failed" line for every package.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
