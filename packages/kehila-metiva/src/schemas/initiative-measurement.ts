import * as z from 'zod';
import { idSchema } from './id.js';
import { isoDateSchema } from './iso-date.js';
import { addIssue, addRuleIssue } from './rule-issue.js';
import { textSchema } from './text.js';

/**
 * Progress of an initiative toward one objective (PROGRAM X3), measured one of two ways:
 * `{ measure: 'share', share }`, the share of the way from baseline to target, 0 to 1; or
 * `{ measure: 'indicator', indicatorId, value }`, a value of one of the objective's indicators
 * (S4), in the indicator's unit.
 *
 * @example
 * ```ts
 * import { objectiveProgressSchema } from '@maslul/kehila-metiva';
 *
 * objectiveProgressSchema.parse({ measure: 'share', objectiveId: 'cut-dropout', share: 0.25 });
 * objectiveProgressSchema.parse({
 *   measure: 'indicator',
 *   objectiveId: 'cut-dropout',
 *   indicatorId: 'dropout-rate',
 *   value: 15.5,
 * });
 * ```
 * @category Pilot track
 */
export const objectiveProgressSchema = z.discriminatedUnion(
  'measure',
  [
    z.strictObject({
      measure: z.literal('share'),
      objectiveId: idSchema,
      share: z
        .number({ error: 'X3: a share of progress is a number from 0 to 1' })
        .min(0, { error: 'X3: a share of progress is a number from 0 to 1' })
        .max(1, { error: 'X3: a share of progress is a number from 0 to 1' }),
    }),
    z.strictObject({
      measure: z.literal('indicator'),
      objectiveId: idSchema,
      indicatorId: idSchema,
      value: z.number({
        error: "X3: an indicator value is a finite number in the indicator's unit",
      }),
    }),
  ],
  { error: 'X3: say how progress is measured: measure "share" (0 to 1) or "indicator" (a value)' },
);

/**
 * Progress toward one objective, as a share or an indicator value (PROGRAM X3).
 *
 * @example
 * ```ts
 * import type { ObjectiveProgress } from '@maslul/kehila-metiva';
 *
 * const asText = (p: ObjectiveProgress) =>
 *   p.measure === 'share' ? `${Math.round(p.share * 100)}%` : `${p.indicatorId}: ${p.value}`;
 * ```
 * @category Pilot track
 */
export type ObjectiveProgress = z.infer<typeof objectiveProgressSchema>;

/**
 * A measurement of one initiative (מדידה ולמידה, PROGRAM X3): the initiative's id (its hackathon
 * idea id), the date, progress per objective (at least one entry; at most one share per objective
 * and one value per indicator), and notes on what was learned.
 *
 * @example
 * ```ts
 * import { initiativeMeasurementSchema } from '@maslul/kehila-metiva';
 *
 * initiativeMeasurementSchema.parse({
 *   initiativeId: 'idea-homework-club',
 *   measuredOn: '2027-08-04',
 *   progress: [
 *     { measure: 'share', objectiveId: 'cut-dropout', share: 0.3 },
 *     { measure: 'indicator', objectiveId: 'cut-dropout', indicatorId: 'dropout-rate', value: 16 },
 *   ],
 *   notes: '42 children attend twice a week; volunteers hard to keep in exam season',
 * });
 * ```
 * @category Pilot track
 */
export const initiativeMeasurementSchema = z
  .strictObject({
    initiativeId: idSchema,
    measuredOn: isoDateSchema,
    progress: z.array(objectiveProgressSchema).superRefine((progress, ctx) => {
      if (progress.length === 0) {
        addRuleIssue(ctx, 'X3', 'measure progress toward at least one objective');
      }
      const seen = new Set<string>();
      progress.forEach((entry, index) => {
        const key =
          entry.measure === 'share'
            ? `a share for objective "${entry.objectiveId}"`
            : `a value for indicator "${entry.indicatorId}" of objective "${entry.objectiveId}"`;
        if (seen.has(key)) addIssue(ctx, `${key} is given twice; give it once`, [index]);
        seen.add(key);
      });
    }),
    notes: textSchema.optional(),
  })
  .meta({ rule: 'X3' });

/**
 * A measurement of one initiative (PROGRAM X3).
 *
 * @example
 * ```ts
 * import type { InitiativeMeasurement } from '@maslul/kehila-metiva';
 *
 * const shares = (m: InitiativeMeasurement) =>
 *   m.progress.flatMap((p) => (p.measure === 'share' ? [p.share] : []));
 * ```
 * @category Pilot track
 */
export type InitiativeMeasurement = z.infer<typeof initiativeMeasurementSchema>;
