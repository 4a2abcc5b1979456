import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The automatic JSX runtime (`react/jsx-runtime`), as the package's tsconfig compiles it.
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    // A DOM for Testing Library; jsdom does not run on Node 20 here, happy-dom does.
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/__tests__/setup.ts'],
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
