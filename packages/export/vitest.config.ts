import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // The JSON report lets .ci/run print one "N passed, N failed" line for every package.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
