import type { Label, PlainDate } from '@maslul/timing';
import type { StepDates } from './types.js';

/**
 * What a rule on an item sees: the payload, the payloads recorded by the program's steps, the
 * item (its id, the data it was created with, and the last payload of each of its events), and
 * who sends the event, so a rule can say "only the applicant may appeal".
 *
 * @example
 * ```ts
 * import type { ItemRuleInput } from '@maslul/core';
 *
 * const input: ItemRuleInput<{ progress: number }> = {
 *   payload: { progress: 0.4 },
 *   recorded: { S8: { objectives: ['o1'] } },
 *   item: { id: 'i1', data: { title: 'Community garden' }, events: {} },
 *   date: '2027-08-01',
 *   actor: { id: 'pm-dana', roles: ['programManager'] },
 *   workingDay: true,
 *   fixed: { S9: '2028-06-30' },
 *   dates: { S8: { started: '2027-06-01', finished: '2027-06-01' } },
 * };
 * ```
 * @category Items
 */
export interface ItemRuleInput<P, E extends string = string, Step extends string = string> {
  readonly payload: P;
  readonly recorded: { readonly [step: string]: unknown };
  /** The item: in a rule of a kind's event, its events are the ones declared up to that event. */
  readonly item: ItemView<E>;
  /** The plain date of the event being checked, in the calendar's time zone. */
  readonly date: string;
  /** Who sends the event: their id and roles. */
  readonly actor: { readonly id: string; readonly roles: readonly string[] };
  /** Whether `date` is a working day of the instance's calendar. */
  readonly workingDay: boolean;
  /** The program's fixed dates by step id (a milestone's `on`, a span's `until`). */
  readonly fixed: { readonly [step: string]: PlainDate };
  /**
   * The recorded dates of the program's steps, by id (see {@link StepDates}): "the appeal is
   * within 14 days of the results". A step the program does not declare does not compile.
   */
  readonly dates: { readonly [K in Step]?: StepDates };
}

/**
 * An item as rules and queries see it.
 *
 * @example
 * ```ts
 * import type { ItemView } from '@maslul/core';
 *
 * const garden: ItemView = {
 *   id: 'i1',
 *   data: { title: 'Community garden' },
 *   events: { measure: { date: '2027-08-01', payload: { progress: 0.4 }, first: '2027-08-01', count: 1 } },
 * };
 * ```
 * @category Items
 */
export interface ItemView<E extends string = string> {
  readonly id: string;
  readonly data: unknown;
  /**
   * Per event sent at least once: the last date and payload, the first date and how many times
   * it was sent. `E` names the events a rule may read (an unknown name does not compile).
   */
  readonly events: { readonly [K in E]?: ItemEventRecord };
}

/**
 * What an item remembers of one of its events, the same size however often it is sent: the last
 * date and payload, the first date and how many times. The full history stays in the log. An
 * event planned as a series (see {@link ItemEventPlan}) also keeps the dates of the occurrences
 * its plan holds, up to the plan's count.
 *
 * @example
 * ```ts
 * import type { ItemEventRecord } from '@maslul/core';
 *
 * const meetings: ItemEventRecord = {
 *   date: '2027-02-16',
 *   payload: undefined,
 *   first: '2027-02-02',
 *   count: 2,
 *   occurrences: ['2027-02-02', '2027-02-16'],
 * };
 * ```
 * @category Items
 */
export interface ItemEventRecord {
  /** The date it was last sent. */
  readonly date: string;
  /** The payload it was last sent with. */
  readonly payload: unknown;
  /** The date it was first sent. */
  readonly first: string;
  /** How many times it was sent. */
  readonly count: number;
  /** For a planned event: the dates of its first occurrences, up to the plan's count. */
  readonly occurrences?: readonly string[] | undefined;
}

/**
 * A named rule on an item's creation or event.
 *
 * @example
 * ```ts
 * import type { ItemRule } from '@maslul/core';
 *
 * const tied: ItemRule<{ challenges: string[] }> = {
 *   id: 'X1',
 *   reason: { en: 'Each selected initiative is tied to a focus challenge' },
 *   check: ({ payload }) => payload.challenges.length > 0,
 * };
 * ```
 * @category Items
 */
export interface ItemRule<P = unknown, E extends string = string, Step extends string = string> {
  readonly id: string;
  readonly reason: Label;
  readonly check: (input: ItemRuleInput<P, E, Step>) => boolean;
}
