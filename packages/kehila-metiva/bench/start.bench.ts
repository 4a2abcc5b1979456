/// <reference types="node" />
// How long a fresh Node process takes to import the built `@maslul/kehila-metiva` (dist/, with
// core, timing and zod under it), against importing xstate alone, the statechart library it is
// built on, and against importing zod and xstate together: the floor of any program whose
// payloads are zod schemas (zod alone takes about three times what xstate does). Each sample is
// a new process that times its own import with performance.now(), so Node's own start is left
// out. The imports alternate, ROUNDS times, and each ratio is the median of the round-by-round
// ratios (a change in load on this 2-core machine lands on all sides). Build first (the root
// `npm run bench` does).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROUNDS = 15;
const here = fileURLToPath(new URL('..', import.meta.url));

/** Milliseconds a new Node process takes to import each of `specifiers`, one after another. */
function importTime(...specifiers: string[]): number {
  const imports = specifiers.map((specifier) => `await import(${JSON.stringify(specifier)});`);
  const script = `const t = performance.now(); ${imports.join(' ')} console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here });
  return Number(out.toString().trim());
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

importTime('@maslul/kehila-metiva'); // the file system's cache, for all three
importTime('zod', 'xstate');
importTime('xstate');
const kehila: number[] = [];
const floor: number[] = [];
const xstate: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  kehila.push(importTime('@maslul/kehila-metiva'));
  floor.push(importTime('zod', 'xstate'));
  xstate.push(importTime('xstate'));
}
const over = (times: readonly number[], base: readonly number[]) =>
  median(times.map((time, round) => time / (base[round] as number)));
const ratio = over(kehila, xstate);
console.log(
  `# import in a new process: @maslul/kehila-metiva ${median(kehila).toFixed(0)} ms, zod + xstate ${median(floor).toFixed(0)} ms, xstate ${median(xstate).toFixed(0)} ms`,
);
console.log(`ratio coldstart-kehila-over-xstate ${ratio.toFixed(2)}`);
console.log(`ratio coldstart-zod-xstate-over-xstate ${over(floor, xstate).toFixed(2)}`);
console.log(`ratio coldstart-kehila-over-zod-xstate ${over(kehila, floor).toFixed(2)}`);
console.log(`target coldstart-kehila-over-xstate 4 ${ratio <= 4 ? 'ok' : 'MISSED'}`);
