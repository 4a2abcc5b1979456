import { defineConfig } from 'tsup';
import { base } from '../../tsup.base.js';

export default defineConfig({
  ...base,
  // `./xstate` (compile) is its own entry, so the main entry loads no XState. Splitting in both
  // formats: the two entries share one chunk of core, so a program built by one is the same code
  // the other compiles (caches keyed by program are one map, not two).
  entry: { index: 'src/index.ts', xstate: 'src/xstate/index.ts' },
  splitting: true,
});
