import * as z from 'zod';

/**
 * A calendar date as an ISO `YYYY-MM-DD` string (a real date: `2027-02-29` is refused). Records
 * hold dates as strings, not `Date` objects, so they stay plain JSON and carry no time zone;
 * ISO dates also compare correctly as strings (`a <= b`).
 *
 * @example
 * ```ts
 * import { isoDateSchema } from '@maslul/kehila-metiva';
 *
 * isoDateSchema.parse('2026-09-07'); // '2026-09-07'
 * isoDateSchema.safeParse('07/09/2026').success; // false
 * ```
 * @category Primitives
 */
export const isoDateSchema = z.iso.date({
  error: (issue) =>
    typeof issue.input === 'string'
      ? `"${issue.input}" is not a calendar date; write it as "YYYY-MM-DD", e.g. "2026-09-07"`
      : 'expected a calendar date as "YYYY-MM-DD", e.g. "2026-09-07"',
});

/**
 * A calendar date as an ISO `YYYY-MM-DD` string.
 *
 * @example
 * ```ts
 * import type { IsoDate } from '@maslul/kehila-metiva';
 *
 * const launchConference: IsoDate = '2027-01-05';
 * ```
 * @category Primitives
 */
export type IsoDate = z.infer<typeof isoDateSchema>;
