import { defineConfig } from 'tsup';
import { base } from '../../tsup.base.js';

export default defineConfig({
  ...base,
  entry: {
    index: 'src/index.ts',
    pglite: 'src/pglite/index.ts',
    postgres: 'src/postgres/index.ts',
  },
  // The versioned migration files ship inside the bundle as strings: no file reads at run time.
  loader: { '.sql': 'text' },
  external: ['@electric-sql/pglite', 'pg', '@maslul/core'],
});
