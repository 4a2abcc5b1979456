// @vitest-environment node
// What an app that reads maslul over HTTP ships: the hooks and the HTTP source, bundled for the
// browser as an app's bundler would (esbuild, minified, tree-shaken), with @maslul/core and
// @maslul/timing as their built dist/ resolves them. React and TanStack Query are the app's.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
/**
 * A string of the timing solver's own code (its error messages, in passes.ts and to-step.ts): in
 * a bundle only if the solver is.
 */
const SOLVER = 'timing.known-reference';

async function bundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  // The packages with code in the output (the metafile's inputs also list what was shaken off).
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const packages = new Set(
    Object.entries(inputs).flatMap(([input, { bytesInOutput }]) =>
      bytesInOutput > 0 ? (/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []) : [],
    ),
  );
  return { code, packages, gzip: gzipSync(code).length };
}

describe('@maslul/react over HTTP, bundled', () => {
  it('leaves out rrule, the timing solver, xstate and zod, in under 6.5 KB gzip', async () => {
    const http = await bundle(
      "export { MaslulProvider, httpSource, useInstance, useSchedule, useHistory, useSend } from './src/index.ts';",
    );
    expect(http.code).toContain('fetch');
    for (const name of ['rrule', 'xstate', 'zod', 'pure-rand']) {
      expect([...http.packages], name).not.toContain(name);
    }
    expect(http.code).not.toContain(SOLVER);
    expect(http.gzip).toBeLessThan(6.5 * 1024);
  });

  it('would show them if they came in: the solver and rrule bundled on purpose', async () => {
    const solver = await bundle("export { solve } from '@maslul/timing';");
    expect(solver.code).toContain(SOLVER);
    const series = await bundle("export { rrule } from '@maslul/timing/rrule';");
    expect([...series.packages]).toContain('rrule');
  });
});
