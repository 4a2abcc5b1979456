/**
 * The names of the events that record a program's steps and items, written once for every
 * package that spells them (the statechart, the HTTP body schema, the exports): a milestone,
 * meeting, review, decision or series `S1` is recorded by the event `S1`; a span `S2` by
 * `S2.start` and `S2.finish`; an optional step `S7` is skipped by `S7.skip`; an item kind
 * `initiative` is created by `initiative.create` and moved by `initiative.<event>`.
 */

/**
 * The event that starts a span.
 *
 * @param step - the span's id
 * @returns `<step>.start`
 *
 * @example
 * ```ts
 * import { spanStartType } from '@maslul/timing';
 *
 * spanStartType('S2'); // 'S2.start'
 * ```
 * @category Event types
 */
export const spanStartType = <S extends string>(step: S): `${S}.start` => `${step}.start`;

/**
 * The event that finishes a span (with the span's payload).
 *
 * @param step - the span's id
 * @returns `<step>.finish`
 *
 * @example
 * ```ts
 * import { spanFinishType } from '@maslul/timing';
 *
 * spanFinishType('S2'); // 'S2.finish'
 * ```
 * @category Event types
 */
export const spanFinishType = <S extends string>(step: S): `${S}.finish` => `${step}.finish`;

/**
 * The event that skips an optional step (with the reason it is skipped).
 *
 * @param step - the optional step's id
 * @returns `<step>.skip`
 *
 * @example
 * ```ts
 * import { stepSkipType } from '@maslul/timing';
 *
 * stepSkipType('S7'); // 'S7.skip'
 * ```
 * @category Event types
 */
export const stepSkipType = <S extends string>(step: S): `${S}.skip` => `${step}.skip`;

/**
 * The event that creates an item of a kind.
 *
 * @param kind - the item kind
 * @returns `<kind>.create`
 *
 * @example
 * ```ts
 * import { itemCreateType } from '@maslul/timing';
 *
 * itemCreateType('initiative'); // 'initiative.create'
 * ```
 * @category Event types
 */
export const itemCreateType = <K extends string>(kind: K): `${K}.create` => `${kind}.create`;

/**
 * The event that moves an item of a kind through one of its events.
 *
 * @param kind - the item kind
 * @param event - the kind's event
 * @returns `<kind>.<event>`
 *
 * @example
 * ```ts
 * import { itemEventType } from '@maslul/timing';
 *
 * itemEventType('initiative', 'measure'); // 'initiative.measure'
 * ```
 * @category Event types
 */
export const itemEventType = <K extends string, E extends string>(kind: K, event: E): `${K}.${E}` =>
  `${kind}.${event}`;

/**
 * An event type split at its last dot: the step or item kind it names and the part after the
 * dot (`start`, `finish`, `skip`, `create` or an item's event), or undefined when it has no dot (a
 * step's own event such as `S1`). What it names is for the program to say.
 *
 * @param type - an event type
 * @returns the owner and the part, or undefined
 *
 * @example
 * ```ts
 * import { splitEventType } from '@maslul/timing';
 *
 * splitEventType('S2.start'); // { owner: 'S2', part: 'start' }
 * splitEventType('S1'); // undefined
 * ```
 * @category Event types
 */
export function splitEventType(type: string): { owner: string; part: string } | undefined {
  const dot = type.lastIndexOf('.');
  return dot < 0 ? undefined : { owner: type.slice(0, dot), part: type.slice(dot + 1) };
}
