import { type DayCalendar, dayCalendarOf, mondayToFriday, type WorkCalendar } from './calendar.js';
import { fail } from './errors.js';
import { checkFacts, type DayFact, type Facts } from './facts.js';
import { MILESTONE, type Model, modelOf, SERIES, SPAN } from './model.js';
import { type DayNumber, dayOf, inDateRange, plainDateOf } from './plain-date.js';
import type {
  Basis,
  DateWindow,
  Move,
  Occurrence,
  Plan,
  PlannedStep,
  PlanWarning,
} from './plan.js';
import { EARLIEST, LATEST, NOMINAL, type Pass, plusLength, propagate } from './propagate.js';
import type { Relation, Schedule } from './schedule.js';
import { slackTo } from './slack.js';

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

/** Everything a solve and a forecast check before planning, so nothing is half-computed. */
export interface Prepared {
  readonly model: Model;
  readonly calendar: DayCalendar;
  readonly start: DayNumber;
  readonly facts: (DayFact | undefined)[];
}

/** Checks the options against the schedule; throws a TimingError before any planning. */
export function prepare(schedule: Schedule, options: SolveOptions): Prepared {
  const model = modelOf(schedule);
  const start = dayOf(options.start, ['start']);
  const calendar = dayCalendarOf(options.calendar ?? mondayToFriday);
  const facts = checkFacts(schedule, options.facts);
  return { model, calendar, start, facts };
}

/** The target indices: those named, or by default the steps that finish last (the program end). */
function targetsOf(model: Model, nominal: Pass, target: SolveOptions['target']): number[] {
  if (target === undefined) {
    let end = Number.NEGATIVE_INFINITY;
    for (const day of nominal.finish) end = Math.max(end, day);
    const last: number[] = [];
    for (let i = 0; i < nominal.finish.length; i++) if (nominal.finish[i] === end) last.push(i);
    return last;
  }
  const ids: readonly string[] = typeof target === 'string' ? [target] : target;
  return ids.map((id, i) => {
    const index = model.indexOf.get(id);
    if (index === undefined) {
      fail({
        code: 'unknown-step',
        path: typeof target === 'string' ? ['target'] : ['target', i],
        rule: 'timing.known-reference',
        step: id,
        message: `The target "${id}" is not a step of this schedule.`,
      });
    }
    return index;
  });
}

const moves = new WeakMap<DayCalendar, Map<number, Move>>();

/**
 * The move from a day off to the next working day. Moves are frozen and shared, one per calendar
 * and pair of days: a plan moves many steps past the same weekends, and sharing keeps a large
 * plan small.
 */
function moveOf(calendar: DayCalendar, from: DayNumber, to: DayNumber): Move | undefined {
  if (from >= to) return undefined;
  let byDays = moves.get(calendar);
  if (!byDays) {
    byDays = new Map();
    moves.set(calendar, byDays);
  }
  const key = from * 512 + Math.min(to - from, 511);
  let move = byDays.get(key);
  if (move === undefined || move.to !== plainDateOf(to)) {
    const closures = [];
    for (let d = from; d < to; d++) {
      const closure = calendar.closedOn(d);
      if (closure) closures.push(closure);
    }
    move = Object.freeze({
      from: plainDateOf(from),
      to: plainDateOf(to),
      closures: Object.freeze(closures),
    });
    if (byDays.size > 50_000) byDays.clear();
    byDays.set(key, move);
  }
  return move;
}

const NO_OTHERS: readonly never[] = Object.freeze([]);
type Recorded = PlannedStep['recorded'];
/** The four ways a step can be recorded, and skipped, shared by every plan. */
const RECORDED: readonly Recorded[] = [
  Object.freeze({ start: false, finish: false }),
  Object.freeze({ start: true, finish: false }),
  Object.freeze({ start: false, finish: true }),
  Object.freeze({ start: true, finish: true }),
];
const SKIPPED: Recorded = Object.freeze({ start: true, finish: true, skipped: true });

function anchorOf(model: Model, nominal: Pass, e: number): DayNumber {
  const other = model.edgeOther[e] as number;
  return (model.edgeFromStart[e] ? nominal.start[other] : nominal.finish[other]) as number;
}

type RelationBasis = Extract<Basis, { kind: 'relation' }>;

function othersOf(p: Prepared, nominal: Pass, i: number, driver: number): RelationBasis['others'] {
  const { model } = p;
  const others = [];
  for (let e = model.predFrom[i] as number; e < (model.predFrom[i + 1] as number); e++) {
    if (e === driver) continue;
    const date = plainDateOf(
      plusLength(p.calendar, anchorOf(model, nominal, e), model.lags, NOMINAL, e),
    );
    others.push({ step: model.ids[model.edgeOther[e] as number] as string, date });
  }
  return others;
}

function basisOf(p: Prepared, nominal: Pass, i: number): Basis {
  const fact = p.facts[i];
  if (fact?.start !== undefined || fact?.finish !== undefined) {
    return { kind: 'recorded', date: plainDateOf(nominal.start[i] as number) };
  }
  const { model } = p;
  const fixed = model.fixed[i];
  if (fixed !== undefined && model.kind[i] === MILESTONE)
    return { kind: 'fixed', date: plainDateOf(fixed), moved: undefined };
  const raw = nominal.raw[i] as number;
  // Only the calendar moves a date; a series may start later still, on its rule's first day.
  const moved = moveOf(
    p.calendar,
    raw,
    model.kind[i] === SERIES ? p.calendar.next(raw) : (nominal.start[i] as number),
  );
  const driver = nominal.driver[i] as number;
  if (driver < 0) return { kind: 'program-start', date: plainDateOf(raw), moved };
  const joined = (model.predFrom[i + 1] as number) - (model.predFrom[i] as number) > 1;
  return {
    kind: 'relation',
    relation: model.relations[driver] as Relation,
    anchor: plainDateOf(anchorOf(model, nominal, driver)),
    date: plainDateOf(raw),
    moved,
    others: joined ? othersOf(p, nominal, i, driver) : NO_OTHERS,
  };
}

function warningsOf(p: Prepared, nominal: Pass): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const { model } = p;
  model.steps.forEach((step, i) => {
    const fact = p.facts[i];
    if (step.kind === 'series' && nominal.occurrences[i]?.length === 0 && !fact?.skipped) {
      warnings.push({
        code: 'empty-series',
        step: step.id,
        message: `Series "${step.id}" has no occurrence from ${plainDateOf(nominal.start[i] as number)}: its UNTIL is before its start.`,
      });
    }
    const fixed = model.fixed[i];
    if (fixed !== undefined) warnings.push(...fixedWarnings(p, nominal, i, fixed));
    if (fact?.start === undefined) return;
    for (let e = model.predFrom[i] as number; e < (model.predFrom[i + 1] as number); e++) {
      const other = model.edgeOther[e] as number;
      const fromStart = model.edgeFromStart[e] === 1;
      const anchor = (fromStart ? nominal.start[other] : nominal.finish[other]) as number;
      if (anchor > fact.start) {
        warnings.push({
          code: 'recorded-before-predecessor',
          step: step.id,
          message: `Step "${step.id}" is recorded as started on ${plainDateOf(fact.start)}, before "${model.ids[other]}" ${fromStart ? 'starts' : 'finishes'} (${plainDateOf(anchor)}).`,
        });
      }
    }
  });
  return warnings;
}

/** A fixed date on a day off, or before what the step waits for gives (it is not moved). */
function fixedWarnings(p: Prepared, nominal: Pass, i: number, fixed: DayNumber): PlanWarning[] {
  const id = p.model.ids[i] as string;
  const date = plainDateOf(fixed);
  const what = p.model.kind[i] === SPAN ? 'finish' : 'date';
  const warnings: PlanWarning[] = [];
  const closure = p.calendar.closedOn(fixed);
  if (closure) {
    warnings.push({
      code: 'fixed-on-day-off',
      step: id,
      message: `Step "${id}" has the fixed ${what} ${date}, a day off (${closure.name}) in calendar "${p.calendar.id}"; the calendar does not move a fixed date, so check it is meant.`,
    });
  }
  const fact = p.facts[i];
  if (fact?.start !== undefined || fact?.finish !== undefined) return warnings;
  // What the relations give: a milestone's date before its fixed date replaced it, a span's start.
  const given = nominal.raw[i] as number;
  if ((nominal.driver[i] as number) >= 0 && given > fixed) {
    const other = p.model.ids[p.model.edgeOther[nominal.driver[i] as number] as number];
    warnings.push({
      code: 'fixed-before-predecessor',
      step: id,
      message: `Step "${id}" has the fixed ${what} ${date}, but what it waits for ("${other}") gives ${plainDateOf(given)}: the plan keeps ${date}; move the fixed date or shorten what comes before.`,
    });
  }
  return warnings;
}

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
 * The steps on the chains of driving relations that end in the targets: the critical path, as
 * `criticalPath` walks it.
 */
function drivingChains(p: Prepared, nominal: Pass, targets: readonly number[]): Uint8Array {
  // One flag per step, not a Set: on a 10,000-step plan a Set's table was an eighth of what a
  // solve allocated.
  const chain = new Uint8Array(p.model.ids.length);
  for (const target of targets) {
    let i = target;
    while (chain[i] !== 1) {
      chain[i] = 1;
      const fact = p.facts[i];
      const edge = nominal.driver[i] as number;
      // A fixed date is set by nobody before it, as a recorded one is.
      const fixed = p.model.fixed[i] !== undefined;
      if (edge < 0 || fixed || fact?.start !== undefined || fact?.finish !== undefined) break;
      i = p.model.edgeOther[edge] as number;
    }
  }
  return chain;
}

/** What `solve` computes before it builds the plan from it. */
export interface Passes {
  readonly nominal: Pass;
  readonly early: Pass;
  readonly late: Pass;
  readonly targets: readonly number[];
  /** Per step, calendar days of slack to the targets; NaN where none. */
  readonly slack: Float64Array;
  /** Per step, 1 when it is on the critical path. */
  readonly critical: Uint8Array;
}

/**
 * The planning: the nominal, earliest and latest forward passes, the backward pass for slack, and
 * the critical chain. The bench times it apart from the objects `solve` builds from it.
 */
export function passesOf(p: Prepared, target: SolveOptions['target']): Passes {
  const nominal = propagate(p.model, p.calendar, p.start, p.facts, NOMINAL);
  const targets = targetsOf(p.model, nominal, target);
  const early = propagate(p.model, p.calendar, p.start, p.facts, EARLIEST);
  const late = propagate(p.model, p.calendar, p.start, p.facts, LATEST);
  const programEnd = target === undefined ? nominal.finish[targets[0] as number] : undefined;
  const slack = slackTo(p.model, p.calendar, nominal, p.facts, targets, programEnd);
  const critical = drivingChains(p, nominal, targets);
  return { nominal, early, late, targets, slack, critical };
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
