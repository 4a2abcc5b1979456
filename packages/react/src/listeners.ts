/** Listeners by instance id, for a source's `subscribe`. */
export interface Listeners {
  /** Adds a listener; `onFirst` runs when an id gets its first one. Returns its removal. */
  add(id: string, listener: () => void): () => void;
  /**
   * Calls every listener of `id`. One that throws does not stop the others nor fail the caller
   * (a send that was stored): its error is rethrown in a microtask, as an event target does.
   */
  notify(id: string): void;
  /** How many listeners `id` has. */
  count(id: string): number;
}

/**
 * A listener registry. `onFirst(id)` runs when an id gets its first listener and may return a
 * function that runs when it loses its last one (a source's poller starts and stops there).
 */
export function createListeners(
  onFirst?: ((id: string) => (() => void) | undefined) | undefined,
): Listeners {
  const byId = new Map<string, Set<() => void>>();
  const stops = new Map<string, () => void>();
  return {
    add(id, listener) {
      let set = byId.get(id);
      if (!set) {
        set = new Set();
        byId.set(id, set);
      }
      // A wrapper per call: the same function subscribed twice is two subscriptions.
      const entry = () => listener();
      set.add(entry);
      if (set.size === 1 && onFirst) {
        const stop = onFirst(id);
        if (stop) stops.set(id, stop);
      }
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        const current = byId.get(id);
        current?.delete(entry);
        if (current?.size === 0) {
          byId.delete(id);
          stops.get(id)?.();
          stops.delete(id);
        }
      };
    },
    notify(id) {
      for (const listener of [...(byId.get(id) ?? [])]) {
        try {
          listener();
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    count: (id) => byId.get(id)?.size ?? 0,
  };
}
