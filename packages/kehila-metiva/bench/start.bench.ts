/// <reference types="node" />
// How long a fresh Node process takes to import the built `@maslul/kehila-metiva` (dist/, with
// core, timing, xstate, zod, rrule and date-fns under it), against importing xstate alone, the
// statechart library it is built on. Each sample is a new process that times its own import with
// performance.now(), so Node's own start is left out. The two imports alternate, ROUNDS times,
// and the ratio is the median of the round-by-round ratios (a change in load on this 2-core
// machine lands on both sides). Build first (the root `npm run bench` does).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROUNDS = 15;
const here = fileURLToPath(new URL('..', import.meta.url));

/** Milliseconds a new Node process takes to import `specifier`. */
function importTime(specifier: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here });
  return Number(out.toString().trim());
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

importTime('@maslul/kehila-metiva'); // the file system's cache, for both
importTime('xstate');
const kehila: number[] = [];
const xstate: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  kehila.push(importTime('@maslul/kehila-metiva'));
  xstate.push(importTime('xstate'));
}
const ratio = median(kehila.map((time, round) => time / (xstate[round] as number)));
console.log(
  `# import in a new process: @maslul/kehila-metiva ${median(kehila).toFixed(0)} ms, xstate ${median(xstate).toFixed(0)} ms`,
);
console.log(`ratio coldstart-kehila-over-xstate ${ratio.toFixed(2)}`);
console.log(`target coldstart-kehila-over-xstate 4 ${ratio <= 4 ? 'ok' : 'MISSED'}`);
