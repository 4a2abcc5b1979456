import type { Duration, Label, PlainDate } from '@maslul/timing';
import type * as z from 'zod';
import type { ValidId } from './definition-types.js';
import type { Schema, StepDates } from './types.js';

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

type Output<P> = P extends Schema ? z.output<P> : undefined;

/**
 * How an item event is planned: once, or as a series per item, from another of its events (or
 * its creation) or from a program step: "appeal within 14 days after the refusal", a channel
 * team's four work meetings every two weeks from its appointment. The plan is a step of the
 * instance's plan, `<item>.<event>`, on working days, with its deadlines. `onOverdue` names an
 * event of the same item that the timer worker records (by `TIMER_ACTOR`, the actor `maslul.timer` of role `system`) when the
 * planned date has passed unrecorded (and `after` it, if given): an appeal window that expires,
 * a missed report that escalates.
 *
 * @example
 * ```ts
 * import { about, exactly } from '@maslul/timing';
 * import type { ItemEventPlan } from '@maslul/core';
 *
 * const meetings: ItemEventPlan = { after: 'appoint', lag: about(2, 'weeks'), repeat: { every: 'P2W', count: 4 } };
 * const appeal: ItemEventPlan = { after: 'refuse', lag: exactly(14, 'days'), onOverdue: { send: 'expire' } };
 * ```
 * @category Items
 */
export interface ItemEventPlan<Known extends string = string, Ref extends string = string> {
  /** The event of the same item it is planned from; `'create'` (the default) for its creation. */
  readonly after?: Known | 'create' | undefined;
  /** A program step it is planned from instead (its planned or recorded finish). */
  readonly afterStep?: Ref | undefined;
  /** How long after that the (first) occurrence is due; none by default. */
  readonly lag?: Duration | string | undefined;
  /** The cadence and how many occurrences make it done; without it, the event is due once. */
  readonly repeat?: { readonly every: string; readonly count: number } | undefined;
  /** An event of the same item the timer worker records when the planned date is missed. */
  readonly onOverdue?:
    | {
        /** The item event to record; declared before this one. */
        readonly send: Known;
        /** How long after the missed date (default: the day after it). */
        readonly after?: Duration | undefined;
      }
    | undefined;
}

/**
 * How an item is created: who may, after which steps of the program, with what data and rules.
 *
 * @example
 * ```ts
 * import * as z from 'zod';
 * import type { ItemCreation } from '@maslul/core';
 *
 * const create: ItemCreation<'committee', 'hackathon', z.ZodObject<{ title: z.ZodString }>> = {
 *   by: ['committee'],
 *   after: ['hackathon'],
 *   payload: z.object({ title: z.string() }),
 * };
 * ```
 * @category Items
 */
export interface ItemCreation<
  Role extends string,
  Ref extends string,
  P extends Schema | undefined,
> {
  readonly by: readonly [Role, ...Role[]];
  /** Program steps that must be recorded before an item can be created. */
  readonly after?: readonly Ref[] | undefined;
  readonly payload?: P;
  /** Rules checked on creation: the new item has no events yet. */
  readonly rules?: readonly ItemRule<Output<P>, never, Ref>[] | undefined;
}

/**
 * One event of an item's lifecycle: who may send it, from which states to which, after which
 * program steps, with what payload and rules.
 *
 * @example
 * ```ts
 * import type { ItemEventOptions } from '@maslul/core';
 *
 * const measure: ItemEventOptions<'manager', 'review', 'supported' | 'measured', undefined> = {
 *   label: 'Measured',
 *   by: ['manager'],
 *   from: ['supported'],
 *   to: 'measured',
 * };
 * ```
 * @category Items
 */
export interface ItemEventOptions<
  Role extends string,
  Ref extends string,
  State extends string,
  P extends Schema | undefined,
  Known extends string = string,
> {
  readonly label: Label;
  readonly by: readonly [Role, ...Role[]];
  readonly from: readonly [State, ...State[]];
  readonly to: State;
  /** Program steps that must be recorded first (a join of the item with the tracks). */
  readonly after?: readonly Ref[] | undefined;
  /**
   * Events of this item that must all be recorded since it last entered its current state (a
   * join inside the item: two parallel reviews before a decision). An event that moves the item
   * to another state clears what it has joined, so a revise-and-resubmit loop needs fresh ones.
   */
  readonly requires?: readonly Known[] | undefined;
  readonly payload?: P;
  /** Rules checked when it is sent; they may read the events `Known` (declared up to this one). */
  readonly rules?: readonly ItemRule<Output<P>, Known, Ref>[] | undefined;
  /** Plans the event once or as a series per item (see {@link ItemEventPlan}). */
  readonly planned?: ItemEventPlan<Known, Ref> | undefined;
}

/**
 * An item kind as the program holds it.
 *
 * @example
 * ```ts
 * import type { ItemDefinition } from '@maslul/core';
 *
 * const statesOf = (kind: ItemDefinition) => kind.states;
 * ```
 * @category Items
 */
export interface ItemDefinition {
  readonly kind: string;
  readonly label: Label;
  /** Its states; a new item starts in the first. */
  readonly states: readonly string[];
  /** States it ends in. */
  readonly final: readonly string[];
  readonly create: {
    readonly by: readonly string[];
    readonly after: readonly string[];
    readonly payload: Schema | undefined;
    readonly rules: readonly ItemRule[];
  };
  readonly events: {
    readonly [event: string]: {
      readonly label: Label;
      readonly by: readonly string[];
      readonly from: readonly string[];
      readonly to: string;
      readonly after: readonly string[];
      /** Events of the item recorded since it entered its state, all needed first. */
      readonly requires?: readonly string[] | undefined;
      readonly payload: Schema | undefined;
      readonly rules: readonly ItemRule[];
      readonly planned?: ItemEventPlan | undefined;
    };
  };
}

/**
 * The type-level record of an item kind: its creation payload and each event's payload.
 *
 * @example
 * ```ts
 * import type { ItemShape } from '@maslul/core';
 *
 * const initiative: ItemShape = { create: { title: 'Garden' }, events: { measure: { progress: 0.4 } } };
 * ```
 * @category Items
 */
export interface ItemShape {
  readonly create: unknown;
  readonly events: { readonly [event: string]: unknown };
}

type InputOf<P> = P extends Schema ? z.input<P> : undefined;

/**
 * Adds the events of an item kind's lifecycle, one at a time, each typed by its payload schema.
 *
 * @example
 * ```ts
 * import { defineProgram } from '@maslul/core';
 *
 * defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
 *   .item(
 *     'initiative',
 *     { label: 'Initiative', states: ['supported', 'done'], final: ['done'], create: { by: ['manager'] } },
 *     (item) => item.event('finish', { label: 'Finished', by: ['manager'], from: ['supported'], to: 'done' }),
 *   );
 * ```
 * @category Items
 */
export class ItemBuilder<
  Role extends string,
  Ref extends string,
  State extends string,
  Events,
  Moves = never,
> {
  /** @internal */
  readonly events: ItemDefinition['events'];

  /** @internal */
  constructor(events: ItemDefinition['events']) {
    this.events = events;
  }

  /**
   * An event of the lifecycle (sent as `<kind>.<event>` with the item's id).
   *
   * @param name - the event name, new in this kind
   * @param options - roles, states from and to, program steps first, payload and rules
   * @returns the builder with the event added
   */
  event<
    const E extends string,
    P extends Schema | undefined = undefined,
    const From extends State = State,
    const To extends State = State,
  >(
    name: E extends keyof Events
      ? `✗ the item kind has an event "${E}" already`
      : ValidId<E, 'item event'>,
    options: ItemEventOptions<Role, Ref, State, P, NoInfer<E> | Extract<keyof Events, string>> & {
      readonly from: readonly [From, ...From[]];
      readonly to: To;
      readonly requires?: readonly Extract<keyof Events, string>[] | undefined;
    },
  ): ItemBuilder<
    Role,
    Ref,
    State,
    Events & { readonly [key in E]: InputOf<P> },
    Moves | { readonly from: From; readonly to: To }
  > {
    return new ItemBuilder({
      ...this.events,
      [name]: {
        label: options.label,
        by: options.by,
        from: options.from,
        to: options.to,
        after: options.after ?? [],
        ...(options.requires?.length ? { requires: options.requires } : {}),
        payload: options.payload,
        rules: (options.rules ?? []) as readonly ItemRule[],
        ...(options.planned ? { planned: options.planned } : {}),
      },
    });
  }
}

/**
 * The options of an item kind: its label, states (the first is where items start), final states,
 * and how items are created.
 *
 * @example
 * ```ts
 * import type { ItemOptions } from '@maslul/core';
 *
 * const options: ItemOptions<'manager', 'kickoff', 'open' | 'closed', undefined> = {
 *   label: 'Action',
 *   states: ['open', 'closed'],
 *   final: ['closed'],
 *   create: { by: ['manager'] },
 * };
 * ```
 * @category Items
 */
export interface ItemOptions<
  Role extends string,
  Ref extends string,
  State extends string,
  P extends Schema | undefined,
> {
  readonly label: Label;
  readonly states: readonly [State, ...State[]];
  readonly final?: readonly State[] | undefined;
  readonly create: ItemCreation<Role, Ref, P>;
}
