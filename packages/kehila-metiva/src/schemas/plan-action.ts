import * as z from 'zod';
import { budgetLineSchema } from './budget-line.js';
import { dateRangeSchema } from './date-range.js';
import { idSchema } from './id.js';
import { addRuleIssue, reportRepeats } from './rule-issue.js';
import { textSchema } from './text.js';

/**
 * Whether an action already runs or is new: the plan integrates both (PROGRAM P4).
 *
 * @example
 * ```ts
 * import { ACTION_ORIGINS } from '@maslul/kehila-metiva';
 *
 * ACTION_ORIGINS; // ['existing', 'new']
 * ```
 * @category Strategy track
 */
export const ACTION_ORIGINS = ['existing', 'new'] as const;

/**
 * Whether an action is a program or an intervention (PROGRAM P2).
 *
 * @example
 * ```ts
 * import { ACTION_KINDS } from '@maslul/kehila-metiva';
 *
 * ACTION_KINDS; // ['program', 'intervention']
 * ```
 * @category Strategy track
 */
export const ACTION_KINDS = ['program', 'intervention'] as const;

/**
 * An action of a channel work plan (PROGRAM S6, P1, P2, P4): an id and title; whether it is
 * `existing` or `new` (P4); whether it strengthens social infrastructure (P1); whether it is a
 * `program` or an `intervention` (P2); its budget line (P2); its Gantt item, `start` to `end`
 * (P2); the objectives it serves (at least one: a work plan follows the objectives, S6); and its
 * owner, the player who carries it out.
 *
 * @example
 * ```ts
 * import { planActionSchema } from '@maslul/kehila-metiva';
 *
 * planActionSchema.parse({
 *   id: 'youth-club',
 *   title: 'מועדון נוער פתוח בערבים בנווה שרת',
 *   origin: 'new',
 *   kind: 'program',
 *   strengthensSocialInfrastructure: true,
 *   budget: { amountAgorot: 35_000_000 },
 *   gantt: { start: '2027-05-01', end: '2027-12-31' },
 *   objectiveIds: ['cut-dropout'],
 *   owner: 'אגף החינוך',
 * });
 * ```
 * @category Strategy track
 */
export const planActionSchema = z
  .strictObject({
    id: idSchema,
    title: textSchema,
    description: textSchema.optional(),
    origin: z.enum(ACTION_ORIGINS, { error: 'P4: say whether the action is "existing" or "new"' }),
    kind: z.enum(ACTION_KINDS, {
      error: 'P2: say whether the action is a "program" or an "intervention"',
    }),
    strengthensSocialInfrastructure: z.boolean({
      error: 'P1: say whether the action strengthens social infrastructure (true or false)',
    }),
    budget: budgetLineSchema.meta({ rule: 'P2' }),
    gantt: dateRangeSchema.meta({ rule: 'P2' }),
    objectiveIds: z.array(idSchema).superRefine((ids, ctx) => {
      if (ids.length === 0) {
        addRuleIssue(ctx, 'S6', 'link the action to at least one objective it serves');
      }
      reportRepeats(ctx, ids, (id) => id, 'objective id');
    }),
    owner: textSchema.meta({ rule: 'P4' }),
  })
  .meta({ rule: 'S6' });

/**
 * An action of a channel work plan (PROGRAM S6, P1, P2, P4).
 *
 * @example
 * ```ts
 * import type { PlanAction } from '@maslul/kehila-metiva';
 *
 * const socialInfrastructure = (actions: PlanAction[]) =>
 *   actions.filter((action) => action.strengthensSocialInfrastructure);
 * ```
 * @category Strategy track
 */
export type PlanAction = z.infer<typeof planActionSchema>;
