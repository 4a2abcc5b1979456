import type { PlainDate } from '@maslul/timing';
import type { Program } from './program.js';
import type { StepDefinition } from './types.js';

const cache = new WeakMap<Program, Readonly<Record<string, PlainDate>>>();
const NONE: Readonly<Record<string, PlainDate>> = Object.freeze({});

/** The program's fixed dates by step id, as rules receive them (computed once per program). */
export function fixedDatesOf(program: Program): Readonly<Record<string, PlainDate>> {
  let fixed = cache.get(program);
  if (!fixed) {
    const entries = Object.values(program.steps as Record<string, StepDefinition>).flatMap(
      (step) => (step.fixed === undefined ? [] : [[step.id, step.fixed] as const]),
    );
    fixed = entries.length === 0 ? NONE : Object.freeze(Object.fromEntries(entries));
    cache.set(program, fixed);
  }
  return fixed;
}
