import type { Duration, DurationInput } from './duration.js';
import { type Issue, throwIfIssues } from './errors.js';
import type { PlainDate } from './plain-date.js';
import type { RecurrenceInput, RecurrenceRule } from './recurrence.js';
import { toStep } from './to-step.js';
import { topologicalOrder } from './topological-order.js';

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
