import type { ProgramInstance } from '../instance.js';
import type { Program } from '../program.js';
import type { StoredDeadlines } from './deadlines.js';

/** An instance held in memory: the version it was loaded or last stored at, and its deadlines. */
export interface Loaded<P extends Program> {
  readonly instance: ProgramInstance<P>;
  version: number;
  deadlines: StoredDeadlines;
}

/** The loaded instances, least recently used first out when more than `size` are held. */
export interface InstanceCache<P extends Program> {
  get(id: string): Loaded<P> | undefined;
  /** Holds `loaded` as the most recently used; returns it. */
  remember(id: string, loaded: Loaded<P>): Loaded<P>;
  delete(id: string): void;
  clear(): void;
}

/** An LRU of loaded instances (a Map keeps insertion order: the first key is the oldest). */
export function createCache<P extends Program>(size: number): InstanceCache<P> {
  const cache = new Map<string, Loaded<P>>();
  return {
    get: (id) => cache.get(id),
    remember: (id, loaded) => {
      cache.delete(id);
      cache.set(id, loaded);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return loaded;
    },
    delete: (id) => {
      cache.delete(id);
    },
    clear: () => cache.clear(),
  };
}
