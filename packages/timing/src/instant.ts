/**
 * A moment: a `Date`, epoch milliseconds, or an ISO 8601 string (a date-time with an offset, or
 * a plain date, read as the start of that day where it is used).
 *
 * @example
 * ```ts
 * import type { Instant } from '@maslul/timing';
 *
 * const at: Instant = '2027-01-10T09:30:00+02:00';
 * const today: Instant = '2027-01-10';
 * ```
 * @category Dates
 */
export type Instant = Date | number | string;

/**
 * The epoch milliseconds of an instant, or `NaN` when it is none (an invalid `Date`, a string
 * that is no ISO date-time, an infinite number). The one place maslul reads an instant as a
 * number: callers turn `NaN` into their own typed error naming the field.
 *
 * @param at - the instant
 * @returns its epoch milliseconds, or `NaN`
 *
 * @example
 * ```ts
 * import { toEpoch } from '@maslul/timing';
 *
 * toEpoch('2027-01-10T09:30:00+02:00'); // 1799566200000
 * toEpoch(new Date(0)); // 0
 * Number.isNaN(toEpoch('next Tuesday')); // true
 * ```
 * @category Dates
 */
export function toEpoch(at: Instant): number {
  const time = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(time) ? time : Number.NaN;
}
