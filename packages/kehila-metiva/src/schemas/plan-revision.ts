import * as z from 'zod';
import { isoDateSchema } from './iso-date.js';
import { textSchema } from './text.js';

/**
 * One version of the strategic plan (PROGRAM P3, a milestone adapted and updated through the
 * year): its version number (1 is the plan closed at S8), the date, and what changed.
 *
 * @example
 * ```ts
 * import { planRevisionSchema } from '@maslul/kehila-metiva';
 *
 * planRevisionSchema.parse({
 *   version: 2,
 *   revisedOn: '2027-10-15',
 *   summary: 'Urban plan: shade routes moved to 2028 after the tender failed',
 * });
 * ```
 * @category Strategy track
 */
export const planRevisionSchema = z.strictObject({
  version: z.int({ error: 'P3: a version is a whole number from 1' }).min(1, {
    error: 'P3: a version is a whole number from 1',
  }),
  revisedOn: isoDateSchema,
  summary: textSchema,
});

/**
 * One version of the strategic plan (PROGRAM P3).
 *
 * @example
 * ```ts
 * import type { PlanRevision } from '@maslul/kehila-metiva';
 *
 * const closed: PlanRevision = { version: 1, revisedOn: '2027-04-13', summary: 'Closed at meeting 5' };
 * ```
 * @category Strategy track
 */
export type PlanRevision = z.infer<typeof planRevisionSchema>;
