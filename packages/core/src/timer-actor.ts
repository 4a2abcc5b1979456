import type { Actor } from './instance/records.js';

/**
 * Who records the events that deadlines act with (a step's or an item event's `onOverdue`): the
 * timer worker, as the actor `maslul.timer` of role `system`. A program names the role `system`
 * in the `by` of the events the timer may record; a rule tells it apart by `actor.id`.
 *
 * @example
 * ```ts
 * import { TIMER_ACTOR } from '@maslul/core';
 *
 * const byTimer = (actor: { id: string }) => actor.id === TIMER_ACTOR.id; // true for the timer
 * ```
 * @category Runtime
 */
export const TIMER_ACTOR: Actor<'system'> = Object.freeze({
  id: 'maslul.timer',
  roles: Object.freeze(['system'] as const),
});

/**
 * The one key of a deadline at its planned instant, `<id>@<at>`: the timer table's, a delivery's
 * and the idempotency key of the event an acting deadline records (after the instance id). A
 * re-planned deadline (another `at`) is another key.
 *
 * @param deadline - the deadline's id and instant
 * @returns `<id>@<at>`
 *
 * @example
 * ```ts
 * import { deadlineKey } from '@maslul/core';
 *
 * deadlineKey({ id: 'S4:due', at: 1799100000000 }); // 'S4:due@1799100000000'
 * ```
 * @category Runtime
 */
export function deadlineKey(deadline: { readonly id: string; readonly at: number }): string {
  return `${deadline.id}@${deadline.at}`;
}
