import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  // Web-standard Request and Response only: it runs in Node, Bun, Deno and edge runtimes.
  platform: 'neutral',
  target: 'es2022',
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  treeshake: true,
  external: ['@maslul/core', '@maslul/store', 'hono', '@hono/zod-openapi', 'zod'],
  clean: false, // the build script empties dist/
});
