import * as z from 'zod';
import { isoDateSchema } from './iso-date.js';
import { addIssue } from './rule-issue.js';

/**
 * A span of calendar days from `start` to `end`, both included, with `end` on or after `start`
 * (a one-day span has `end === start`). Used for Gantt items (PROGRAM P2) and plan horizons.
 *
 * @example
 * ```ts
 * import { dateRangeSchema } from '@maslul/kehila-metiva';
 *
 * dateRangeSchema.parse({ start: '2027-05-01', end: '2027-12-31' });
 * dateRangeSchema.safeParse({ start: '2027-05-01', end: '2027-04-30' }).success; // false
 * ```
 * @category Primitives
 */
export const dateRangeSchema = z
  .strictObject({ start: isoDateSchema, end: isoDateSchema })
  .superRefine((range, ctx) => {
    if (range.end < range.start) {
      addIssue(
        ctx,
        `end "${range.end}" is before start "${range.start}"; end on or after the start`,
        ['end'],
      );
    }
  });

/**
 * A span of calendar days, `start` to `end` inclusive.
 *
 * @example
 * ```ts
 * import type { DateRange } from '@maslul/kehila-metiva';
 *
 * const firstYear: DateRange = { start: '2027-05-01', end: '2028-04-30' };
 * ```
 * @category Primitives
 */
export type DateRange = z.infer<typeof dateRangeSchema>;
