import {
  deadlineKey,
  type ProgramEvent,
  type Refusal,
  type Runtime,
  type SendResult,
  TIMER_ACTOR,
} from '@maslul/core';
import type { TimerDelivery } from './timer-worker.js';

/**
 * What {@link actingDelivery} tells of one acting deadline: the event was recorded (`recorded`,
 * or `duplicate` when an earlier delivery of the same deadline recorded it), or it was refused by
 * then (`settled`: the item moved on, the applicant appealed in time) and nothing was recorded.
 *
 * @example
 * ```ts
 * import type { ActOutcome } from '@maslul/store';
 *
 * const line = (o: ActOutcome) => `${o.timer.key}: ${o.outcome}`;
 * ```
 * @category Timers
 */
export type ActOutcome =
  | {
      readonly outcome: 'recorded' | 'duplicate';
      readonly timer: TimerDelivery;
      readonly result: SendResult;
    }
  | { readonly outcome: 'settled'; readonly timer: TimerDelivery; readonly refusal: Refusal };

/**
 * The options of {@link actingDelivery}.
 *
 * @example
 * ```ts
 * import type { ActingDeliveryOptions } from '@maslul/store';
 *
 * const options: ActingDeliveryOptions = { onAct: (o) => console.log(o.outcome) };
 * ```
 * @category Timers
 */
export interface ActingDeliveryOptions {
  /** Delivers the deadlines that do not act (reminders, mail); none by default. */
  readonly deliver?: ((timer: TimerDelivery) => void | Promise<void>) | undefined;
  /** Told what each acting deadline did. */
  readonly onAct?: ((outcome: ActOutcome) => void) | undefined;
}

/**
 * The `deliver` of a timer worker that makes deadlines act: a deadline with an `act` (a step's
 * `onOverdue: 'record'`, an item plan's `onOverdue`) is sent through the runtime by
 * `TIMER_ACTOR`, with the idempotency key `timer:<deadline id>@<at>`, so a second worker or a
 * retry stores a duplicate, not a second event. A refusal (the event is not possible any more)
 * records nothing and settles the timer: it is not tried again. Anything else that fails (the
 * store is down, another writer appended first) throws, and the worker tries again later.
 *
 * @param runtime - the runtime of the program whose instances the timers belong to
 * @param options - the delivery of the other deadlines and what to tell of each act
 * @returns a `deliver` for {@link createTimerWorker}
 *
 * @example
 * ```ts
 * import { createManualClock, createRuntime, defineProgram } from '@maslul/core';
 * import { actingDelivery, createMemoryStore, createTimerWorker } from '@maslul/store';
 *
 * const program = defineProgram('call', { version: 1, label: 'Call' })
 *   .roles({ board: { label: 'Board' }, system: { label: 'Timer' } })
 *   .track('t', 'T', (t) =>
 *     t.span('window', { label: 'Window', by: ['board', 'system'], until: '2027-02-26', onOverdue: 'record' }),
 *   )
 *   .build();
 * const clock = createManualClock('2027-01-04T09:00:00Z');
 * const store = createMemoryStore();
 * const runtime = createRuntime(program, { store, clock });
 * const worker = createTimerWorker({ store, clock, timers: clock, deliver: actingDelivery(runtime) });
 * ```
 * @category Timers
 */
export function actingDelivery(
  runtime: Runtime,
  options: ActingDeliveryOptions = {},
): (timer: TimerDelivery) => Promise<void> {
  return async (timer) => {
    const act = timer.deadline.act;
    if (!act) {
      await options.deliver?.(timer);
      return;
    }
    const event = (
      act.item === undefined ? { type: act.type } : { type: act.type, item: act.item }
    ) as ProgramEvent<typeof runtime.program>;
    const result = await runtime.send(timer.instanceId, event, {
      actor: TIMER_ACTOR,
      idempotencyKey: `timer:${deadlineKey(timer.deadline)}`,
    });
    if (result.ok) {
      options.onAct?.({ outcome: result.duplicate ? 'duplicate' : 'recorded', timer, result });
    } else {
      options.onAct?.({ outcome: 'settled', timer, refusal: result.refusal });
    }
  };
}
