import type { Program, StepIdOf } from '@maslul/core';
import type { InstanceState } from './source.js';
import { useInstance } from './use-instance.js';

/**
 * Reads one part of where an instance stands, as XState's `useSelector` reads an actor: the
 * component re-renders only when what `selector` returns changes (deep equality by default,
 * TanStack Query's structural sharing; or `compare`). `undefined` until the instance is read, and
 * while it cannot be (`useInstance` has the error). Type the selector's argument to get the
 * program's step ids, or select with {@link matches}.
 *
 * @param id - the instance id
 * @param selector - what to take from the {@link InstanceState}
 * @param compare - when two selections are the same (then the earlier is kept, no re-render)
 * @returns the selection, or `undefined` before the first read
 *
 * @example
 * ```tsx
 * import type { KehilaMetiva } from '@maslul/kehila-metiva';
 * import { type InstanceState, matches, useSelector } from '@maslul/react';
 *
 * export function MappingBanner({ id }: { id: string }) {
 *   const mapping = useSelector(id, (state: InstanceState<KehilaMetiva>) =>
 *     matches(state, { strategy: 'S2' }),
 *   );
 *   return mapping ? <p>The mapping is under way.</p> : null;
 * }
 * ```
 * @category Hooks
 */
export function useSelector<P extends Program, T>(
  id: string,
  selector: (state: InstanceState<P>) => T,
  compare?: ((previous: T, next: T) => boolean) | undefined,
): T | undefined {
  const { data } = useInstance<P, T>(id, {
    select: selector,
    ...(compare === undefined
      ? {}
      : {
          structuralSharing: (previous: unknown, next: unknown) =>
            previous !== undefined && compare(previous as T, next as T) ? previous : next,
        }),
  });
  return data;
}

/**
 * Where tracks may stand: the step (or `'done'`) of each track named.
 *
 * @example
 * ```ts
 * import type { KehilaMetiva } from '@maslul/kehila-metiva';
 * import type { StateValue } from '@maslul/react';
 *
 * const value: StateValue<KehilaMetiva> = { strategy: 'S2', pilot: 'X1' };
 * ```
 * @category Hooks
 */
export type StateValue<P extends Program = Program> = {
  readonly [track: string]: StepIdOf<P> | 'done';
};

/**
 * Whether an instance stands where `value` says, as XState's `state.matches(value)`: every
 * track named is at that step (or `'done'`). Tracks not named may be anywhere; a track the
 * instance does not have never matches.
 *
 * @param state - where the instance stands (`useInstance`'s data, a selector's argument)
 * @param value - the step of each track to check
 * @returns true when every track named is at its step
 *
 * @example
 * ```ts
 * import type { KehilaMetiva } from '@maslul/kehila-metiva';
 * import { type InstanceState, matches } from '@maslul/react';
 *
 * const waitingForTheHackathon = (state: InstanceState<KehilaMetiva>) =>
 *   matches(state, { strategy: 'S5', pilot: 'X1' });
 * ```
 * @category Hooks
 */
export function matches<P extends Program>(
  state: InstanceState<P>,
  value: StateValue<NoInfer<P>>,
): boolean {
  return Object.entries(value).every(([track, step]) => state.current[track]?.step === step);
}
