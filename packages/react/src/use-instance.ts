import type { Program } from '@maslul/core';
import type { QueryResult } from './query-cache.js';
import type { InstanceState } from './source.js';
import { useQuery } from './use-query.js';

/**
 * Reads where an instance stands (its version, the step of each track, its deadlines) and
 * re-renders when it changes: after a send through the same source, or a poll that sees a new
 * version. Type it by the program to get its step ids: `useInstance<KehilaMetiva>(id)`.
 *
 * @param id - the instance id
 * @returns `loading`, then `success` with the {@link InstanceState}, or `error`
 *
 * @example
 * ```tsx
 * import type { KehilaMetiva } from '@maslul/kehila-metiva';
 * import { useInstance } from '@maslul/react';
 *
 * export function Tracks({ id }: { id: string }) {
 *   const instance = useInstance<KehilaMetiva>(id);
 *   if (instance.status === 'loading') return <p>Loading…</p>;
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
export function useInstance<P extends Program = Program>(
  id: string,
): QueryResult<InstanceState<P>> {
  return useQuery('useInstance', id, 'instance', (source) => source.open(id)) as QueryResult<
    InstanceState<P>
  >;
}
