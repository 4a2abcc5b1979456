import type { Closure } from './calendar.js';
import type { PlainDate } from './plain-date.js';
import type { Relation, ScheduleStepKind } from './schedule.js';

/**
 * The earliest and latest dates a step may fall on, from the windows of every duration before it.
 *
 * @example
 * ```ts
 * import type { DateWindow } from '@maslul/timing';
 *
 * const window: DateWindow = { earliest: '2027-01-06', latest: '2027-01-14' };
 * ```
 * @category Solver
 */
export interface DateWindow {
  readonly earliest: PlainDate;
  readonly latest: PlainDate;
}

/**
 * A date moved off non-working days, and the days it skipped with why each was closed.
 *
 * @example
 * ```ts
 * import type { Move } from '@maslul/timing';
 *
 * const move: Move = {
 *   from: '2027-01-08',
 *   to: '2027-01-10',
 *   closures: [
 *     { date: '2027-01-08', kind: 'weekend', name: 'Friday' },
 *     { date: '2027-01-09', kind: 'weekend', name: 'Saturday' },
 *   ],
 * };
 * ```
 * @category Solver
 */
export interface Move {
  readonly from: PlainDate;
  readonly to: PlainDate;
  readonly closures: readonly Closure[];
}

/**
 * Why a step starts when it does: the program start, a relation (the latest of its inputs), a
 * recorded fact, or a fixed date; plus the move off non-working days, if any.
 *
 * @example
 * ```ts
 * import { defineSchedule, solve } from '@maslul/timing';
 *
 * const plan = solve(defineSchedule({ a: {}, b: { after: { step: 'a', lag: 'P2W' } } }), {
 *   start: '2027-01-04',
 * });
 * const basis = plan.steps.b.basis;
 * if (basis.kind === 'relation') basis.relation.step; // 'a'
 * ```
 * @category Solver
 */
export type Basis<Id extends string = string> =
  | { readonly kind: 'program-start'; readonly date: PlainDate; readonly moved: Move | undefined }
  | {
      readonly kind: 'relation';
      /** The relation that set the date (the latest of the step's inputs). */
      readonly relation: Relation<Id>;
      /** The other step's finish (or start) the lag counts from. */
      readonly anchor: PlainDate;
      /** Anchor plus lag, before any move. */
      readonly date: PlainDate;
      readonly moved: Move | undefined;
      /** The step's other inputs (a join) and the dates they gave, all no later than `date`. */
      readonly others: readonly { readonly step: Id; readonly date: PlainDate }[];
    }
  | { readonly kind: 'recorded'; readonly date: PlainDate }
  /** A milestone pinned to its date (`on`): nothing moves it, so `moved` is always undefined. */
  | { readonly kind: 'fixed'; readonly date: PlainDate; readonly moved: undefined };

/**
 * One occurrence of a series: its date and whether it was held (recorded) or is planned.
 *
 * @example
 * ```ts
 * import type { Occurrence } from '@maslul/timing';
 *
 * const meeting: Occurrence = { date: '2027-02-07', recorded: true };
 * ```
 * @category Solver
 */
export interface Occurrence {
  readonly date: PlainDate;
  readonly recorded: boolean;
}

/**
 * One step of a plan: its dates, windows, slack, whether it is critical, and why.
 *
 * @example
 * ```ts
 * import { defineSchedule, solve } from '@maslul/timing';
 *
 * const plan = solve(defineSchedule({ a: {}, b: { after: 'a', duration: 'P3M' } }), {
 *   start: '2027-01-04',
 * });
 * plan.steps.b.finish; // '2027-04-05'
 * plan.steps.b.critical; // true
 * ```
 * @category Solver
 */
export interface PlannedStep<Id extends string = string> {
  readonly id: Id;
  readonly kind: ScheduleStepKind;
  readonly label: string;
  readonly group: string | undefined;
  /** The planned (or recorded) first day. */
  readonly start: PlainDate;
  /** The planned (or recorded) last day; a milestone's is its start. */
  readonly finish: PlainDate;
  /** When the step may start, from every window before it. */
  readonly window: DateWindow;
  /** When the step may finish. */
  readonly finishWindow: DateWindow;
  /** A series' occurrences, held ones first; undefined for milestones and spans. */
  readonly occurrences: readonly Occurrence[] | undefined;
  /** The steps it waits for. */
  readonly dependsOn: readonly Id[];
  /** Which of its dates are recorded facts; `skipped` when it was skipped (on its finish). */
  readonly recorded: {
    readonly start: boolean;
    readonly finish: boolean;
    readonly skipped?: boolean | undefined;
  };
  /**
   * Calendar days the start may slip without moving the plan's target; null if it leads to no
   * target. A step on the critical path may still have slack when a weekend or holiday after it
   * would absorb a short slip.
   */
  readonly slack: number | null;
  /** On the critical path: the chain of driving relations that sets a target's date. */
  readonly critical: boolean;
  /** Why it starts when it does. */
  readonly basis: Basis<Id>;
  /** Set when the finish was moved off non-working days. */
  readonly finishMoved: Move | undefined;
  /** The fixed date (a milestone's `on`, a span's `until`), when the step has one. */
  readonly fixed?: PlainDate | undefined;
}

/**
 * A warning about the facts or the plan that does not stop planning.
 *
 * @example
 * ```ts
 * import type { PlanWarning } from '@maslul/timing';
 *
 * const warning: PlanWarning = {
 *   code: 'recorded-before-predecessor',
 *   step: 'S4',
 *   message: 'Step "S4" is recorded as started on 2027-01-03, before "S3" finishes (2027-01-05).',
 * };
 * ```
 * @category Solver
 */
export interface PlanWarning {
  readonly code:
    | 'recorded-before-predecessor'
    | 'empty-series'
    | 'fixed-on-day-off'
    | 'fixed-before-predecessor';
  readonly step: string;
  readonly message: string;
}

/**
 * A solved schedule: every step planned from the program start and the facts so far.
 *
 * @example
 * ```ts
 * import { defineSchedule, solve } from '@maslul/timing';
 *
 * const plan = solve(defineSchedule({ a: {}, b: { after: { step: 'a', lag: 'P2W' } } }), {
 *   start: '2027-01-04',
 * });
 * plan.finish; // '2027-01-18'
 * plan.order; // ['a', 'b']
 * ```
 * @category Solver
 */
export interface Plan<Id extends string = string> {
  /** The program start. */
  readonly start: PlainDate;
  /** The latest finish of any step. */
  readonly finish: PlainDate;
  /** The steps slack and the critical path lead to (by default, those that finish last). */
  readonly targets: readonly Id[];
  /** The calendar's id and time zone. */
  readonly calendar: { readonly id: string; readonly timeZone: string };
  readonly steps: { readonly [K in Id]: PlannedStep<Id> };
  /** Step ids, each after what it waits for. */
  readonly order: readonly Id[];
  readonly warnings: readonly PlanWarning[];
}
