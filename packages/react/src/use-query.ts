import type { Program } from '@maslul/core';
import { useSyncExternalStore } from 'react';
import { useQueryCache } from './maslul-provider.js';
import type { QueryResult } from './query-cache.js';
import type { MaslulSource } from './source.js';

/**
 * Reads `key` of instance `id` through the provider's cache and re-renders when it changes.
 * `useSyncExternalStore` makes the read tear-free in concurrent rendering; the cache's stable
 * `subscribe` and `getSnapshot` keep React from resubscribing on every render.
 */
export function useQuery<T>(
  hook: string,
  id: string,
  key: string,
  read: (source: MaslulSource<Program>) => Promise<T>,
): QueryResult<T> {
  const query = useQueryCache(hook).query(id, key, read);
  return useSyncExternalStore(query.subscribe, query.getSnapshot, query.getSnapshot);
}
