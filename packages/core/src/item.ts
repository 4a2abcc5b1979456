import type { Duration, Label } from '@maslul/timing';
import type * as z from 'zod';
import type { ItemRule } from './item-rule.js';
import type { Schema } from './types.js';

// An item kind as a program declares it: its options, creation, events and their plans. What an
// item rule sees is in item-rule.ts, the builder of a kind's events in item-builder.ts.

type Output<P> = P extends Schema ? z.output<P> : undefined;

/**
 * How an item event is planned: once, or as a series per item, from another of its events (or
 * its creation) or from a program step: "appeal within 14 days after the refusal", a channel
 * team's four work meetings every two weeks from its appointment. The plan is a step of the
 * instance's plan, `<item>.<event>`, on working days, with its deadlines. `onOverdue` names an
 * event of the same item that the timer worker records (by `TIMER_ACTOR`, the actor
 * `maslul.timer` of role `system`) when the planned date has passed unrecorded (and `after` it,
 * if given): an appeal window that expires, a missed report that escalates.
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
