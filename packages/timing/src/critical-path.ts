import { fail } from './errors.js';
import type { Plan } from './plan.js';

/**
 * The chain of steps that sets a step's date: from the target, back through the relation that
 * drove each start (the latest input of each join), to the program start or a recorded fact.
 * Any slip along it moves the target by as much.
 *
 * @param plan - a plan from `solve`
 * @param target - the step to explain; by default the step that finishes last (the last in plan
 *   order, on a tie)
 * @returns step ids from the first to the target
 * @throws TimingError `unknown-step` when the target is not a step of the plan
 *
 * @example
 * ```ts
 * import { about, criticalPath, defineSchedule, solve } from '@maslul/timing';
 *
 * const plan = solve(
 *   defineSchedule({
 *     plan: { duration: about(6, 'months') },
 *     review: { duration: about(9, 'months') },
 *     decision: { after: ['plan', 'review'] },
 *   }),
 *   { start: '2027-01-04' },
 * );
 * criticalPath(plan, 'decision'); // ['review', 'decision']
 * ```
 * @category Solver
 */
export function criticalPath<Id extends string>(plan: Plan<Id>, target?: Id | undefined): Id[] {
  // On a tie the later step in plan order wins: it is the one the others lead to.
  const last = plan.order.reduce((a, b) => (plan.steps[b].finish >= plan.steps[a].finish ? b : a));
  const end = target ?? last;
  if (!(end in plan.steps)) {
    fail({
      code: 'unknown-step',
      path: ['target'],
      rule: 'timing.known-reference',
      step: end,
      message: `The target "${end}" is not a step of this plan.`,
    });
  }
  const path: Id[] = [end];
  let basis = plan.steps[end].basis;
  while (basis.kind === 'relation') {
    const previous = basis.relation.step;
    path.unshift(previous);
    basis = plan.steps[previous].basis;
  }
  return path;
}
