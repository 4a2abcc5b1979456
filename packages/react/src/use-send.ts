import type { Program, ProgramEvent, Refusal, RoleOf } from '@maslul/core';
import { type MutationStatus, useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { useMaslul } from './maslul-provider.js';
import type { SendOutcome, SourceSendOptions } from './source.js';

/**
 * What {@link useSend} returns: `send`, and the state of the latest send, named as TanStack
 * Query's `useMutation` names it.
 *
 * @example
 * ```ts
 * import type { UseSendResult } from '@maslul/react';
 *
 * const busy = (sender: UseSendResult) => sender.isPending;
 * ```
 * @category Hooks
 */
export interface UseSendResult<P extends Program = Program> {
  /**
   * Sends an event through the provider's source. Resolves to the outcome, accepted or refused
   * (also in `data`), or to `undefined` when the send failed for another reason (in `error`): it
   * never rejects, so an event handler can call it without a `catch`. The same function in every
   * render.
   */
  readonly send: (
    event: ProgramEvent<P>,
    options?: SourceSendOptions<RoleOf<P>> | undefined,
  ) => Promise<SendOutcome | undefined>;
  /** The latest send's: `'idle'` before any, `'pending'`, then `'success'` or `'error'`. */
  readonly status: MutationStatus;
  /** True while the latest send is in flight. */
  readonly isPending: boolean;
  /** The outcome of the latest send (the one started last), accepted or refused. */
  readonly data: SendOutcome | undefined;
  /** The event of the latest send, while it is pending and after. */
  readonly variables: ProgramEvent<P> | undefined;
  /** The refusal of the latest send, if it was refused: its `code`, `rule`, `path`, `message`. */
  readonly refusal: Refusal | undefined;
  /** Why the latest send failed, when it was not a refusal (no such instance, the network...). */
  readonly error: Error | null;
  /** Forgets the latest send's outcome and error (after the user dismissed them). */
  readonly reset: () => void;
}

interface Sent<P extends Program> {
  readonly event: ProgramEvent<P>;
  readonly options: SourceSendOptions<RoleOf<P>> | undefined;
}

/**
 * Sends events to an instance, typed by the program: `useSend<KehilaMetiva>(id)` takes only that
 * program's events, each with its payload, and actors with its roles. A TanStack mutation: its
 * state is the latest send's. The readers of the instance (`useInstance`, `useSchedule`,
 * `useHistory`) read again after an accepted send, which the source tells of. It sends only when
 * `send` is called: an effect that calls it runs twice in strict mode, so give such a send an
 * `idempotencyKey` and the second is stored as a duplicate of the first, not again. A send is
 * never retried (TanStack's default for mutations): retry with the same `idempotencyKey`.
 *
 * @param id - the instance id
 * @returns `send`, and the latest send's `status`, `isPending`, `data`, `refusal`, `error`, `reset`
 *
 * @example
 * ```tsx
 * import type { KehilaMetiva } from '@maslul/kehila-metiva';
 * import { useSend } from '@maslul/react';
 *
 * export function StartMapping({ id }: { id: string }) {
 *   const { send, isPending, refusal } = useSend<KehilaMetiva>(id);
 *   return (
 *     <>
 *       <button type="button" disabled={isPending} onClick={() => send({ type: 'S2.start' })}>
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
  const { source, client } = useMaslul('useSend');
  const mutation = useMutation(
    {
      mutationKey: ['maslul', 'send', id],
      mutationFn: ({ event, options }: Sent<P>) =>
        source.send(id, event as ProgramEvent<Program>, options),
    },
    client,
  );
  // `mutateAsync` is the observer's; a ref keeps `send` one function for an effect's deps.
  const mutate = useRef(mutation.mutateAsync);
  mutate.current = mutation.mutateAsync;
  const send = useCallback(
    async (event: ProgramEvent<P>, options?: SourceSendOptions<RoleOf<P>> | undefined) => {
      try {
        return await mutate.current({ event, options });
      } catch {
        return undefined; // in `error`
      }
    },
    [],
  );
  const { data } = mutation;
  return {
    send,
    status: mutation.status,
    isPending: mutation.isPending,
    data,
    variables: mutation.variables?.event,
    refusal: data && !data.ok ? data.refusal : undefined,
    error: mutation.error,
    reset: mutation.reset,
  };
}
