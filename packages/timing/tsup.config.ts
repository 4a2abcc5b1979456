import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  platform: 'neutral',
  target: 'es2022',
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  treeshake: true,
  clean: false, // the build script empties dist/ once; two configs write into it
};

export default defineConfig([
  // ESM: all entries, sharing one chunk of common code. rrule is loaded by `./rrule` only.
  {
    ...shared,
    entry: { index: 'src/index.ts', israel: 'src/israel/index.ts', rrule: 'src/rrule/index.ts' },
    format: ['esm'],
  },
  // CommonJS: the main entry and `./rrule` (which shares no code with it). `./israel` is ESM
  // only: @hebcal/core publishes no CommonJS.
  { ...shared, entry: { index: 'src/index.ts', rrule: 'src/rrule/index.ts' }, format: ['cjs'] },
]);
