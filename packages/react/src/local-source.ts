import type { Actor, Program, RoleOf, Runtime } from '@maslul/core';
import { createListeners } from './listeners.js';
import type { MaslulSource, SendOutcome } from './source.js';

/**
 * The options of {@link localSource}.
 *
 * @example
 * ```ts
 * import type { LocalSourceOptions } from '@maslul/react';
 *
 * const options: LocalSourceOptions<'programManager'> = {
 *   actor: { id: 'dana', roles: ['programManager'] },
 * };
 * ```
 * @category Sources
 */
export interface LocalSourceOptions<Role extends string = string> {
  /** Who sends when a send names no actor: the signed-in user of a local app. */
  readonly actor?: Actor<Role> | undefined;
}

/**
 * A {@link MaslulSource} over a runtime in this JS process, with `notify` for changes made
 * around it.
 *
 * @example
 * ```ts
 * import type { LocalSource } from '@maslul/react';
 *
 * const afterTimer = (source: LocalSource, id: string) => source.notify(id);
 * ```
 * @category Sources
 */
export interface LocalSource<P extends Program = Program> extends MaslulSource<P> {
  /**
   * Tells this source's subscribers that `id` changed: call it after sending through the runtime
   * directly (a timer worker's delivery, an import), which this source cannot see.
   *
   * @param id - the instance that changed
   */
  notify(id: string): void;
}

/**
 * Reads and sends through a `@maslul/core` runtime in the same JS process (a browser app on an
 * in-memory or PGlite store, or tests). Its subscribers are told after each send it accepted;
 * sends made through the runtime directly are not seen unless you call `notify`.
 *
 * @param runtime - the runtime, from `createRuntime(program, { store, clock })`
 * @param options - the default actor of sends
 * @returns the source, for `<MaslulProvider source={...}>`
 *
 * @example
 * ```ts
 * import { createManualClock, createRuntime } from '@maslul/core';
 * import { kehilaMetiva } from '@maslul/kehila-metiva';
 * import { localSource } from '@maslul/react';
 * import { createMemoryStore } from '@maslul/store';
 *
 * const runtime = createRuntime(kehilaMetiva, {
 *   store: createMemoryStore(),
 *   clock: createManualClock('2026-09-07T08:00:00Z'),
 * });
 * const source = localSource(runtime, { actor: { id: 'mayor', roles: ['steeringCommittee'] } });
 * ```
 * @category Sources
 */
export function localSource<P extends Program>(
  runtime: Runtime<P>,
  options?: LocalSourceOptions<RoleOf<P>> | undefined,
): LocalSource<P> {
  const listeners = createListeners();
  return {
    open: async (id) => {
      const view = await runtime.open(id);
      return { id, version: view.version, current: view.current(), deadlines: view.deadlines() };
    },
    schedule: async (id, at) => (await runtime.open(id)).schedule(at),
    history: (id) => runtime.history(id),
    send: async (id, event, sendOptions) => {
      // With no actor anywhere, the runtime refuses the event as `invalid-actor`: pass it on.
      const actor = (sendOptions?.actor ?? options?.actor) as Actor<RoleOf<P>>;
      const result = await runtime.send(id, event, {
        actor,
        at: sendOptions?.at,
        idempotencyKey: sendOptions?.idempotencyKey,
      });
      if (!result.ok) return { ok: false, refusal: result.refusal } satisfies SendOutcome;
      listeners.notify(id);
      return { ok: true, duplicate: result.duplicate, entry: result.entry } satisfies SendOutcome;
    },
    subscribe: (id, listener) => listeners.add(id, listener),
    notify: (id) => listeners.notify(id),
  };
}
