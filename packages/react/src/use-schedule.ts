import type { Program } from '@maslul/core';
import type { QueryResult } from './query-cache.js';
import type { Instant, ScheduleState } from './source.js';
import { useQuery } from './use-query.js';

/**
 * The options of {@link useSchedule}.
 *
 * @example
 * ```ts
 * import type { UseScheduleOptions } from '@maslul/react';
 *
 * const options: UseScheduleOptions = { at: '2027-03-01' };
 * ```
 * @category Hooks
 */
export interface UseScheduleOptions {
  /**
   * The instant the statuses are at; the source's now by default. Now is read when the schedule
   * is read (on mount and after each change), so for statuses that follow the wall clock pass
   * `at` from a clock your app ticks.
   */
  readonly at?: Instant | undefined;
}

const keyOf = (at: Instant | undefined): string =>
  at === undefined
    ? 'schedule now'
    : `schedule ${at instanceof Date ? at.getTime() : JSON.stringify(at)}`;

/**
 * Reads an instance's plan (every step's planned dates, window, slack and why) and each step's
 * status at an instant, and re-reads them when the instance changes. Type it by the program to
 * get its step ids: `useSchedule<KehilaMetiva>(id)`.
 *
 * @param id - the instance id
 * @param options - the instant of the statuses
 * @returns `loading`, then `success` with the {@link ScheduleState}, or `error`
 *
 * @example
 * ```tsx
 * import type { KehilaMetiva } from '@maslul/kehila-metiva';
 * import { useSchedule } from '@maslul/react';
 *
 * export function Due({ id }: { id: string }) {
 *   const schedule = useSchedule<KehilaMetiva>(id, { at: '2027-03-01' });
 *   if (schedule.status !== 'success') return null;
 *   const { plan, status } = schedule.data;
 *   return <p>S4 is {status.S4}, planned for {plan.steps.S4.start}</p>;
 * }
 * ```
 * @category Hooks
 */
export function useSchedule<P extends Program = Program>(
  id: string,
  options?: UseScheduleOptions | undefined,
): QueryResult<ScheduleState<P>> {
  const at = options?.at;
  return useQuery('useSchedule', id, keyOf(at), (source) => source.schedule(id, at)) as QueryResult<
    ScheduleState<P>
  >;
}
