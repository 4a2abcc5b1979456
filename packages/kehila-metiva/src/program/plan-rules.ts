import type { Rule } from '@maslul/core';
import type { StrategicPlan } from '../schemas/strategic-plan.js';
import type { WorkPlan } from '../schemas/work-plan.js';
import { channelsOf } from './channels-of.js';

// The rules of the strategic plan (P1, P2), checked when the plan is recorded.

/**
 * P1: the plan holds the work plan of every channel chosen at S0 (and of no other), and actions
 * that strengthen social infrastructure.
 *
 * @example
 * ```ts
 * import { planIsComplete } from '@maslul/kehila-metiva';
 *
 * planIsComplete.id; // 'P1'
 * ```
 * @category Rules
 */
export const planIsComplete: Rule<StrategicPlan> = {
  id: 'P1',
  reason: {
    en: "The plan holds every chosen channel's work plan and actions that strengthen social infrastructure",
    he: 'התוכנית כוללת את תוכניות העבודה של כל הערוצים שנבחרו ופעולות לחיזוק התשתית החברתית',
  },
  check: ({ payload, recorded }) => {
    const chosen = channelsOf(recorded);
    const plans: readonly WorkPlan[] = payload.workPlans;
    return (
      chosen.every((channel) => plans.some((plan) => plan.channel === channel)) &&
      plans.every((plan) => chosen.includes(plan.channel)) &&
      plans.some((plan) => plan.actions.some((action) => action.strengthensSocialInfrastructure))
    );
  },
};

/**
 * P2: the plan holds programs (not only interventions), each action with a budget line and a
 * place on the Gantt.
 *
 * @example
 * ```ts
 * import { planHasProgramsBudgetAndGantt } from '@maslul/kehila-metiva';
 *
 * planHasProgramsBudgetAndGantt.id; // 'P2'
 * ```
 * @category Rules
 */
export const planHasProgramsBudgetAndGantt: Rule<StrategicPlan> = {
  id: 'P2',
  reason: {
    en: 'The plan holds programs and interventions, with a budget and an implementation Gantt',
    he: 'התוכנית כוללת תוכניות והתערבויות, תקציב וציר יישום (גאנט)',
  },
  check: ({ payload }) => {
    const actions = payload.workPlans.flatMap((plan) => plan.actions);
    return (
      actions.some((action) => action.kind === 'program') &&
      actions.every(
        (action) => action.budget.amountAgorot >= 0 && action.gantt.end >= action.gantt.start,
      )
    );
  },
};
