import { defineConfig } from 'tsup';
import { base } from '../../tsup.base.js';

export default defineConfig([
  // ESM: all entries, sharing one chunk of common code. rrule is loaded by `./rrule` only.
  {
    ...base,
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
    ...base,
    entry: { index: 'src/index.ts', rrule: 'src/rrule/index.ts', names: 'src/names/index.ts' },
    format: ['cjs'],
  },
]);
