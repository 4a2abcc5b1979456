import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The test programs (test-programs/) import `@maslul/core` by name, so that the tests of
    // store and export run them on the built package; core's own tests run them on the sources.
    alias: [
      {
        find: /^@maslul\/core$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
      {
        find: /^@maslul\/core\/xstate$/,
        replacement: fileURLToPath(new URL('./src/xstate/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['src/**/*.test.ts'],
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // The JSON report lets .ci/run print one "N passed, N failed" line for every package.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
