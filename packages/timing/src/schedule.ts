import { type Duration, type DurationInput, exactly, toDuration } from './duration.js';
import { type Issue, TimingError, throwIfIssues } from './errors.js';
import { type PlainDate, tryDayOf } from './plain-date.js';
import {
  type Recurrence,
  type RecurrenceInput,
  type RecurrenceRule,
  toRecurrence,
} from './recurrence.js';

/**
 * What a step waits for: another step's id (it starts when that one finishes), or
 * `{ step, lag, from }`: `lag` after the other step's finish (`from: 'finish'`, the default:
 * finish-to-start) or its start (`from: 'start'`: start-to-start). Several make a join: the
 * step waits for the latest of them.
 *
 * @example
 * ```ts
 * import { about, type Dependency } from '@maslul/timing';
 *
 * const afterConference: Dependency<'S4'> = { step: 'S4', lag: about(1, 'months') };
 * const withMapping: Dependency<'S2'> = { step: 'S2', from: 'start' };
 * ```
 * @category Schedules
 */
export type Dependency<Id extends string = string> =
  | Id
  | {
      readonly step: Id;
      readonly lag?: DurationInput | undefined;
      readonly from?: 'finish' | 'start' | undefined;
    };

/**
 * One step of a schedule. A step is a milestone (one day) unless it has a `duration` (a span,
 * like mapping: about 3 months), an `until` (a span to a fixed date) or a `repeat` (a series,
 * like four team meetings two weeks apart). Without `after` it starts at the program start. A
 * milestone `on` a date, or a span `until` one, is pinned there: a published deadline that
 * neither the relations nor the calendar move (a plan warns when it falls on a day off).
 *
 * @example
 * ```ts
 * import { about, type ScheduleStepDefinition } from '@maslul/timing';
 *
 * const mapping: ScheduleStepDefinition<'S1'> = {
 *   label: 'Mapping',
 *   after: 'S1',
 *   duration: about(3, 'months'),
 * };
 * ```
 * @category Schedules
 */
export interface ScheduleStepDefinition<Id extends string = string> {
  /** What the step waits for; several make a join (the latest wins). */
  readonly after?: Dependency<Id> | readonly Dependency<Id>[] | undefined;
  /** Makes the step a span of this length. */
  readonly duration?: DurationInput | undefined;
  /** Makes the step a series of occurrences. */
  readonly repeat?: RecurrenceInput | undefined;
  /** Pins a milestone to this date: the calendar does not move it, nor do its relations. */
  readonly on?: PlainDate | undefined;
  /** Makes the step a span that finishes on this fixed date (instead of after a duration). */
  readonly until?: PlainDate | undefined;
  /** A name for people. */
  readonly label?: string | undefined;
  /** The track or group the step belongs to (a Gantt lane). */
  readonly group?: string | undefined;
}

/**
 * The steps of a schedule by id; each may refer only to ids of the same schedule.
 *
 * @example
 * ```ts
 * import type { ScheduleDefinition } from '@maslul/timing';
 *
 * const steps: ScheduleDefinition<'kickoff' | 'review'> = {
 *   kickoff: {},
 *   review: { after: { step: 'kickoff', lag: 'P2W' } },
 * };
 * ```
 * @category Schedules
 */
export type ScheduleDefinition<Id extends string = string> = {
  readonly [K in Id]: ScheduleStepDefinition<Id>;
};

/**
 * A milestone is one day; a span runs for a duration; a series is a list of occurrences.
 *
 * @example
 * ```ts
 * import type { ScheduleStepKind } from '@maslul/timing';
 *
 * const kind: ScheduleStepKind = 'series';
 * ```
 * @category Schedules
 */
export type ScheduleStepKind = 'milestone' | 'span' | 'series';

/**
 * A checked relation: the step it waits for, from that step's finish or start, and the lag.
 *
 * @example
 * ```ts
 * import { defineSchedule } from '@maslul/timing';
 *
 * const schedule = defineSchedule({ a: {}, b: { after: { step: 'a', lag: 'P2W' } } });
 * schedule.steps.b.after[0]?.type; // 'finish-to-start'
 * ```
 * @category Schedules
 */
export interface Relation<Id extends string = string> {
  readonly step: Id;
  readonly type: 'finish-to-start' | 'start-to-start';
  readonly lag: Duration;
}

/**
 * A checked step: its kind, relations, and duration or recurrence.
 *
 * @example
 * ```ts
 * import { defineSchedule } from '@maslul/timing';
 *
 * const schedule = defineSchedule({ a: {}, b: { after: 'a', duration: 'P3M' } });
 * schedule.steps.b.kind; // 'span'
 * ```
 * @category Schedules
 */
export interface ScheduledStep<Id extends string = string> {
  readonly id: Id;
  readonly kind: ScheduleStepKind;
  readonly label: string;
  readonly group: string | undefined;
  readonly after: readonly Relation<Id>[];
  readonly duration: Duration | undefined;
  /** The series' recurrence. */
  readonly repeat: RecurrenceRule | undefined;
  /** The fixed date: a milestone's (`on`) or a span's finish (`until`); undefined for most. */
  readonly fixed?: PlainDate | undefined;
}

/**
 * A checked schedule: its steps in an order where every step comes after what it waits for.
 * Build one with {@link defineSchedule}; plan it with `solve`.
 *
 * @example
 * ```ts
 * import { defineSchedule } from '@maslul/timing';
 *
 * const schedule = defineSchedule({ b: { after: 'a' }, a: {} });
 * schedule.order; // ['a', 'b']
 * ```
 * @category Schedules
 */
export interface Schedule<Id extends string = string> {
  readonly steps: { readonly [K in Id]: ScheduledStep<Id> };
  /** Every id, each after all the steps it waits for. */
  readonly order: readonly Id[];
}

const STEP_FIELDS = new Set(['after', 'duration', 'repeat', 'on', 'until', 'label', 'group']);
const DEPENDENCY_FIELDS = new Set(['step', 'lag', 'from']);
const NO_LAG = /* @__PURE__ */ exactly(0, 'days');

type Path = readonly (string | number)[];

function collect(issues: Issue[], run: () => void): void {
  try {
    run();
  } catch (error) {
    if (error instanceof TimingError) issues.push(...error.issues);
    else throw error;
  }
}

function unknownFields(
  value: object,
  allowed: ReadonlySet<string>,
  path: Path,
  step: string,
  issues: Issue[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) {
      issues.push({
        code: 'unknown-field',
        path: [...path, key],
        rule: 'timing.known-field',
        step,
        message: `Step "${step}" has field "${key}", which is not one of ${[...allowed].map((f) => `"${f}"`).join(', ')}.`,
      });
    }
  }
}

function toRelation(
  dependency: unknown,
  path: Path,
  step: string,
  ids: ReadonlySet<string>,
  issues: Issue[],
): Relation | undefined {
  const spec = typeof dependency === 'string' ? { step: dependency } : dependency;
  if (
    typeof spec !== 'object' ||
    spec === null ||
    typeof (spec as { step?: unknown }).step !== 'string'
  ) {
    issues.push({
      code: 'invalid-dependency',
      path,
      rule: 'timing.dependency',
      step,
      message: `Step "${step}" waits for ${JSON.stringify(dependency)}; give a step id or { step, lag, from }.`,
    });
    return undefined;
  }
  const { step: other, lag, from } = spec as { step: string; lag?: unknown; from?: unknown };
  unknownFields(spec, DEPENDENCY_FIELDS, path, step, issues);
  if (!ids.has(other)) {
    const known = [...ids].filter((id) => id !== step).slice(0, 12);
    issues.push({
      code: 'unknown-step',
      path: [...path, 'step'],
      rule: 'timing.known-reference',
      step,
      message: `Step "${step}" waits for "${other}", which is not a step of this schedule. Known steps: ${known.map((id) => `"${id}"`).join(', ')}.`,
    });
  }
  if (from !== undefined && from !== 'finish' && from !== 'start') {
    issues.push({
      code: 'invalid-dependency',
      path: [...path, 'from'],
      rule: 'timing.dependency',
      step,
      message: `Step "${step}" waits from ${JSON.stringify(from)} of "${other}"; use "finish" (the default) or "start".`,
    });
  }
  let duration: Duration = NO_LAG;
  if (lag !== undefined)
    collect(issues, () => (duration = toDuration(lag, [...path, 'lag'], step)));
  return {
    step: other,
    type: from === 'start' ? 'start-to-start' : 'finish-to-start',
    lag: duration,
  };
}

function toStep(
  id: string,
  definition: unknown,
  ids: ReadonlySet<string>,
  issues: Issue[],
): ScheduledStep {
  const path: Path = ['steps', id];
  const spec = (
    typeof definition === 'object' && definition !== null ? definition : {}
  ) as ScheduleStepDefinition;
  if (spec !== definition) {
    issues.push({
      code: 'invalid-step',
      path,
      rule: 'timing.step',
      step: id,
      message: `Step "${id}" is ${JSON.stringify(definition)}; give an object such as { after: "S0" }.`,
    });
  }
  unknownFields(spec, STEP_FIELDS, path, id, issues);
  const list =
    spec.after === undefined ? [] : Array.isArray(spec.after) ? spec.after : [spec.after];
  const after = list.flatMap((dependency, i) => {
    const relationPath = Array.isArray(spec.after) ? [...path, 'after', i] : [...path, 'after'];
    return toRelation(dependency, relationPath, id, ids, issues) ?? [];
  });
  if (spec.duration !== undefined && spec.repeat !== undefined) {
    issues.push({
      code: 'invalid-step',
      path: [...path, 'repeat'],
      rule: 'timing.step',
      step: id,
      message: `Step "${id}" has both a duration and a repeat; a step is a span or a series, not both.`,
    });
  }
  let duration: Duration | undefined;
  let repeat: Recurrence | undefined;
  if (spec.duration !== undefined) {
    collect(issues, () => (duration = toDuration(spec.duration, [...path, 'duration'], id)));
  }
  if (spec.repeat !== undefined) {
    collect(issues, () => (repeat = toRecurrence(spec.repeat, [...path, 'repeat'], id)));
  }
  const fixed = fixedDateOf(spec, path, id, issues);
  for (const field of ['label', 'group'] as const) {
    if (spec[field] !== undefined && typeof spec[field] !== 'string') {
      issues.push({
        code: 'invalid-step',
        path: [...path, field],
        rule: 'timing.step',
        step: id,
        message: `Step "${id}" has ${field} ${JSON.stringify(spec[field])}; give a string.`,
      });
    }
  }
  const kind: ScheduleStepKind = repeat
    ? 'series'
    : duration || spec.until !== undefined
      ? 'span'
      : 'milestone';
  const step = { id, kind, label: spec.label ?? id, group: spec.group, after, duration, repeat };
  return fixed === undefined ? step : { ...step, fixed };
}

/** Checks `on` and `until`: a real date, on the kind of step it pins. */
function fixedDateOf(
  spec: ScheduleStepDefinition,
  path: Path,
  id: string,
  issues: Issue[],
): PlainDate | undefined {
  const { on, until } = spec;
  const bad = (field: string, why: string): undefined => {
    issues.push({
      code: 'invalid-step',
      path: [...path, field],
      rule: 'timing.fixed-date',
      step: id,
      message: `Step "${id}" ${why}.`,
    });
    return undefined;
  };
  if (on !== undefined && until !== undefined)
    return bad(
      'until',
      'has both "on" and "until"; a milestone is on a date, a span runs until one',
    );
  if (on !== undefined && (spec.duration !== undefined || spec.repeat !== undefined))
    return bad(
      'on',
      'is a span or a series, so it cannot be "on" one date; a span may run "until" a date',
    );
  if (until !== undefined && spec.duration !== undefined)
    return bad(
      'until',
      'has both a duration and "until"; give one: the span runs for its duration or until its fixed date',
    );
  if (until !== undefined && spec.repeat !== undefined)
    return bad('until', "is a series; end it with its RRULE's COUNT or UNTIL instead");
  const field = on !== undefined ? 'on' : 'until';
  const value = on ?? until;
  if (value === undefined) return undefined;
  if (tryDayOf(value) === undefined) {
    issues.push({
      code: 'invalid-date',
      path: [...path, field],
      rule: 'timing.plain-date',
      step: id,
      message: `Step "${id}" is fixed ${field} ${JSON.stringify(value)}, which is not a date between 1900 and 2200. Write it as "YYYY-MM-DD", e.g. "2027-03-31".`,
    });
    return undefined;
  }
  return value;
}

/** Orders steps so each follows what it waits for; reports one cycle by name if there is one. */
function topologicalOrder(steps: readonly ScheduledStep[]): string[] | Issue {
  const waiting = new Map<string, number>();
  const successors = new Map<string, string[]>();
  for (const step of steps) {
    waiting.set(step.id, step.after.length);
    for (const relation of step.after) {
      const list = successors.get(relation.step) ?? [];
      list.push(step.id);
      successors.set(relation.step, list);
    }
  }
  const order: string[] = steps.filter((s) => s.after.length === 0).map((s) => s.id);
  for (let i = 0; i < order.length; i++) {
    for (const next of successors.get(order[i] as string) ?? []) {
      const left = (waiting.get(next) ?? 0) - 1;
      waiting.set(next, left);
      if (left === 0) order.push(next);
    }
  }
  if (order.length === steps.length) return order;
  const byId = new Map(steps.map((s) => [s.id, s]));
  const inCycle = steps.find((s) => (waiting.get(s.id) ?? 0) > 0) as ScheduledStep;
  // Walk back along unfinished relations until a step repeats: that loop is a cycle.
  const seen: string[] = [];
  let current = inCycle.id;
  while (!seen.includes(current)) {
    seen.push(current);
    const back = byId.get(current)?.after.find((r) => (waiting.get(r.step) ?? 0) > 0);
    current = back?.step ?? current;
  }
  const cycle = seen.slice(seen.indexOf(current)).reverse();
  const names = [...cycle, cycle[0]].map((id) => `"${id}"`).join(' -> ');
  return {
    code: 'cycle',
    path: ['steps', cycle[0] as string, 'after'],
    rule: 'timing.no-cycle',
    step: cycle[0],
    message: `Steps ${names} form a cycle: each waits for the next. Remove one of these relations.`,
  };
}

/**
 * Checks a schedule and infers its step ids: a reference to a step that does not exist is a
 * compile error, and at run time (for untyped input) a {@link TimingError} that names the step,
 * as are cycles, bad durations, series without an end and unknown fields.
 *
 * @param steps - the steps by id
 * @returns the checked schedule
 * @throws TimingError with every issue found (`unknown-step`, `cycle`, `invalid-duration`,
 *   `negative-duration`, `unbounded-series`, `invalid-recurrence`, `unknown-field`, ...)
 *
 * @example
 * ```ts
 * import { about, defineSchedule } from '@maslul/timing';
 *
 * const strategy = defineSchedule({
 *   S0: { label: 'Scope set' },
 *   S1: { label: 'Shaping committee 1', after: { step: 'S0', lag: about(2, 'weeks') } },
 *   S2: { label: 'Mapping', after: 'S1', duration: about(3, 'months') },
 * });
 * strategy.order; // ['S0', 'S1', 'S2']
 * ```
 * @category Schedules
 */
export function defineSchedule<
  const T extends { readonly [K in keyof T]: ScheduleStepDefinition<Extract<keyof T, string>> },
>(steps: T): Schedule<Extract<keyof T, string>> {
  type Id = Extract<keyof T, string>;
  const issues: Issue[] = [];
  if (typeof steps !== 'object' || steps === null || Object.keys(steps).length === 0) {
    issues.push({
      code: 'empty-schedule',
      path: ['steps'],
      rule: 'timing.step',
      message: 'A schedule needs at least one step, e.g. defineSchedule({ start: {} }).',
    });
  }
  const ids = new Set(Object.keys(steps ?? {}));
  const list = [...ids].map((id) =>
    toStep(id, (steps as Record<string, unknown>)[id], ids, issues),
  );
  throwIfIssues(issues);
  const order = topologicalOrder(list);
  if (!Array.isArray(order)) throwIfIssues([order]);
  const byId = Object.fromEntries(list.map((step) => [step.id, Object.freeze(step)]));
  return Object.freeze({
    steps: Object.freeze(byId) as unknown as Schedule<Id>['steps'],
    order: Object.freeze(order as Id[]),
  });
}
