import { defineConfig } from 'tsup';
import { base } from '../../tsup.base.js';

export default defineConfig({
  ...base,
  // Web-standard Request and Response only: it runs in Node, Bun, Deno and edge runtimes.
  entry: { index: 'src/index.ts' },
  external: ['@maslul/core', '@maslul/store', 'hono', '@hono/zod-openapi', 'zod'],
});
