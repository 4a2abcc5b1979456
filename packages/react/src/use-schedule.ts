import type { Program } from '@maslul/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Instant, ScheduleState } from './source.js';
import { type MaslulQueryOptions, readOptions, useMaslulQuery } from './use-maslul-query.js';

/**
 * The options of {@link useSchedule}: the instant of the statuses, beside TanStack Query's own.
 *
 * @example
 * ```ts
 * import type { UseScheduleOptions } from '@maslul/react';
 *
 * const options: UseScheduleOptions = { at: '2027-03-01' };
 * ```
 * @category Hooks
 */
export interface UseScheduleOptions<P extends Program = Program, TData = ScheduleState<P>>
  extends MaslulQueryOptions<ScheduleState<P>, TData> {
  /**
   * The instant the statuses are at; the source's now by default. Now is read when the schedule
   * is read (on mount and after each change), so for statuses that follow the wall clock pass
   * `at` from a clock your app ticks.
   */
  readonly at?: Instant | undefined;
}

const keyOf = (at: Instant | undefined): string | number | null =>
  at === undefined ? null : at instanceof Date ? at.getTime() : at;

/**
 * Reads an instance's plan (every step's planned dates, window, slack and why) and each step's
 * status at an instant as a TanStack query, and reads them again when the instance changes. Type
 * it by the program to get its step ids: `useSchedule<KehilaMetiva>(id)`.
 *
 * @param id - the instance id
 * @param options - the instant of the statuses (`at`), and TanStack Query's options
 * @returns TanStack's query result: `status` (`'pending'`, `'success'` with the
 *   {@link ScheduleState} in `data`, or `'error'`), `isFetching`, `refetch`
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
export function useSchedule<P extends Program = Program, TData = ScheduleState<P>>(
  id: string,
  options?: UseScheduleOptions<P, TData> | undefined,
): UseQueryResult<TData, Error> {
  const { at, ...query } = options ?? {};
  return useMaslulQuery(
    'useSchedule',
    id,
    ['schedule', keyOf(at)],
    (source, signal) => source.schedule(id, at, readOptions(signal)) as Promise<ScheduleState<P>>,
    query,
  );
}
