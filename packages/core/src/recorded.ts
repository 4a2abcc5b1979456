import type { ProgramContext } from './program-context.js';
import type { StepDates } from './types.js';

/** The payloads recorded so far, by step: what rules see as `recorded`. */
export function recordedPayloads(context: ProgramContext): Record<string, unknown> {
  const recorded: Record<string, unknown> = {};
  for (const [step, record] of Object.entries(context.steps)) recorded[step] = record.payload;
  return recorded;
}

/** The recorded dates so far, by step: what rules see as `dates`. */
export function recordedDates(context: ProgramContext): Record<string, StepDates> {
  const dates: Record<string, StepDates> = {};
  for (const [step, record] of Object.entries(context.steps)) {
    dates[step] = record.skipped
      ? { started: undefined, finished: record.finished, skipped: true }
      : { started: record.started, finished: record.finished };
  }
  return dates;
}
