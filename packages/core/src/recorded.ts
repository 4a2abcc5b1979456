import type { ProgramContext } from './compile.js';

/** The payloads recorded so far, by step: what rules see as `recorded`. */
export function recordedPayloads(context: ProgramContext): Record<string, unknown> {
  const recorded: Record<string, unknown> = {};
  for (const [step, record] of Object.entries(context.steps)) recorded[step] = record.payload;
  return recorded;
}
