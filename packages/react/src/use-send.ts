import type { Program, ProgramEvent, Refusal, RoleOf } from '@maslul/core';
import { useCallback, useRef, useState } from 'react';
import { useQueryCache } from './maslul-provider.js';
import type { SendOutcome, SourceSendOptions } from './source.js';

/**
 * What {@link useSend} returns: `send`, and the state of the sends made with it.
 *
 * @example
 * ```ts
 * import type { UseSendResult } from '@maslul/react';
 *
 * const busy = (sender: UseSendResult) => sender.pending;
 * ```
 * @category Hooks
 */
export interface UseSendResult<P extends Program = Program> {
  /**
   * Sends an event through the provider's source. Resolves to the outcome, accepted or refused
   * (also in `lastResult`), or to `undefined` when the send failed for another reason (in
   * `error`): it never rejects, so an event handler can call it without a `catch`.
   */
  readonly send: (
    event: ProgramEvent<P>,
    options?: SourceSendOptions<RoleOf<P>> | undefined,
  ) => Promise<SendOutcome | undefined>;
  /** True while a send is in flight. */
  readonly pending: boolean;
  /** The outcome of the latest send (the one started last), once it has one. */
  readonly lastResult: SendOutcome | undefined;
  /** The refusal of the latest send, if it was refused: its `code`, `rule`, `path`, `message`. */
  readonly refusal: Refusal | undefined;
  /** Why the latest send failed, when it was not a refusal (no such instance, the network...). */
  readonly error: Error | undefined;
  /** Forgets `lastResult` and `error` (after the user dismissed them). */
  readonly reset: () => void;
}

interface State {
  readonly pending: number;
  readonly lastResult: SendOutcome | undefined;
  readonly error: Error | undefined;
}

const IDLE: State = { pending: 0, lastResult: undefined, error: undefined };

/**
 * Sends events to an instance, typed by the program: `useSend<KehilaMetiva>(id)` takes only that
 * program's events, each with its payload, and actors with its roles. The readers of the
 * instance (`useInstance`, `useSchedule`, `useHistory`) re-read after an accepted send. It sends
 * only when `send` is called: an effect that calls it runs twice in strict mode, so give such a
 * send an `idempotencyKey` and the second is stored as a duplicate of the first, not again.
 *
 * @param id - the instance id
 * @returns `send`, `pending`, `lastResult`, `refusal`, `error` and `reset`
 *
 * @example
 * ```tsx
 * import type { KehilaMetiva } from '@maslul/kehila-metiva';
 * import { useSend } from '@maslul/react';
 *
 * export function StartMapping({ id }: { id: string }) {
 *   const { send, pending, refusal } = useSend<KehilaMetiva>(id);
 *   return (
 *     <>
 *       <button type="button" disabled={pending} onClick={() => send({ type: 'S2.start' })}>
 *         Start the mapping
 *       </button>
 *       {refusal && <p role="alert">{refusal.message} ({refusal.rule})</p>}
 *     </>
 *   );
 * }
 * ```
 * @category Hooks
 */
export function useSend<P extends Program = Program>(id: string): UseSendResult<P> {
  const { source } = useQueryCache('useSend');
  const [state, setState] = useState<State>(IDLE);
  const latest = useRef(0);

  const send = useCallback(
    async (event: ProgramEvent<P>, options?: SourceSendOptions<RoleOf<P>> | undefined) => {
      latest.current += 1;
      const call = latest.current;
      setState((s) => ({ ...s, pending: s.pending + 1 }));
      const settle = (lastResult: SendOutcome | undefined, error: Error | undefined) =>
        setState((s) =>
          call === latest.current
            ? { pending: s.pending - 1, lastResult, error }
            : { ...s, pending: s.pending - 1 },
        );
      try {
        const outcome = await source.send(id, event as ProgramEvent<Program>, options);
        settle(outcome, undefined);
        return outcome;
      } catch (error) {
        settle(undefined, error instanceof Error ? error : new Error(String(error)));
        return undefined;
      }
    },
    [source, id],
  );
  const reset = useCallback(() => setState((s) => ({ ...IDLE, pending: s.pending })), []);

  const { lastResult } = state;
  return {
    send,
    pending: state.pending > 0,
    lastResult,
    refusal: lastResult && !lastResult.ok ? lastResult.refusal : undefined,
    error: state.error,
    reset,
  };
}
