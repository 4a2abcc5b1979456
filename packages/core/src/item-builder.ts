import type * as z from 'zod';
import type { ValidId } from './definition-types.js';
import type { ItemDefinition, ItemEventOptions } from './item.js';
import type { ItemRule } from './item-rule.js';
import type { Schema } from './types.js';

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
