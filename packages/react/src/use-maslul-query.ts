import { MaslulError, type Program } from '@maslul/core';
import {
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { useMaslul } from './maslul-provider.js';
import { instanceKey } from './query-key.js';
import type { MaslulSource, ReadOptions } from './source.js';

/**
 * TanStack Query's options of a reading hook (`enabled`, `select`, `staleTime`,
 * `refetchInterval`, `retry`, `placeholderData`...), without the key and the function, which
 * the hook makes. `T` is what the source reads, `TData` what `select` makes of it.
 *
 * @example
 * ```ts
 * import type { InstanceState, MaslulQueryOptions } from '@maslul/react';
 *
 * const options: MaslulQueryOptions<InstanceState, number> = {
 *   select: (state) => state.version,
 *   staleTime: 10_000,
 * };
 * ```
 * @category Hooks
 */
export type MaslulQueryOptions<T, TData = T> = Omit<
  UseQueryOptions<T, Error, TData, QueryKey>,
  'queryKey' | 'queryFn'
>;

/**
 * A maslul error (no such instance, a response that is not the API's) is an answer, not a
 * failure a retry could mend; anything else (the network) is tried again up to three times, as
 * TanStack Query does by default.
 */
const retryUnlessMaslul = (failures: number, error: Error): boolean =>
  !(error instanceof MaslulError) && failures < 3;

/**
 * One read of instance `id` as a TanStack query keyed `['maslul', <source>, id, ...key]`, with
 * the source watched while the component is mounted (and the query enabled): a change the
 * source tells of invalidates every query of the instance, which TanStack then reads again.
 */
export function useMaslulQuery<T, TData>(
  hook: string,
  id: string,
  key: readonly unknown[],
  read: (source: MaslulSource<Program>, signal: () => AbortSignal) => Promise<T>,
  options: MaslulQueryOptions<T, TData> | undefined,
): UseQueryResult<TData, Error> {
  const { source, client, watch } = useMaslul(hook);
  const enabled = options?.enabled !== false;
  useEffect(() => (enabled ? watch(id) : undefined), [watch, id, enabled]);
  return useQuery(
    {
      retry: retryUnlessMaslul,
      ...options,
      queryKey: [...instanceKey(source, id), ...key],
      // TanStack cancels a read nobody watches only if its signal was taken: hand it on unread,
      // so a source that cannot abort (a local runtime) is not read twice by strict mode's
      // unmount and mount, and one that can (fetch) is aborted.
      queryFn: (context) => read(source, () => context.signal),
    },
    client,
  );
}

/** Read options whose `signal` is taken from TanStack's context only when a source reads it. */
export const readOptions = (signal: () => AbortSignal): ReadOptions => ({
  get signal() {
    return signal();
  },
});
