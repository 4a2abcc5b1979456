import { defineConfig } from 'tsup';
import { base } from '../../tsup.base.js';

export default defineConfig({
  ...base,
  // Browsers and Node alike: no Node built-ins, fetch and timers are injected or global.
  entry: { index: 'src/index.ts' },
  // Peers stay the app's own copies: one React, one core (its classes, e.g. `Refusal`, must be
  // the app's for `instanceof`).
  external: ['react', '@maslul/core', '@tanstack/react-query'],
});
