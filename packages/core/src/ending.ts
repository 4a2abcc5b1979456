import type { PlainDate } from '@maslul/timing';
import type { MachineEvent } from './events.js';
import type { Verdict } from './guards.js';
import type { Program } from './program.js';
import type { ProgramContext } from './program-context.js';
import { reasonVerdict } from './reason.js';
import { type Refusal, refuse } from './refusal.js';

/**
 * How a run may end before its tracks do: `cancel` (it will not happen) or `close` (it is over).
 *
 * @example
 * ```ts
 * import type { EndingKind } from '@maslul/core';
 *
 * const how: EndingKind = 'cancel';
 * ```
 * @category Program
 */
export type EndingKind = 'cancel' | 'close';

/**
 * Who may end a run, and how: `cancel` and `close` each name the roles that may send
 * `run.cancel` or `run.close` (with a `{ reason }`). A way not declared is no event of the program.
 *
 * @example
 * ```ts
 * import type { EndingOptions } from '@maslul/core';
 *
 * const ending: EndingOptions<'board'> = { cancel: { by: ['board'] }, close: { by: ['board'] } };
 * ```
 * @category Program
 */
export interface EndingOptions<Role extends string> {
  readonly cancel?: { readonly by: readonly [Role, ...Role[]] } | undefined;
  readonly close?: { readonly by: readonly [Role, ...Role[]] } | undefined;
}

/**
 * How a run ended, as its context records it: `cancelled` or `closed`, the reason given, the
 * date and who ended it.
 *
 * @example
 * ```ts
 * import type { RunEnding } from '@maslul/core';
 *
 * const ended: RunEnding = { status: 'cancelled', reason: 'The budget was cut', date: '2027-05-02', by: 'dana' };
 * ```
 * @category Runtime
 */
export interface RunEnding {
  readonly status: 'cancelled' | 'closed';
  readonly reason: string;
  readonly date: PlainDate;
  readonly by: string;
}

/** The reserved event types that end a run: no step id has a dot, and item kind "run" is refused. */
export const ENDING_EVENTS: { readonly [type: string]: EndingKind } = Object.freeze({
  'run.cancel': 'cancel',
  'run.close': 'close',
});

/** The refusal of any event sent to a run that has ended. */
export function endedRefusal(ended: RunEnding, type: string): Refusal {
  return refuse(
    'ended',
    'core.ended',
    ['type'],
    `"${type}" cannot be recorded: this run was ${ended.status} on ${ended.date} ("${ended.reason}"); a ${ended.status} run takes no more events.`,
  );
}

/** The verdict on `run.cancel` or `run.close`: the run has not ended and a reason is given. */
export function endingVerdict(context: ProgramContext, event: MachineEvent): Verdict {
  if (context.ended) return { ok: false, refusal: endedRefusal(context.ended, event.type) };
  return reasonVerdict(event, 'core.ending-reason', 'the run ends');
}

/** The context after a run ends. */
export function recordEnding(context: ProgramContext, event: MachineEvent): ProgramContext {
  const reason = (event.payload as { reason: string }).reason;
  const status = ENDING_EVENTS[event.type] === 'cancel' ? 'cancelled' : 'closed';
  return { ...context, ended: { status, reason, date: event.date, by: event.actor?.id ?? '' } };
}

/** The roles that may end a run this way, or undefined when the program does not declare it. */
export function endingRoles(program: Program, how: EndingKind): readonly string[] | undefined {
  return program.ending?.[how]?.by;
}
