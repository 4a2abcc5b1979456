import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The migration files are imported as text, as tsup's `.sql` loader bundles them.
  plugins: [
    {
      name: 'sql-as-text',
      transform(code, id) {
        return id.endsWith('.sql')
          ? { code: `export default ${JSON.stringify(code)};`, map: null }
          : null;
      },
    },
  ],
  test: {
    include: ['src/**/*.test.ts'],
    // A real PostgreSQL server: DATABASE_URL's, or one started from npm's binaries.
    globalSetup: ['scripts/postgres-global-setup.ts'],
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // PGlite starts a WASM Postgres (seconds; a minute and more on a loaded 2-core machine).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // verbose: every test's name, backend included, is in the output (the PostgreSQL ones too).
    reporters: ['verbose', ['json', { outputFile: 'test-results.json' }]],
  },
});
