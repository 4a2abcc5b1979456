import type { Program } from '@maslul/core';
import type { MaslulSource } from './source.js';

/**
 * What a reading hook returns: `loading` until the first answer, then `success` with the data or
 * `error` with what went wrong (and the last good data, if any). `fetching` is true while a read
 * is in flight, including a re-read after a change, during which the last data stays shown.
 *
 * @example
 * ```ts
 * import type { QueryResult } from '@maslul/react';
 *
 * const text = (result: QueryResult<number>) =>
 *   result.status === 'success' ? String(result.data) : result.status === 'error' ? result.error.message : '…';
 * ```
 * @category Hooks
 */
export type QueryResult<T> =
  | {
      readonly status: 'loading';
      readonly data: undefined;
      readonly error: undefined;
      readonly fetching: boolean;
    }
  | {
      readonly status: 'success';
      readonly data: T;
      readonly error: undefined;
      readonly fetching: boolean;
    }
  | {
      readonly status: 'error';
      readonly data: T | undefined;
      readonly error: Error;
      readonly fetching: boolean;
    };

/** One cached read, shaped for `useSyncExternalStore`: both methods are stable. */
export interface Query<T> {
  readonly getSnapshot: () => QueryResult<T>;
  readonly subscribe: (listener: () => void) => () => void;
}

/** The reads of one provider, keyed by instance id and query. */
export interface QueryCache {
  readonly source: MaslulSource<Program>;
  /** The query of `key` about instance `id`, made on first use; `read` is used only then. */
  query<T>(id: string, key: string, read: (source: MaslulSource<Program>) => Promise<T>): Query<T>;
}

interface Entry {
  readonly id: string;
  readonly query: Query<unknown>;
  readonly listeners: Set<() => void>;
  /** Re-read at the next subscription: never read, or left unwatched, or changed since. */
  stale: boolean;
  /** Reads now, or once more after the read in flight (its answer may predate a change). */
  fetch(): void;
}

const LOADING: QueryResult<never> = {
  status: 'loading',
  data: undefined,
  error: undefined,
  fetching: false,
};

/**
 * A small cache of reads: one entry per (instance, query), shared by every component that asks,
 * one request in flight per entry (a change during it asks for one more read after it), a source
 * subscription per instance while any entry of it is watched. Entries nobody watches are kept
 * (their data shows at once on the next mount, then re-read) up to `keep`, oldest dropped first.
 */
export function createQueryCache(source: MaslulSource<Program>, keep = 50): QueryCache {
  const entries = new Map<string, Entry>();
  const watched = new Map<string, { count: number; stop: () => void }>();

  const changed = (id: string) => {
    for (const entry of entries.values()) {
      if (entry.id !== id) continue;
      if (entry.listeners.size > 0) entry.fetch();
      else entry.stale = true;
    }
  };
  const watch = (id: string) => {
    const current = watched.get(id);
    if (current) current.count += 1;
    else watched.set(id, { count: 1, stop: source.subscribe(id, () => changed(id)) });
  };
  const unwatch = (id: string) => {
    const current = watched.get(id);
    if (!current) return;
    current.count -= 1;
    if (current.count === 0) {
      watched.delete(id);
      current.stop();
    }
  };
  const prune = () => {
    for (const [key, entry] of entries) {
      if (entries.size <= keep) return;
      if (entry.listeners.size === 0) entries.delete(key);
    }
  };

  const create = <T>(id: string, read: (source: MaslulSource<Program>) => Promise<T>): Entry => {
    let state: QueryResult<T> = LOADING;
    let inFlight = false;
    let again = false;
    const listeners = new Set<() => void>();
    const set = (next: QueryResult<T>) => {
      state = next;
      for (const listener of [...listeners]) listener();
    };
    const entry: Entry = {
      id,
      listeners,
      stale: true,
      fetch() {
        if (inFlight) {
          again = true;
          return;
        }
        inFlight = true;
        entry.stale = false;
        set({ ...state, fetching: true });
        read(source)
          .then(
            (data) => ({ status: 'success', data, error: undefined, fetching: false }) as const,
            (error: unknown) =>
              ({
                status: 'error',
                data: state.data,
                error: error instanceof Error ? error : new Error(String(error)),
                fetching: false,
              }) as const,
          )
          .then((next) => {
            inFlight = false;
            if (listeners.size === 0) entry.stale = true;
            set(next);
            if (again) {
              again = false;
              entry.fetch();
            }
          });
      },
      query: {
        getSnapshot: () => state,
        subscribe: (listener) => {
          const wrapped = () => listener();
          listeners.add(wrapped);
          if (listeners.size === 1) watch(id);
          // A read in flight serves this subscriber too: strict mode's subscribe, unsubscribe,
          // subscribe makes one request.
          if (entry.stale && !inFlight) entry.fetch();
          return () => {
            if (!listeners.delete(wrapped) || listeners.size > 0) return;
            unwatch(id);
            // Nobody is told of changes now: read again at the next mount, showing this meanwhile.
            if (!inFlight) entry.stale = true;
            // Pruned here, never in render: a query just made for a component not yet subscribed
            // must not be dropped.
            prune();
          };
        },
      },
    };
    return entry;
  };

  return {
    source,
    query<T>(id: string, key: string, read: (source: MaslulSource<Program>) => Promise<T>) {
      const full = `${JSON.stringify(id)} ${key}`;
      let entry = entries.get(full);
      if (entry) {
        // Most recently used last, so pruning drops the oldest first.
        entries.delete(full);
      } else {
        entry = create(id, read);
      }
      entries.set(full, entry);
      return entry.query as Query<T>;
    },
  };
}
