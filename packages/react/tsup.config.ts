import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  // Browsers and Node alike: no Node built-ins, fetch and timers are injected or global.
  platform: 'neutral',
  target: 'es2022',
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  treeshake: true,
  // Peers stay the app's own copies: one React, one core (its classes, e.g. `Refusal`, must be
  // the app's for `instanceof`).
  external: ['react', '@maslul/core', '@tanstack/react-query'],
  clean: false, // the build script empties dist/
});
