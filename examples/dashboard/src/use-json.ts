import { useQuery } from '@tanstack/react-query';
import { demoHeaders } from './source.js';

/**
 * Reads JSON from the dashboard server (its own routes, or the HTTP API under /api) in the role
 * the page acts in; `key` says when to read it again (the simulated day, the events recorded).
 */
export function useJson<T>(path: string, key: readonly unknown[] = []) {
  return useQuery({
    queryKey: ['dashboard', path, ...key],
    queryFn: async (): Promise<T> => {
      const response = await fetch(path, { headers: demoHeaders() });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${response.statusText}`);
      return (await response.json()) as T;
    },
  });
}
