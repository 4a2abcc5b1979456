import { fail } from './errors.js';
import type { Move, Plan, PlannedStep } from './plan.js';

function name(step: PlannedStep): string {
  return step.label === step.id ? `"${step.id}"` : `"${step.id}" (${step.label})`;
}

function moveText(move: Move | undefined, what: string): string {
  if (!move) return '';
  const days = move.closures.map((c) => `${c.date} (${c.name})`).join(', ');
  return ` The ${what} moved from ${move.from} to ${move.to}, the next working day, past ${days}.`;
}

function startText(plan: Plan, step: PlannedStep): string {
  const { basis } = step;
  switch (basis.kind) {
    case 'recorded':
      if (step.recorded.skipped) return `${name(step)} was skipped on ${step.start}.`;
      // A one-day step happens; a span or a series starts.
      return step.kind === 'milestone'
        ? `${name(step)} is recorded on ${step.start}.`
        : `${name(step)} is recorded as started on ${step.start}.`;
    case 'fixed':
      return `${name(step)} is fixed on ${basis.date}: a date the plan and the calendar do not move.`;
    case 'program-start':
      return `${name(step)} waits for nothing, so it starts at the program start, ${basis.date}.${moveText(basis.moved, 'start')}`;
    case 'relation': {
      const other = plan.steps[basis.relation.step];
      const edge = basis.relation.type === 'start-to-start' ? 'starts' : 'finishes';
      const lag = basis.relation.lag.nominal;
      const when =
        lag.months === 0 && lag.days === 0 && !lag.workingDays
          ? `when ${name(other as PlannedStep)} ${edge} (${basis.anchor})`
          : `${basis.relation.lag.text} after ${name(other as PlannedStep)} ${edge} (${basis.anchor}), which gives ${basis.date}`;
      const joined = basis.others.length
        ? ` It also waits for ${basis.others.map((o) => `"${o.step}" (${o.date})`).join(', ')}, which ${basis.others.length === 1 ? 'comes' : 'come'} no later.`
        : '';
      return `${name(step)} is planned for ${step.start}: ${when}.${joined}${moveText(basis.moved, 'start')}`;
    }
  }
}

function finishText(step: PlannedStep): string {
  if (step.kind === 'milestone' || step.recorded.skipped) return '';
  if (step.recorded.finish) return ` It is recorded as finished on ${step.finish}.`;
  if (step.kind === 'series') {
    const dates = (step.occurrences ?? []).map((o) => (o.recorded ? `${o.date} (held)` : o.date));
    return ` It meets ${dates.length} times: ${dates.join(', ')}.`;
  }
  if (step.fixed !== undefined) return ` It runs to ${step.finish}, its fixed date.`;
  return ` It runs to ${step.finish}.${moveText(step.finishMoved, 'finish')}`;
}

/**
 * Why a step is planned when it is, in a few sentences: the relation that set its date (or the
 * program start, or a recorded fact), the other inputs of a join, the days off it was moved
 * past and the window it may fall in.
 *
 * @param plan - a plan from `solve`
 * @param id - the step
 * @returns the explanation, in English
 * @throws TimingError `unknown-step` when the step is not in the plan
 *
 * @example
 * ```ts
 * import { about, defineSchedule, explain, solve } from '@maslul/timing';
 *
 * const plan = solve(
 *   defineSchedule({
 *     S3: { label: 'Shaping committee 2' },
 *     S4: { label: 'Launch conference', after: { step: 'S3', lag: about(2, 'weeks') } },
 *   }),
 *   { start: '2027-01-06' },
 * );
 * explain(plan, 'S4');
 * // '"S4" (Launch conference) is planned for 2027-01-20: about 2 weeks after "S3" (Shaping
 * // committee 2) finishes (2027-01-06), which gives 2027-01-20. It may start from 2027-01-18
 * // to 2027-01-25.'
 * ```
 * @category Solver
 */
export function explain<Id extends string>(plan: Plan<Id>, id: NoInfer<Id>): string {
  const step = plan.steps[id] as PlannedStep | undefined;
  if (!step) {
    fail({
      code: 'unknown-step',
      path: ['id'],
      rule: 'timing.known-reference',
      step: id,
      message: `"${id}" is not a step of this plan.`,
    });
  }
  const window = step.recorded.start
    ? ''
    : ` It may start from ${step.window.earliest} to ${step.window.latest}.`;
  return `${startText(plan as Plan, step)}${finishText(step)}${window}`;
}
