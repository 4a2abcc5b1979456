import type { Facts, StepFact } from '@maslul/timing';
import type { Program } from './program.js';
import type { ProgramContext } from './program-context.js';
import type { StepDefinition } from './types.js';

/** What the machine recorded, as the timing model's facts: the solver re-plans from them. */
export function factsOf(program: Program, context: ProgramContext): Facts {
  const facts: Record<string, StepFact> = {};
  const steps = program.steps as Record<string, StepDefinition>;
  for (const [id, record] of Object.entries(context.steps)) {
    const kind = steps[id]?.kind;
    if (record.skipped && record.finished !== undefined) {
      // Settled on the day it was skipped, taking no time: what waits for it plans from then.
      facts[id] = { start: record.finished, finish: record.finished, skipped: true };
    } else if (kind === 'series') {
      facts[id] = {
        occurrences: record.occurrences ?? [],
        ...(record.finished !== undefined ? { finish: record.finished } : {}),
      };
    } else if (kind === 'span') {
      facts[id] = {
        ...(record.started !== undefined ? { start: record.started } : {}),
        ...(record.finished !== undefined ? { finish: record.finished } : {}),
      };
    } else if (record.finished !== undefined) {
      facts[id] = { start: record.finished, finish: record.finished };
    }
  }
  return facts;
}
