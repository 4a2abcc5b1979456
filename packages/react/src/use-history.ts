import type { LogEntry } from '@maslul/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { type MaslulQueryOptions, readOptions, useMaslulQuery } from './use-maslul-query.js';

/**
 * Reads every stored event of an instance, in order, each with its actor, instant and rule
 * trace, as a TanStack query, and reads it again when the instance changes.
 *
 * @param id - the instance id
 * @param options - TanStack Query's options: `enabled`, `select`, `staleTime`...
 * @returns TanStack's query result: `status` (`'pending'`, `'success'` with the events in
 *   `data`, or `'error'`), `isFetching`, `refetch`
 *
 * @example
 * ```tsx
 * import { useHistory } from '@maslul/react';
 *
 * export function Log({ id }: { id: string }) {
 *   const { data = [] } = useHistory(id);
 *   return (
 *     <ol>
 *       {data.map((entry) => (
 *         <li key={entry.seq}>{entry.date} {entry.type} by {entry.actor.id}</li>
 *       ))}
 *     </ol>
 *   );
 * }
 * ```
 * @category Hooks
 */
export function useHistory<TData = readonly LogEntry[]>(
  id: string,
  options?: MaslulQueryOptions<readonly LogEntry[], TData> | undefined,
): UseQueryResult<TData, Error> {
  return useMaslulQuery(
    'useHistory',
    id,
    ['history'],
    (source, signal) => source.history(id, readOptions(signal)),
    options,
  );
}
