import * as z from 'zod';
import { channelSchema } from './channel.js';
import { isoDateSchema } from './iso-date.js';
import { planActionSchema } from './plan-action.js';
import { addRuleIssue, reportRepeats } from './rule-issue.js';

/**
 * The work plan (תוכנית עבודה) of one channel team (PROGRAM S6): its channel, its actions (at
 * least one, ids unique), and optionally when the domain head submitted it (S7 reveals it).
 *
 * @example
 * ```ts
 * import { workPlanSchema } from '@maslul/kehila-metiva';
 *
 * workPlanSchema.parse({
 *   channel: 'educational',
 *   submittedOn: '2027-03-16',
 *   actions: [
 *     {
 *       id: 'youth-club',
 *       title: 'Evening youth club in Neve Sharet',
 *       origin: 'new',
 *       kind: 'program',
 *       strengthensSocialInfrastructure: true,
 *       budget: { amountAgorot: 35_000_000 },
 *       gantt: { start: '2027-05-01', end: '2027-12-31' },
 *       objectiveIds: ['cut-dropout'],
 *       owner: 'Education department',
 *     },
 *   ],
 * });
 * ```
 * @category Strategy track
 */
export const workPlanSchema = z
  .strictObject({
    channel: channelSchema,
    submittedOn: isoDateSchema.optional(),
    actions: z.array(planActionSchema).superRefine((actions, ctx) => {
      if (actions.length === 0) addRuleIssue(ctx, 'S6', 'a work plan lists at least one action');
      reportRepeats(ctx, actions, (action) => action.id, 'action id', ['id']);
    }),
  })
  .meta({ rule: 'S6' });

/**
 * The work plan of one channel team (PROGRAM S6).
 *
 * @example
 * ```ts
 * import type { WorkPlan } from '@maslul/kehila-metiva';
 *
 * const totalAgorot = (plan: WorkPlan) =>
 *   plan.actions.reduce((sum, action) => sum + action.budget.amountAgorot, 0);
 * ```
 * @category Strategy track
 */
export type WorkPlan = z.infer<typeof workPlanSchema>;
