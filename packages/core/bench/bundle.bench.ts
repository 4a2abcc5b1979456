// What a small program costs a browser app: the built `@maslul/core` (dist/, as users get it)
// bundled with esbuild for the browser (minified, tree-shaken, gzip), against the floor of the
// same work in its two main dependencies: an XState machine run by an actor and a zod schema
// parsing the payload. The program has no series and no Israeli calendar, so nothing of rrule or
// @hebcal/core need ship with it. Build first (the root `npm run bench` does).
//
// Sizes are bytes, not times: one build of each is exact, and the ratio is the same on any
// machine with the same lockfile.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const PROGRAM = `
import { about } from '@maslul/timing';
import { createInstance, createManualClock, defineProgram } from '@maslul/core';
import * as z from 'zod';

const program = defineProgram('call', { version: 1, label: 'A grants call' })
  .roles({ manager: { label: 'Manager' } })
  .track('main', 'Main', (t) =>
    t
      .milestone('open', { label: 'Call opens', by: ['manager'], payload: z.object({ budget: z.number().int().positive() }) })
      .milestone('close', { label: 'Call closes', by: ['manager'], after: about(30, 'days') })
      .decision('award', { label: 'Awards', by: ['manager'], after: about(2, 'weeks') }),
  )
  .build();
const clock = createManualClock('2027-01-04T09:00:00Z');
const instance = createInstance(program, { start: '2027-01-04', clock });
const actor = { id: 'dana', roles: ['manager'] };
console.log(instance.send({ type: 'open', payload: { budget: 100 } }, { actor }).ok);
`;

const FLOOR = `
import { createActor, setup } from 'xstate';
import * as z from 'zod';

const payload = z.object({ budget: z.number().int().positive() });
const machine = setup({ types: { events: {} } }).createMachine({
  id: 'call',
  initial: 'open',
  states: {
    open: { on: { open: { target: 'close', guard: ({ event }) => payload.safeParse(event.payload).success } } },
    close: { on: { close: 'award' } },
    award: { on: { award: 'done' } },
    done: { type: 'final' },
  },
});
const actor = createActor(machine).start();
actor.send({ type: 'open', payload: { budget: 100 } });
console.log(actor.getSnapshot().value);
`;

/**
 * The gzip size in bytes of `source` bundled for the browser, minified, after the bundle ran (in
 * Node, which has what it uses) and printed `expected`: a size of code that does not work is no
 * measure.
 */
async function gzipped(source: string, expected: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: 'ts' },
    // Not the package's tsconfig.json: its `paths` point `@maslul/core` at src/ (for the test
    // programs); this measures dist/.
    tsconfigRaw: {},
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents;
  if (code === undefined) throw new Error('esbuild wrote nothing.');
  const printed: unknown[] = [];
  const log = console.log;
  console.log = (...values: unknown[]) => printed.push(...values);
  try {
    await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  } finally {
    console.log = log;
  }
  if (String(printed[0]) !== expected) throw new Error(`The bundle printed ${printed[0]}.`);
  return gzipSync(code).length;
}

const program = await gzipped(PROGRAM, 'true');
const floor = await gzipped(FLOOR, 'close');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(`# bundle: a small program ${kb(program)} KB gzip, xstate + zod ${kb(floor)} KB gzip`);
const ratio = program / floor;
console.log(`ratio bundle-over-xstate-zod ${ratio.toFixed(2)}`);
console.log(`target bundle-over-xstate-zod 1.3 ${ratio <= 1.3 ? 'ok' : 'MISSED'}`);
