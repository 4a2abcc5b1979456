import type { Program } from '@maslul/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { InstanceState } from './source.js';
import { type MaslulQueryOptions, readOptions, useMaslulQuery } from './use-maslul-query.js';

/**
 * Reads where an instance stands (its version, the step of each track, its deadlines) as a
 * TanStack query, and reads it again when it changes: after a send through the same source, or a
 * poll that sees a new version. Type it by the program to get its step ids:
 * `useInstance<KehilaMetiva>(id)`. To re-render on one part only, see {@link useSelector}.
 *
 * @param id - the instance id
 * @param options - TanStack Query's options: `enabled`, `select`, `staleTime`, `refetchInterval`...
 * @returns TanStack's query result: `status` (`'pending'`, then `'success'` with the
 *   {@link InstanceState} in `data`, or `'error'`), `isFetching` while a read is in flight (the
 *   last data stays shown), `refetch`
 *
 * @example
 * ```tsx
 * import type { KehilaMetiva } from '@maslul/kehila-metiva';
 * import { useInstance } from '@maslul/react';
 *
 * export function Tracks({ id }: { id: string }) {
 *   const instance = useInstance<KehilaMetiva>(id);
 *   if (instance.status === 'pending') return <p>Loading…</p>;
 *   if (instance.status === 'error') return <p role="alert">{instance.error.message}</p>;
 *   return (
 *     <ul>
 *       {Object.entries(instance.data.current).map(([track, at]) => (
 *         <li key={track}>{track}: {at.step}</li>
 *       ))}
 *     </ul>
 *   );
 * }
 * ```
 * @category Hooks
 */
export function useInstance<P extends Program = Program, TData = InstanceState<P>>(
  id: string,
  options?: MaslulQueryOptions<InstanceState<P>, TData> | undefined,
): UseQueryResult<TData, Error> {
  return useMaslulQuery(
    'useInstance',
    id,
    ['instance'],
    (source, signal) => source.open(id, readOptions(signal)) as Promise<InstanceState<P>>,
    options,
  );
}
