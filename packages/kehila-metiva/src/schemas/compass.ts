import * as z from 'zod';
import { idSchema } from './id.js';
import { indicatorSchema } from './indicator.js';
import { isoDateSchema } from './iso-date.js';
import { addIssue, addRuleIssue, reportRepeats } from './rule-issue.js';
import { textSchema } from './text.js';

/**
 * A goal (מטרה) set at the launch conference (PROGRAM S4): an id and a title.
 *
 * @example
 * ```ts
 * import { goalSchema } from '@maslul/kehila-metiva';
 *
 * goalSchema.parse({ id: 'resilient-youth', title: 'נוער מעורב ובעל סיכויים שווים' });
 * ```
 * @category Strategy track
 */
export const goalSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: textSchema.optional(),
});

/**
 * A goal of the program (PROGRAM S4).
 *
 * @example
 * ```ts
 * import type { Goal } from '@maslul/kehila-metiva';
 *
 * const goal: Goal = { id: 'economic-mobility', title: 'Economic mobility for families' };
 * ```
 * @category Strategy track
 */
export type Goal = z.infer<typeof goalSchema>;

/**
 * An objective (יעד) set at the launch conference (PROGRAM S4): an id, a title, the id of the goal
 * it serves, and at least one indicator that measures it (the program tracks objectives by data).
 *
 * @example
 * ```ts
 * import { objectiveSchema } from '@maslul/kehila-metiva';
 *
 * objectiveSchema.parse({
 *   id: 'cut-dropout',
 *   title: 'Cut school dropout in the focus areas',
 *   goalId: 'resilient-youth',
 *   indicators: [{ id: 'dropout-rate', name: 'Dropout rate 15-17', unit: '%', baseline: 18, target: 10 }],
 * });
 * ```
 * @category Strategy track
 */
export const objectiveSchema = z
  .strictObject({
    id: idSchema,
    title: textSchema,
    goalId: idSchema,
    indicators: z.array(indicatorSchema),
  })
  .superRefine((objective, ctx) => {
    if (objective.indicators.length === 0) {
      addRuleIssue(ctx, 'S4', `measure objective "${objective.id}" with at least one indicator`, [
        'indicators',
      ]);
    }
  });

/**
 * An objective of the program with its indicators (PROGRAM S4).
 *
 * @example
 * ```ts
 * import type { Objective } from '@maslul/kehila-metiva';
 *
 * const indicatorNames = (objective: Objective) => objective.indicators.map((i) => i.name);
 * ```
 * @category Strategy track
 */
export type Objective = z.infer<typeof objectiveSchema>;

/**
 * The program's "compass" from the launch conference (PROGRAM S4): the vision (חזון), at least
 * one goal, and at least one objective, each objective linked to one of these goals. Goal,
 * objective and indicator ids are each unique, indicator ids across the whole compass, so a
 * measurement can name an indicator by its id alone.
 *
 * @example
 * ```ts
 * import { compassSchema } from '@maslul/kehila-metiva';
 *
 * compassSchema.parse({
 *   vision: 'קהילה מיטיבה: עיר שבה כל תושב.ת שותף.ה ומשגשג.ת',
 *   goals: [{ id: 'resilient-youth', title: 'Youth with equal chances' }],
 *   objectives: [
 *     {
 *       id: 'cut-dropout',
 *       title: 'Cut school dropout in the focus areas',
 *       goalId: 'resilient-youth',
 *       indicators: [{ id: 'dropout-rate', name: 'Dropout rate', unit: '%', baseline: 18, target: 10 }],
 *     },
 *   ],
 *   adoptedOn: '2027-01-05',
 * });
 * ```
 * @category Strategy track
 */
export const compassSchema = z
  .strictObject({
    vision: textSchema,
    goals: z.array(goalSchema).superRefine((goals, ctx) => {
      if (goals.length === 0) addRuleIssue(ctx, 'S4', 'set at least one goal');
      reportRepeats(ctx, goals, (goal) => goal.id, 'goal id', ['id']);
    }),
    objectives: z.array(objectiveSchema).superRefine((objectives, ctx) => {
      if (objectives.length === 0) addRuleIssue(ctx, 'S4', 'set at least one objective');
      reportRepeats(ctx, objectives, (objective) => objective.id, 'objective id', ['id']);
    }),
    adoptedOn: isoDateSchema.optional(),
  })
  .superRefine((compass, ctx) => {
    const goalIds = new Set(compass.goals.map((goal) => goal.id));
    const indicatorIds = new Set<string>();
    compass.objectives.forEach((objective, o) => {
      // With no goals at all the goals list already says so; a dangling link would only repeat it.
      if (goalIds.size > 0 && !goalIds.has(objective.goalId)) {
        addRuleIssue(
          ctx,
          'S4',
          `objective "${objective.id}" is linked to goal "${objective.goalId}", which is not one of the goals (${[...goalIds].map((id) => `"${id}"`).join(', ')})`,
          ['objectives', o, 'goalId'],
        );
      }
      objective.indicators.forEach((indicator, i) => {
        if (indicatorIds.has(indicator.id)) {
          addIssue(ctx, `indicator id "${indicator.id}" is used twice; give each one its own`, [
            'objectives',
            o,
            'indicators',
            i,
            'id',
          ]);
        }
        indicatorIds.add(indicator.id);
      });
    });
  })
  .meta({ rule: 'S4' });

/**
 * The program's vision, goals and objectives with their indicators (PROGRAM S4).
 *
 * @example
 * ```ts
 * import type { Compass } from '@maslul/kehila-metiva';
 *
 * const objectivesOf = (compass: Compass, goalId: string) =>
 *   compass.objectives.filter((objective) => objective.goalId === goalId);
 * ```
 * @category Strategy track
 */
export type Compass = z.infer<typeof compassSchema>;
