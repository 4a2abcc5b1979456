import * as z from 'zod';
import { communityBudgetSchema } from './community-budget.js';
import { dateRangeSchema } from './date-range.js';
import { isoDateSchema } from './iso-date.js';
import { planRevisionSchema } from './plan-revision.js';
import { addRuleIssue } from './rule-issue.js';
import { textSchema } from './text.js';
import { workPlanSchema } from './work-plan.js';

const revisionsSchema = z.array(planRevisionSchema).superRefine((revisions, ctx) => {
  if (revisions.length === 0) {
    addRuleIssue(
      ctx,
      'P3',
      'record version 1, the plan closed at shaping-committee meeting 5 (S8)',
    );
  }
  revisions.forEach((revision, index) => {
    if (revision.version !== index + 1) {
      addRuleIssue(
        ctx,
        'P3',
        `versions run 1, 2, 3…: expected version ${index + 1}, not ${revision.version}`,
        [index, 'version'],
      );
    }
    const previous = revisions[index - 1];
    if (previous && revision.revisedOn < previous.revisedOn) {
      addRuleIssue(
        ctx,
        'P3',
        `version ${revision.version} is dated "${revision.revisedOn}", before version ${previous.version} ("${previous.revisedOn}")`,
        [index, 'revisedOn'],
      );
    }
  });
});

/**
 * The multi-year strategic plan closed at shaping-committee meeting 5 and approved by the
 * steering committee (PROGRAM S8, S9), as one record:
 * - `authority`: the local authority that owns and leads it (P7); `horizon`: the years it covers;
 * - `workPlans`: the channel work plans it includes, one per channel (S6, S8), with at least one
 *   action that strengthens social infrastructure among them (P1);
 * - `communityBudget`: the community's flexible budget, above 0 (P6);
 * - `revisions`: versions 1, 2, 3… in date order, version 1 being the plan closed at S8 (P3);
 * - `public` and `publishedOn`: whether it is published (P5; the plan must become public, so
 *   `false` means not yet); `approvedOn`: the steering committee's approval (S9), if given.
 *
 * @example
 * ```ts
 * import { strategicPlanSchema } from '@maslul/kehila-metiva';
 *
 * const plan = strategicPlanSchema.parse({
 *   authority: 'עיריית חדרה',
 *   horizon: { start: '2027-05-01', end: '2030-12-31' },
 *   workPlans: [
 *     {
 *       channel: 'educational',
 *       actions: [
 *         {
 *           id: 'youth-club',
 *           title: 'מועדון נוער פתוח בערבים',
 *           origin: 'new',
 *           kind: 'program',
 *           strengthensSocialInfrastructure: true,
 *           budget: { amountAgorot: 35_000_000 },
 *           gantt: { start: '2027-05-01', end: '2027-12-31' },
 *           objectiveIds: ['cut-dropout'],
 *           owner: 'אגף החינוך',
 *         },
 *       ],
 *     },
 *   ],
 *   communityBudget: { amountAgorot: 20_000_000, guidelines: 'Open call for resident initiatives' },
 *   revisions: [{ version: 1, revisedOn: '2027-04-13', summary: 'Closed at shaping committee 5' }],
 *   public: true,
 *   publishedOn: '2027-05-02',
 *   approvedOn: '2027-04-27',
 * });
 * plan.revisions.at(-1)?.version; // 1
 * ```
 * @category Strategy track
 */
export const strategicPlanSchema = z
  .strictObject({
    authority: textSchema.meta({ rule: 'P7' }),
    horizon: dateRangeSchema,
    workPlans: z.array(workPlanSchema).superRefine((workPlans, ctx) => {
      if (workPlans.length === 0) {
        addRuleIssue(ctx, 'S8', 'the plan includes the work plan of at least one channel');
      }
      const seen = new Set<string>();
      workPlans.forEach((workPlan, index) => {
        if (seen.has(workPlan.channel)) {
          addRuleIssue(
            ctx,
            'S6',
            `channel "${workPlan.channel}" has two work plans; merge them into one per channel`,
            [index, 'channel'],
          );
        }
        seen.add(workPlan.channel);
      });
      const actions = workPlans.flatMap((workPlan) => workPlan.actions);
      if (actions.length > 0 && !actions.some((action) => action.strengthensSocialInfrastructure)) {
        addRuleIssue(
          ctx,
          'P1',
          'the plan includes no action that strengthens social infrastructure; add one or mark one (strengthensSocialInfrastructure: true)',
        );
      }
    }),
    communityBudget: communityBudgetSchema.meta({ rule: 'P6' }),
    revisions: revisionsSchema.meta({ rule: 'P3' }),
    public: z.boolean({ error: 'P5: say whether the plan is public (true or false)' }),
    publishedOn: isoDateSchema.meta({ rule: 'P5' }).optional(),
    approvedOn: isoDateSchema.meta({ rule: 'S9' }).optional(),
  })
  .superRefine((plan, ctx) => {
    if (plan.publishedOn !== undefined && !plan.public) {
      addRuleIssue(
        ctx,
        'P5',
        `the plan has a publication date "${plan.publishedOn}" but is not public; set public: true or remove publishedOn`,
        ['publishedOn'],
      );
    }
    const closedOn = plan.revisions[0]?.revisedOn;
    if (plan.approvedOn !== undefined && closedOn !== undefined && plan.approvedOn < closedOn) {
      addRuleIssue(
        ctx,
        'S9',
        `the plan is approved on "${plan.approvedOn}", before it was closed on "${closedOn}" (S8, version 1)`,
        ['approvedOn'],
      );
    }
  })
  .meta({ rule: 'S8' });

/**
 * The multi-year strategic plan with its channel work plans (PROGRAM S8, S9, P1-P7).
 *
 * @example
 * ```ts
 * import type { StrategicPlan } from '@maslul/kehila-metiva';
 *
 * const currentVersion = (plan: StrategicPlan) => plan.revisions.at(-1)?.version ?? 0;
 * ```
 * @category Strategy track
 */
export type StrategicPlan = z.infer<typeof strategicPlanSchema>;
