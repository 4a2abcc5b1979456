import * as z from 'zod';
import { CHANNELS, type Channel } from './channel.js';
import { addRuleIssue } from './rule-issue.js';
import { textSchema } from './text.js';

const HORIZONS = ['short', 'medium', 'long'] as const;

/**
 * Desired outcomes on the three horizons of the logic model (PROGRAM S5): short, medium and long
 * term, at least one outcome on each.
 *
 * @example
 * ```ts
 * import { outcomesSchema } from '@maslul/kehila-metiva';
 *
 * outcomesSchema.parse({
 *   short: ['Youth clubs open four evenings a week'],
 *   medium: ['Dropout in the focus areas down by a third'],
 *   long: ['Youth of the focus areas finish school like the city average'],
 * });
 * ```
 * @category Strategy track
 */
export const outcomesSchema = z
  .strictObject({
    short: z.array(textSchema),
    medium: z.array(textSchema),
    long: z.array(textSchema),
  })
  .superRefine((outcomes, ctx) => {
    for (const horizon of HORIZONS) {
      if (outcomes[horizon].length === 0) {
        addRuleIssue(ctx, 'S5', `state at least one ${horizon}-term outcome`, [horizon]);
      }
    }
  });

/**
 * Desired outcomes, short / medium / long term (PROGRAM S5).
 *
 * @example
 * ```ts
 * import type { Outcomes } from '@maslul/kehila-metiva';
 *
 * const longTerm = (outcomes: Outcomes) => outcomes.long;
 * ```
 * @category Strategy track
 */
export type Outcomes = z.infer<typeof outcomesSchema>;

// A strict object rather than a partial record: zod types the record's unknown-key issue wrongly,
// and `satisfies` keeps these keys in step with CHANNELS.
const byChannelShape = {
  social: outcomesSchema.optional(),
  educational: outcomesSchema.optional(),
  urban: outcomesSchema.optional(),
  economic: outcomesSchema.optional(),
} satisfies Record<Channel, z.ZodType>;

/**
 * The theory of change (תיאוריית השינוי) and logic model (מודל לוגי) of shaping-committee meeting 3
 * (PROGRAM S5): the theory of change in words, the desired outcomes overall, and the desired
 * outcomes per channel (`byChannel`, keyed by channel, at least one). That those channels are the
 * scope's (S0) is a rule across records, not part of this schema.
 *
 * @example
 * ```ts
 * import { logicModelSchema } from '@maslul/kehila-metiva';
 *
 * const model = logicModelSchema.parse({
 *   theoryOfChange: 'If youth have a place, an adult and a path, they stay in school.',
 *   overall: {
 *     short: ['Partners share one plan'],
 *     medium: ['Services reach the focus areas'],
 *     long: ['Gaps to the city average close'],
 *   },
 *   byChannel: {
 *     educational: {
 *       short: ['Youth clubs open four evenings a week'],
 *       medium: ['Dropout down by a third'],
 *       long: ['School completion at the city average'],
 *     },
 *   },
 * });
 * Object.keys(model.byChannel); // ['educational']
 * ```
 * @category Strategy track
 */
export const logicModelSchema = z
  .strictObject({
    theoryOfChange: textSchema,
    overall: outcomesSchema,
    byChannel: z
      .strictObject(byChannelShape, {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `S0: ${issue.keys.map((key) => `"${key}"`).join(', ')} ${issue.keys.length === 1 ? 'is not a channel' : 'are not channels'}; key the outcomes by ${CHANNELS.map((c) => `"${c}"`).join(', ')}`
            : undefined,
      })
      .superRefine(
        (byChannel, ctx) => {
          if (CHANNELS.every((channel) => byChannel[channel] === undefined)) {
            addRuleIssue(ctx, 'S5', 'give the desired outcomes of at least one channel');
          }
        },
        // An unknown key (`cultural`) is left out of the value: saying "no channel" then would mislead.
        { when: (payload) => payload.issues.length === 0 },
      ),
  })
  .meta({ rule: 'S5' });

/**
 * The theory of change and logic model (PROGRAM S5).
 *
 * @example
 * ```ts
 * import type { LogicModel } from '@maslul/kehila-metiva';
 *
 * const urbanOutcomes = (model: LogicModel) => model.byChannel.urban?.short ?? [];
 * ```
 * @category Strategy track
 */
export type LogicModel = z.infer<typeof logicModelSchema>;
