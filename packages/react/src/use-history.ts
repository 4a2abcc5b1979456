import type { LogEntry } from '@maslul/core';
import type { QueryResult } from './query-cache.js';
import { useQuery } from './use-query.js';

/**
 * Reads every stored event of an instance, in order, each with its actor, instant and rule
 * trace, and re-reads it when the instance changes.
 *
 * @param id - the instance id
 * @returns `loading`, then `success` with the events, or `error`
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
export function useHistory(id: string): QueryResult<readonly LogEntry[]> {
  return useQuery('useHistory', id, 'history', (source) => source.history(id));
}
