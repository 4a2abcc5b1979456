import type { Program } from '../program.js';
import { checkStart } from '../start-date.js';
import { instanceFrom } from './instance-from.js';
import type { InstanceOptions, ProgramInstance } from './types.js';

/**
 * Starts a new instance of a program.
 *
 * @param program - a program from `defineProgram(...).build()`
 * @param options - the program start, the clock and the calendar
 * @returns the instance
 *
 * @example
 * ```ts
 * import { createInstance, createManualClock, defineProgram } from '@maslul/core';
 *
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
 *   .build();
 * const clock = createManualClock('2027-01-04T09:00:00Z');
 * const instance = createInstance(program, { start: '2027-01-04', clock });
 * const result = instance.send({ type: 'kickoff' }, { actor: { id: 'dana', roles: ['manager'] } });
 * result.ok; // true
 * ```
 * @category Runtime
 */
export function createInstance<P extends Program>(
  program: P,
  options: InstanceOptions,
): ProgramInstance<P> {
  checkStart(options?.start);
  // The machine state is filled in from the new actor's own initial snapshot.
  return instanceFrom(program, options, { saved: undefined, seq: 0, keys: {} });
}
