import { useCallback, useEffect, useState } from 'react';
import type { DemoState } from './demo-state.js';
import { actAs, readDemo } from './source.js';

/** What {@link useDemo} gives: the demo's state once read, or why it could not be. */
export interface UseDemo {
  readonly data: DemoState | undefined;
  readonly error: Error | undefined;
  /** Reads it again (after the clock moved or an event was recorded). */
  readonly refresh: () => Promise<void>;
}

/**
 * Reads `GET /demo` (the simulated day and the script's next event) and acts, from then on, in
 * the role that may record that event.
 */
export function useDemo(): UseDemo {
  const [data, setData] = useState<DemoState>();
  const [error, setError] = useState<Error>();
  const refresh = useCallback(async () => {
    try {
      const state = await readDemo();
      if (state.next) actAs(state.next.actor);
      setData(state);
      setError(undefined);
    } catch (cause) {
      setError(cause instanceof Error ? cause : new Error(String(cause)));
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { data, error, refresh };
}
