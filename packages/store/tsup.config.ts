import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    pglite: 'src/pglite/index.ts',
    postgres: 'src/postgres/index.ts',
  },
  format: ['esm', 'cjs'],
  platform: 'neutral',
  target: 'es2022',
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  treeshake: true,
  // The versioned migration files ship inside the bundle as strings: no file reads at run time.
  loader: { '.sql': 'text' },
  external: ['@electric-sql/pglite', 'pg', '@maslul/core'],
  clean: false, // the build script empties dist/
});
