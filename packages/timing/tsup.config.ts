import { defineConfig, type Options } from 'tsup';
import { base } from '../../tsup.base.js';

const shared: Options = {
  ...base,
  // The small runtime dependencies are built into dist/ (their MIT licenses are in
  // THIRD-PARTY-NOTICES.md): Node then resolves no package for them at load time, which was most
  // of the main entry's cold start (tinyduration is CommonJS and brought up Node's CommonJS loader;
  // date-fns' 199 KB package.json was parsed to resolve one subpath). rrule and @hebcal/core stay
  // imports: only `./rrule` and `./israel` load them.
  noExternal: ['tinyduration', 'pure-rand', 'date-fns', '@date-fns/utc', '@date-fns/tz'],
};

export default defineConfig([
  // ESM: all entries, sharing one chunk of common code. rrule is loaded by `./rrule` only.
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      israel: 'src/israel/index.ts',
      rrule: 'src/rrule/index.ts',
      names: 'src/names/index.ts',
    },
    format: ['esm'],
  },
  // CommonJS: the main entry and `./rrule` (which shares no code with it). `./israel` is ESM
  // only: @hebcal/core publishes no CommonJS.
  {
    ...shared,
    entry: { index: 'src/index.ts', rrule: 'src/rrule/index.ts', names: 'src/names/index.ts' },
    format: ['cjs'],
  },
]);
