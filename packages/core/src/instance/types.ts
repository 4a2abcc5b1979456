import type { Instant, PlainDate, Plan, StepStatus, WorkCalendar } from '@maslul/timing';
import type { Clock } from '../clock.js';
import type { Deadline } from '../deadlines.js';
import type { RunEnding } from '../ending.js';
import type { ProgramEvent } from '../events.js';
import type { InstanceForecast, InstanceForecastOptions } from '../instance-forecast.js';
import type { Program } from '../program.js';
import type { Refusal } from '../refusal.js';
import type { RefusalRecord } from '../refusal-log.js';
import type { Actor, InstanceSnapshot, LogEntry } from './records.js';

/**
 * The result of `send`: accepted, with the new snapshot, the entry to append, the rule trace and
 * the next deadlines; or refused, with a {@link Refusal} and nothing changed. A plain object:
 * `snapshot` and `deadlines` are own enumerable getters computed when first read, so a spread,
 * `structuredClone` or `JSON.stringify` of a result carries them.
 *
 * @example
 * ```ts
 * import type { SendResult } from '@maslul/core';
 *
 * function describe(result: SendResult): string {
 *   return result.ok ? `#${result.entry.seq} accepted` : result.refusal.message;
 * }
 * ```
 * @category Runtime
 */
export type SendResult =
  | {
      readonly ok: true;
      /** True when the idempotency key was seen before: nothing was applied again. */
      readonly duplicate: boolean;
      readonly entry: LogEntry;
      /** The state after this event, as JSON to store; made when first read. */
      readonly snapshot: InstanceSnapshot;
      /**
       * The deadlines of the steps not finished, re-planned from the facts after this event.
       * Computed when first read (the plan is solved then), so a caller that only needs the
       * last event's deadlines, as a replay or an import does, solves once.
       */
      readonly deadlines: readonly Deadline[];
    }
  | { readonly ok: false; readonly refusal: Refusal };

/**
 * The options of `send`.
 *
 * @example
 * ```ts
 * import type { SendOptions } from '@maslul/core';
 *
 * const options: SendOptions<'programManager'> = {
 *   actor: { id: 'dana', roles: ['programManager'] },
 *   at: '2026-09-22T09:00:00+03:00',
 *   idempotencyKey: 'form-7f3a',
 * };
 * ```
 * @category Runtime
 */
export interface SendOptions<Role extends string = string> {
  readonly actor: Actor<Role>;
  /** When it happened; the clock's now by default. Never after the clock's now. */
  readonly at?: Instant | undefined;
  /** A key the caller chooses per intended event: a retried send with it is applied once. */
  readonly idempotencyKey?: string | undefined;
}

/**
 * The options of an instance: the program start, the work calendar and the clock.
 *
 * @example
 * ```ts
 * import { createManualClock, type InstanceOptions } from '@maslul/core';
 *
 * const options: InstanceOptions = { start: '2026-09-07', clock: createManualClock('2026-09-07T08:00:00Z') };
 * ```
 * @category Runtime
 */
export interface InstanceOptions {
  /** The program start: steps that wait for nothing are planned from here. */
  readonly start: PlainDate;
  /** The only source of "now"; inject a manual clock in tests. */
  readonly clock: Clock;
  /** Which days are working days; Monday to Friday by default. */
  readonly calendar?: WorkCalendar | undefined;
  /** How many refusals {@link ProgramInstance.refusals} keeps, the newest (default 200). */
  readonly refusalLimit?: number | undefined;
}

/**
 * The role ids of a program.
 *
 * @example
 * ```ts
 * import type { Program, RoleOf } from '@maslul/core';
 *
 * type Roles = RoleOf<Program<'demo', Record<never, never>, 'manager' | 'steering'>>; // 'manager' | 'steering'
 * ```
 * @category Runtime
 */
export type RoleOf<P> = P extends Program<string, infer _S, infer R> ? R : string;

/**
 * The step ids of a program.
 *
 * @example
 * ```ts
 * import type { Program, StepIdOf } from '@maslul/core';
 *
 * type Steps = StepIdOf<Program<'demo', { kickoff: { kind: 'milestone'; payload: undefined } }, 'manager'>>; // 'kickoff'
 * ```
 * @category Runtime
 */
export type StepIdOf<P> =
  P extends Program<string, infer S, string> ? Extract<keyof S, string> : string;

/**
 * One running program: send it events, read where it stands, its schedule and its history.
 *
 * @example
 * ```ts
 * import type { ProgramInstance } from '@maslul/core';
 *
 * const current = (instance: ProgramInstance) => instance.current();
 * ```
 * @category Runtime
 */
export interface ProgramInstance<P extends Program = Program> {
  readonly program: P;
  /** Validates, checks roles and rules, applies the event, or refuses it changing nothing. */
  send(event: ProgramEvent<P>, options: SendOptions<RoleOf<P>>): SendResult;
  /** The state as plain JSON, to store. */
  snapshot(): InstanceSnapshot;
  /** The step each track is at (`done` when the track is finished), and a span's phase. */
  current(): {
    readonly [track: string]: { readonly step: StepIdOf<P> | 'done'; readonly running: boolean };
  };
  /**
   * The plan from the facts so far, with each step's status at an instant (now by default): the
   * program's steps, and the series of planned item events (`<item>.<event>`, with the item event
   * they are planned from) once that is recorded. Those ids are not in the type: read them
   * through a `Plan` of string ids (`(plan as Plan).steps['team-social.meet']`). A run that was
   * cancelled or closed plans nothing more: `ended` says how, and the statuses are those of its
   * last day (what was not done stays as it stood then, never overdue later).
   */
  schedule(at?: Instant): {
    readonly plan: Plan<StepIdOf<P>>;
    readonly status: Record<StepIdOf<P>, StepStatus>;
    readonly ended?: RunEnding | undefined;
  };
  /** The deadlines of the steps not finished yet; none once the run is cancelled or closed. */
  deadlines(): readonly Deadline[];
  /** The events accepted by this instance object, with their rule traces. */
  history(): readonly LogEntry[];
  /**
   * The events this instance object refused, oldest first: who tried what, when, and the rule
   * that refused it. Kept apart from the history (facts only), the newest `refusalLimit`.
   */
  refusals(): readonly RefusalRecord[];
  /**
   * P10/P50/P90 dates of every step from the facts recorded so far: the windows of what is not
   * recorded yet are sampled (seeded), what is recorded stays fixed.
   *
   * @throws MaslulError `invalid-option` for a bad `runs` or `seed`
   */
  forecast(options?: InstanceForecastOptions | undefined): InstanceForecast<StepIdOf<P>>;
}
