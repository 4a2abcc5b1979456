import { MaslulError } from '@maslul/timing';
import type { ProgramEvent } from '../events.js';
import type { Program } from '../program.js';
import { createInstance } from './create.js';
import type { Actor, LogEntry } from './records.js';
import type { InstanceOptions, ProgramInstance, RoleOf, SendResult } from './types.js';

/**
 * Replays an instance's accepted events from empty: the result's snapshot equals the one the
 * events produced live, byte for byte (the runtime is a pure function of its events).
 *
 * @param program - the program
 * @param entries - the log, in seq order
 * @param options - the instance options (the clock must be at or after the last event)
 * @returns the instance, with its history
 * @throws MaslulError `replay-refused` when an entry is refused (the log does not fit the program)
 *
 * @example
 * ```ts
 * import { createInstance, createManualClock, defineProgram, replay } from '@maslul/core';
 *
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
 *   .build();
 * const options = { start: '2027-01-04', clock: createManualClock('2027-01-04T09:00:00Z') } as const;
 * const live = createInstance(program, options);
 * live.send({ type: 'kickoff' }, { actor: { id: 'dana', roles: ['manager'] } });
 * const replayed = replay(program, live.history(), options);
 * JSON.stringify(replayed.snapshot()) === JSON.stringify(live.snapshot()); // true
 * ```
 * @category Runtime
 */
export function replay<P extends Program>(
  program: P,
  entries: readonly LogEntry[],
  options: InstanceOptions,
): ProgramInstance<P> {
  const instance = createInstance(program, options);
  for (const entry of entries) {
    const result = resend(instance, entry);
    if (!result.ok) {
      throw new MaslulError([
        {
          code: 'replay-refused',
          path: ['entries', entry.seq],
          rule: 'core.replay',
          message: `Event #${entry.seq} ("${entry.type}") was refused on replay: ${result.refusal.message}`,
        },
      ]);
    }
  }
  return instance;
}

/** Sends a logged entry to an instance again, as it was sent: a replay's and a load's step. */
export function resend<P extends Program>(
  instance: ProgramInstance<P>,
  entry: LogEntry,
): SendResult {
  return instance.send(
    { type: entry.type, payload: entry.payload, item: entry.item } as ProgramEvent<P>,
    {
      actor: entry.actor as Actor<RoleOf<P>>,
      at: entry.at,
      idempotencyKey: entry.idempotencyKey,
    },
  );
}
