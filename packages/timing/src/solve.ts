import { basisOf, moveOf } from './basis.js';
import type { WorkCalendar } from './calendar.js';
import { fail } from './errors.js';
import type { Facts } from './facts.js';
import { MILESTONE, SERIES, SPAN } from './model.js';
import { passesOf } from './passes.js';
import { inDateRange, plainDateOf } from './plain-date.js';
import type { DateWindow, Occurrence, Plan, PlannedStep } from './plan.js';
import { type Prepared, prepare } from './prepare.js';
import type { Pass } from './propagate.js';
import type { Schedule } from './schedule.js';
import { warningsOf } from './warnings.js';

/**
 * What to plan from: the program start, the work calendar, the facts recorded so far, and the
 * steps slack is measured to.
 *
 * @example
 * ```ts
 * import { mondayToFriday, type SolveOptions } from '@maslul/timing';
 *
 * const options: SolveOptions<'S0' | 'S1'> = {
 *   start: '2026-09-01',
 *   calendar: mondayToFriday,
 *   facts: { S0: '2026-09-01' },
 *   target: 'S1',
 * };
 * ```
 * @category Solver
 */
export interface SolveOptions<Id extends string = string> {
  /** The program start: steps that wait for nothing start here (or the next working day). */
  readonly start: string;
  /** Which days are working days; {@link mondayToFriday} by default. */
  readonly calendar?: WorkCalendar | undefined;
  /** What happened so far; each fact re-plans the steps after it. */
  readonly facts?: Facts<Id> | undefined;
  /**
   * The step(s) slack and the critical path lead to: each keeps its planned finish. By default,
   * the program's end: every step must finish by the latest planned finish of any step, and the
   * steps that finish that day are the targets.
   */
  readonly target?: Id | readonly Id[] | undefined;
}

type Recorded = PlannedStep['recorded'];
/** The four ways a step can be recorded, and skipped, shared by every plan. */
const RECORDED: readonly Recorded[] = [
  Object.freeze({ start: false, finish: false }),
  Object.freeze({ start: true, finish: false }),
  Object.freeze({ start: false, finish: true }),
  Object.freeze({ start: true, finish: true }),
];
const SKIPPED: Recorded = Object.freeze({ start: true, finish: true, skipped: true });

function occurrencesOf(p: Prepared, nominal: Pass, i: number): Occurrence[] | undefined {
  const days = nominal.occurrences[i];
  if (!days) return undefined;
  const held = p.facts[i]?.occurrences.length ?? 0;
  return days.map((day, k) => ({ date: plainDateOf(day), recorded: k < held }));
}

/**
 * A window from the early and late passes. It is widened to hold the planned date: an RRULE with
 * BYDAY and an INTERVAL, or a monthly one by date, can start earlier from a later day.
 */
function windowOf(early: Int32Array, nominal: Int32Array, late: Int32Array, i: number): DateWindow {
  const planned = nominal[i] as number;
  return {
    earliest: plainDateOf(Math.min(early[i] as number, planned)),
    latest: plainDateOf(Math.max(late[i] as number, planned)),
  };
}

/**
 * Refuses a plan whose latest dates leave the range of dates the timing model accepts as input
 * (1900-2200): a plan must not give a date it would refuse as a start or a fact.
 */
function assertInRange(p: Prepared, late: Pass): void {
  for (let i = 0; i < p.model.ids.length; i++) {
    const day = late.finish[i] as number;
    if (inDateRange(day)) continue;
    const id = p.model.ids[i] as string;
    fail({
      code: 'invalid-date',
      path: ['steps', id],
      rule: 'timing.plain-date',
      step: id,
      message: `Step "${id}" would be planned to finish as late as ${Math.abs(day) < 1e8 ? plainDateOf(day) : 'past the year 200,000'}, which is not a date between 1900 and 2200. Start the program earlier, or shorten the chain of steps before "${id}".`,
    });
  }
}

/**
 * Plans every step forward from the program start and the facts recorded so far: planned dates,
 * earliest/latest windows, slack and the critical path to the target, and why each date is what
 * it is. Pure: the same schedule, options and facts always give the same plan, and recording a
 * fact moves only the steps after it.
 *
 * @param schedule - a schedule from {@link defineSchedule}
 * @param options - start, calendar, facts and target
 * @returns the plan
 * @throws TimingError `invalid-date` (also when a step would be planned past 2200), `unknown-step`
 *   (a fact or target), `invalid-fact`,
 *   `end-before-start`, `no-working-day`; nothing is planned when it throws
 *
 * @example
 * ```ts
 * import { about, defineSchedule, solve } from '@maslul/timing';
 *
 * const schedule = defineSchedule({
 *   S3: { label: 'Shaping committee 2' },
 *   S4: { label: 'Launch conference', after: { step: 'S3', lag: about(2, 'weeks') } },
 * });
 * const plan = solve(schedule, { start: '2027-01-04', facts: { S3: '2027-01-05' } });
 * plan.steps.S4.start; // '2027-01-19'
 * plan.steps.S4.window; // { earliest: '2027-01-15', latest: '2027-01-25' }
 * ```
 * @category Solver
 */
export function solve<Id extends string>(
  schedule: Schedule<Id>,
  options: SolveOptions<Id>,
): Plan<Id> {
  const p = prepare(schedule, options);
  const { nominal, early, late, targets, slack, critical } = passesOf(p, options.target);
  assertInRange(p, late);
  const steps: Record<string, PlannedStep> = {};
  const { model } = p;
  let finish = p.start;
  for (let i = 0; i < model.ids.length; i++) {
    const id = model.ids[i] as string;
    const fact = p.facts[i];
    const end = nominal.finish[i] as number;
    if (end > finish) finish = end;
    const s = slack[i] as number;
    const window = windowOf(early.start, nominal.start, late.start, i);
    steps[id] = {
      id,
      kind: model.kindNames[i] as PlannedStep['kind'],
      label: model.labels[i] as string,
      group: model.groups[i],
      start: plainDateOf(nominal.start[i] as number),
      finish: plainDateOf(end),
      window,
      // A milestone's finish is its start: one window object serves both.
      finishWindow:
        model.kind[i] === MILESTONE && fact?.finish === undefined
          ? window
          : windowOf(early.finish, nominal.finish, late.finish, i),
      occurrences: model.kind[i] === SERIES ? occurrencesOf(p, nominal, i) : undefined,
      dependsOn: model.dependsOn[i] as readonly string[],
      recorded: fact?.skipped
        ? SKIPPED
        : (RECORDED[
            (fact?.start !== undefined ? 1 : 0) + (fact?.finish !== undefined ? 2 : 0)
          ] as Recorded),
      slack: Number.isNaN(s) ? null : s,
      critical: critical[i] === 1,
      basis: basisOf(p, nominal, i),
      finishMoved:
        model.kind[i] === SPAN && fact?.finish === undefined && model.fixed[i] === undefined
          ? moveOf(p.calendar, nominal.rawFinish[i] as number, end)
          : undefined,
    };
    const fixed = model.fixed[i];
    if (fixed !== undefined)
      steps[id] = { ...(steps[id] as PlannedStep), fixed: plainDateOf(fixed) };
  }
  return {
    start: plainDateOf(p.start),
    finish: plainDateOf(finish),
    targets: targets.map((t) => p.model.steps[t]?.id as Id),
    calendar: { id: p.calendar.id, timeZone: p.calendar.timeZone },
    steps: steps as Plan<Id>['steps'],
    order: schedule.order,
    warnings: warningsOf(p, nominal),
  };
}
