import type { Dependency, Duration, Label, PlainDate, RecurrenceInput } from '@maslul/timing';
import type * as z from 'zod';
import type { ItemRecord } from './item-checks.js';

/**
 * What a step is. Milestones, meetings, reviews and decisions are recorded once; a span is
 * started and finished; a series is recorded once per occurrence.
 *
 * @example
 * ```ts
 * import type { StepKind } from '@maslul/core';
 *
 * const kind: StepKind = 'meeting';
 * ```
 * @category Program
 */
export type StepKind = 'milestone' | 'meeting' | 'review' | 'decision' | 'span' | 'series';

/**
 * A payload schema: any zod schema. Steps without one take no payload.
 *
 * @example
 * ```ts
 * import * as z from 'zod';
 * import type { Schema } from '@maslul/core';
 *
 * const scope: Schema = z.object({ channels: z.array(z.string()).min(1) });
 * ```
 * @category Program
 */
export type Schema = z.ZodType;

/**
 * What a rule sees when it is checked: the event's payload and date, the payloads recorded so far
 * by step id (the last one of each; a span's is its finish payload), the items of the run, and
 * who sends the event.
 *
 * @example
 * ```ts
 * import type { RuleInput } from '@maslul/core';
 *
 * const input: RuleInput<{ challenges: string[] }> = {
 *   payload: { challenges: ['a', 'b', 'c', 'd', 'e'] },
 *   recorded: { S0: { channels: ['social'] } },
 *   date: '2026-09-22',
 *   items: {},
 *   actor: { id: 'shaping-committee', roles: ['shapingCommittee'] },
 *   workingDay: true,
 *   fixed: {},
 *   dates: { S0: { started: '2026-09-07', finished: '2026-09-07' } },
 * };
 * ```
 * @category Rules
 */
export interface RuleInput<P, Step extends string = string> {
  readonly payload: P;
  readonly recorded: { readonly [step: string]: unknown };
  /** The plain date of the event being checked, in the calendar's time zone. */
  readonly date: PlainDate;
  /** The items created so far, by id: kind, state, data and events. */
  readonly items: { readonly [item: string]: ItemRecord };
  /** Who sends the event: their id and roles. */
  readonly actor: { readonly id: string; readonly roles: readonly string[] };
  /** Whether `date` is a working day of the instance's calendar. */
  readonly workingDay: boolean;
  /**
   * The program's fixed dates by step id (a milestone's `on`, a span's `until`), so a rule can
   * say "no application after the published deadline".
   */
  readonly fixed: { readonly [step: string]: PlainDate };
  /**
   * The recorded dates of the steps declared before this one, by step id (a one-time step's
   * `started` and `finished` are the day it was recorded), so a rule can say "the review is at
   * least 5 days after the call closed". A step not recorded yet is absent; a step the program
   * does not declare before this one does not compile.
   */
  readonly dates: { readonly [K in Step]?: StepDates };
}

/**
 * The recorded dates of a step, as rules see them: when it started and when it finished (the
 * same day for a milestone, meeting, review or decision), and whether it was skipped.
 *
 * @example
 * ```ts
 * import type { StepDates } from '@maslul/core';
 *
 * const closed: StepDates = { started: '2027-03-01', finished: '2027-03-31' };
 * ```
 * @category Rules
 */
export interface StepDates {
  readonly started?: PlainDate | undefined;
  readonly finished?: PlainDate | undefined;
  /** True when the step was skipped (`<id>.skip`): `finished` is the day it was skipped. */
  readonly skipped?: boolean | undefined;
}

/**
 * A named rule: an id to cite (`'S1'`, `'T2'`), the reason people read when it refuses, and the
 * check. A rule that returns false refuses the event; the runtime records which rules allowed or
 * refused each event.
 *
 * @example
 * ```ts
 * import type { Rule } from '@maslul/core';
 *
 * const fiveChallenges: Rule<{ challenges: string[] }> = {
 *   id: 'S1',
 *   reason: { en: 'Meeting 1 ranks exactly five focus challenges' },
 *   check: ({ payload }) => payload.challenges.length === 5,
 * };
 * ```
 * @category Rules
 */
export interface Rule<P = unknown, Step extends string = string> {
  readonly id: string;
  readonly reason: Label;
  readonly check: (input: RuleInput<P, Step>) => boolean;
}

/**
 * How a role is described.
 *
 * @example
 * ```ts
 * import type { RoleDefinition } from '@maslul/core';
 *
 * const steering: RoleDefinition = { label: { en: 'Steering committee', he: 'ועדת היגוי' } };
 * ```
 * @category Program
 */
export interface RoleDefinition {
  readonly label: Label;
}

/**
 * The options every step takes: label, roles, timing, payload and rules.
 *
 * @example
 * ```ts
 * import type { StepOptions } from '@maslul/core';
 *
 * const options: StepOptions<'manager', 'kickoff', undefined> = { label: 'Review', by: ['manager'], after: 'P2W' };
 * ```
 * @category Program
 */
export interface StepOptions<
  Role extends string,
  Ref extends string,
  P extends Schema | undefined,
> {
  /** A name for people. */
  readonly label: Label;
  /** The roles that may record it. At least one: nothing is open by default. */
  readonly by: readonly [Role, ...Role[]];
  /**
   * When it is due: a duration after the previous step of its track (the default: right after
   * it), or relations to steps declared before it (`{ step, lag, from }`, several for a join).
   */
  readonly after?:
    | Duration
    | `P${string}`
    | Dependency<Ref>
    | readonly Dependency<Ref>[]
    | undefined;
  /** The payload recording it needs (for a span: finishing it). */
  readonly payload?: P;
  /** Rules checked when it is recorded. */
  readonly rules?: readonly Rule<P extends Schema ? z.output<P> : undefined, Ref>[] | undefined;
  /**
   * `'record'`: when it is overdue (its window closed unrecorded), the timer worker records it
   * by `TIMER_ACTOR` (a span is finished): an application window that closes by itself. Name
   * the role `system` in `by` so the timer may.
   */
  readonly onOverdue?: 'record' | undefined;
  /**
   * The step may be skipped: `<id>.skip` with `{ reason }`, sent while its track is at the step
   * and before it starts, by the step's own roles (`true`) or by the roles named. A skipped step
   * is settled on the day it is skipped: what waits for it goes on, it has no deadlines, and its
   * plan status is `skipped`.
   */
  readonly optional?: Optional<Role> | undefined;
}

/**
 * Who may skip an optional step: `true`, the roles that record it; or the roles named.
 *
 * @example
 * ```ts
 * import type { Optional } from '@maslul/core';
 *
 * const bySteering: Optional<'steering' | 'manager'> = { by: ['steering'] };
 * const byItsOwnRoles: Optional<'manager'> = true;
 * ```
 * @category Program
 */
export type Optional<Role extends string> = true | { readonly by: readonly [Role, ...Role[]] };

/**
 * The options of a step recorded once: a milestone, meeting, review or decision. `on` pins it to
 * a date (a published deadline): neither `after` nor the calendar moves it, and a plan warns
 * when it falls on a day off.
 *
 * @example
 * ```ts
 * import { about } from '@maslul/timing';
 * import type { MilestoneOptions } from '@maslul/core';
 *
 * const options: MilestoneOptions<'steering', 'S0', undefined> = {
 *   label: 'Shaping committee 1',
 *   by: ['steering'],
 *   after: about(2, 'weeks'),
 * };
 * ```
 * @category Program
 */
export type MilestoneOptions<
  Role extends string,
  Ref extends string,
  P extends Schema | undefined,
> = StepOptions<Role, Ref, P> & {
  /** A fixed date: the step is due on it, whatever comes before and whatever the calendar. */
  readonly on?: PlainDate | undefined;
};

/**
 * The options of a span: a step that is started and later finished, like mapping. It runs for
 * a `duration`, or `until` a fixed date (an application window that closes on a published
 * deadline), not both.
 *
 * @example
 * ```ts
 * import { about } from '@maslul/timing';
 * import type { SpanOptions } from '@maslul/core';
 *
 * const mapping: SpanOptions<'manager', 'S1', undefined> = {
 *   label: 'Mapping',
 *   by: ['manager'],
 *   duration: about(3, 'months'),
 * };
 * ```
 * @category Program
 */
export type SpanOptions<
  Role extends string,
  Ref extends string,
  P extends Schema | undefined,
> = StepOptions<Role, Ref, P> &
  (
    | {
        /** How long it runs: a duration, or an ISO 8601 duration such as `'P3M'`. */
        readonly duration: Duration | `P${string}`;
        readonly until?: undefined;
      }
    | {
        /** The fixed date it finishes on; neither the calendar nor what comes before moves it. */
        readonly until: PlainDate;
        readonly duration?: undefined;
      }
  );

/**
 * The options of a series: a step recorded once per occurrence, like four team meetings.
 *
 * @example
 * ```ts
 * import type { SeriesOptions } from '@maslul/core';
 *
 * const meetings: SeriesOptions<'member', 'S5', undefined> = {
 *   label: 'Team meetings',
 *   by: ['member'],
 *   repeat: { every: 'P2W', count: 4 },
 * };
 * ```
 * @category Program
 */
export interface SeriesOptions<
  Role extends string,
  Ref extends string,
  P extends Schema | undefined,
> extends StepOptions<Role, Ref, P> {
  /**
   * The cadence and count, or `rrule('...;COUNT=n')` of `@maslul/timing/rrule` (the count is read
   * from it; a rule without one is refused when the program is built); the series is done when
   * every occurrence is recorded.
   */
  readonly repeat: RecurrenceInput;
}

/**
 * A step as the program holds it, checked and with its track.
 *
 * @example
 * ```ts
 * import type { StepDefinition } from '@maslul/core';
 *
 * function rolesOf(step: StepDefinition): readonly string[] {
 *   return step.by;
 * }
 * ```
 * @category Program
 */
export interface StepDefinition {
  readonly id: string;
  readonly track: string;
  readonly kind: StepKind;
  readonly label: Label;
  readonly by: readonly string[];
  /** Relations as the timing model takes them; empty for the program's first steps. */
  readonly after: readonly Dependency[];
  readonly payload: Schema | undefined;
  readonly rules: readonly Rule[];
  readonly duration: Duration | string | undefined;
  readonly repeat: RecurrenceInput | undefined;
  /** The fixed date: a one-time step's `on`, or a span's `until`. */
  readonly fixed?: PlainDate | undefined;
  /** For a series: how many occurrences make it done. */
  readonly count: number | undefined;
  /** `'record'` when the timer worker records it once it is overdue. */
  readonly onOverdue?: 'record' | undefined;
  /** For an optional step: the roles that may skip it (`<id>.skip`). */
  readonly skip?: { readonly by: readonly string[] } | undefined;
}

/**
 * A track as the program holds it: its steps in order.
 *
 * @example
 * ```ts
 * import type { TrackDefinition } from '@maslul/core';
 *
 * const firstStep = (track: TrackDefinition) => track.steps[0];
 * ```
 * @category Program
 */
export interface TrackDefinition {
  readonly id: string;
  readonly label: Label;
  readonly steps: readonly string[];
}

/**
 * The type-level record of a step: its kind and the payload its events carry. Programs infer it;
 * you rarely write one.
 *
 * @example
 * ```ts
 * import type { StepShape } from '@maslul/core';
 *
 * const mapping: StepShape = { kind: 'span', payload: { summary: 'picture' } };
 * ```
 * @category Program
 */
export interface StepShape {
  readonly kind: StepKind;
  readonly payload: unknown;
  /** Whether the step may be skipped (`<id>.skip`). */
  readonly optional?: boolean;
}
