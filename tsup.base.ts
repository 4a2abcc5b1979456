// The build every package shares: each package's tsup.config.ts spreads `base` and adds its
// entries (and, where it needs them, its externals, loaders or a split ESM/CommonJS build).
import type { Options } from 'tsup';

export const base = {
  format: ['esm', 'cjs'],
  // Browsers, Node, Bun, Deno and edge runtimes alike: no Node built-ins are assumed.
  platform: 'neutral',
  target: 'es2022',
  // tsup's d.ts step on TypeScript 6 needs this (docs/style.md, Packaging).
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  treeshake: true,
  clean: false, // each package's build script empties dist/ once, before every config writes
} satisfies Options;
