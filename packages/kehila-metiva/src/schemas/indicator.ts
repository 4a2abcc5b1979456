import * as z from 'zod';
import { idSchema } from './id.js';
import { isoDateSchema } from './iso-date.js';
import { textSchema } from './text.js';

const finiteNumber = (what: string) =>
  z.number({ error: `expected the ${what} as a finite number` });

/**
 * An indicator (מדד) that measures an objective (PROGRAM S4): its id (measurements refer to it),
 * name, unit, the baseline value and the target value, and optionally the date the target is due.
 * The target may be below the baseline (fewer dropouts); the schema does not assume a direction.
 *
 * @example
 * ```ts
 * import { indicatorSchema } from '@maslul/kehila-metiva';
 *
 * indicatorSchema.parse({
 *   id: 'dropout-rate',
 *   name: 'שיעור נשירה בגילאי 15-17',
 *   unit: '%',
 *   baseline: 18,
 *   target: 10,
 *   targetDate: '2029-06-30',
 * });
 * ```
 * @category Strategy track
 */
export const indicatorSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  unit: textSchema,
  baseline: finiteNumber('baseline'),
  target: finiteNumber('target'),
  targetDate: isoDateSchema.optional(),
});

/**
 * An indicator of an objective: name, unit, baseline and target (PROGRAM S4).
 *
 * @example
 * ```ts
 * import type { Indicator } from '@maslul/kehila-metiva';
 *
 * const employed: Indicator = {
 *   id: 'women-employed',
 *   name: 'Employment rate of women aged 25-64',
 *   unit: '%',
 *   baseline: 52,
 *   target: 60,
 * };
 * ```
 * @category Strategy track
 */
export type Indicator = z.infer<typeof indicatorSchema>;
