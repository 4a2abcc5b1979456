import type { Facts, StepFact } from '@maslul/timing';
import type { Program } from './program.js';
import type { ProgramContext, StepRecord } from './program-context.js';
import type { StepDefinition } from './types.js';

/**
 * The fact of each step record, made once: records are immutable (an event makes a new one), so
 * an instance re-plans from the same frozen facts of its earlier steps, which the solver checks
 * once.
 */
const factOfRecord = new WeakMap<StepRecord, StepFact | null>();

/** A step record as the timing model's fact (null when it records nothing the plan reads). */
function factOf(kind: StepDefinition['kind'] | undefined, record: StepRecord): StepFact | null {
  let fact = factOfRecord.get(record);
  if (fact !== undefined) return fact;
  if (record.skipped && record.finished !== undefined) {
    // Settled on the day it was skipped, taking no time: what waits for it plans from then.
    fact = { start: record.finished, finish: record.finished, skipped: true };
  } else if (kind === 'series') {
    fact = {
      occurrences: Object.freeze([...(record.occurrences ?? [])]),
      ...(record.finished !== undefined ? { finish: record.finished } : {}),
    };
  } else if (kind === 'span') {
    fact = {
      ...(record.started !== undefined ? { start: record.started } : {}),
      ...(record.finished !== undefined ? { finish: record.finished } : {}),
    };
  } else {
    fact =
      record.finished !== undefined ? { start: record.finished, finish: record.finished } : null;
  }
  if (fact) Object.freeze(fact);
  factOfRecord.set(record, fact);
  return fact;
}

/** What the machine recorded, as the timing model's facts: the solver re-plans from them. */
export function factsOf(program: Program, context: ProgramContext): Facts {
  const facts: Record<string, StepFact> = {};
  const steps = program.steps as Record<string, StepDefinition>;
  for (const [id, record] of Object.entries(context.steps)) {
    const fact = factOf(steps[id]?.kind, record);
    if (fact) facts[id] = fact;
  }
  return facts;
}
