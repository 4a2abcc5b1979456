import { MaslulError, type Program } from '@maslul/core';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import {
  createContext,
  createElement,
  type ReactElement,
  type ReactNode,
  useContext,
  useMemo,
  useState,
} from 'react';
import { instanceKey } from './query-key.js';
import type { MaslulSource } from './source.js';

/** What the hooks below a provider share: the source, the query client, and who watches what. */
export interface MaslulContext {
  readonly source: MaslulSource<Program>;
  readonly client: QueryClient;
  /**
   * Subscribes to the source for instance `id` while anything watches it (one subscription per
   * instance, however many components): a change invalidates every query of the instance.
   *
   * @returns the watch's end
   */
  readonly watch: (id: string) => () => void;
}

const Context = createContext<MaslulContext | null>(null);

/**
 * The props of {@link MaslulProvider}.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query';
 * import { httpSource, type MaslulProviderProps } from '@maslul/react';
 *
 * const props: MaslulProviderProps = {
 *   source: httpSource({ baseUrl: '/api' }),
 *   queryClient: new QueryClient(),
 * };
 * ```
 * @category Hooks
 */
export interface MaslulProviderProps<P extends Program = Program> {
  /** Where the hooks below read and send: {@link localSource} or {@link httpSource}. */
  readonly source: MaslulSource<P>;
  /**
   * The TanStack Query client the hooks' queries live in: by default the one of the nearest
   * `<QueryClientProvider>`, else one the provider makes for itself.
   */
  readonly queryClient?: QueryClient | undefined;
  readonly children?: ReactNode | undefined;
}

/**
 * Gives the hooks below it a source and a TanStack Query client: the app's own (`queryClient`,
 * or the nearest `<QueryClientProvider>`'s), so maslul's queries sit beside the app's in one
 * cache and its devtools, or else one of its own. Components that read the same instance share
 * one query and one subscription to the source. Make the source once (outside the component, or
 * in `useState`), not in every render: its queries are keyed by it.
 *
 * @param props - the source, the query client, and the components that use them
 * @returns the provider element
 *
 * @example
 * ```tsx
 * import { httpSource, MaslulProvider, useInstance } from '@maslul/react';
 *
 * const source = httpSource({ baseUrl: '/api' });
 *
 * function Where({ id }: { id: string }) {
 *   const { data } = useInstance(id);
 *   return <p>{data?.current.strategy?.step ?? '…'}</p>;
 * }
 *
 * export const App = () => (
 *   <MaslulProvider source={source}>
 *     <Where id="ramat-hateenim" />
 *   </MaslulProvider>
 * );
 * ```
 * @category Hooks
 */
export function MaslulProvider<P extends Program>({
  source,
  queryClient,
  children,
}: MaslulProviderProps<P>): ReactElement {
  const outer = useContext(QueryClientContext);
  const [own] = useState(() => (queryClient || outer ? undefined : new QueryClient()));
  const client = (queryClient ?? outer ?? own) as QueryClient;
  // The hooks only read through the source, or send the events `useSend` types by its program.
  // A source of one program is not a source of every program, hence the cast.
  const value = useMemo(
    () => contextOf(source as unknown as MaslulSource<Program>, client),
    [source, client],
  );
  // createElement, not JSX: the library's sources stay .ts (tests and examples use JSX).
  return createElement(Context.Provider, { value }, children);
}

function contextOf(source: MaslulSource<Program>, client: QueryClient): MaslulContext {
  const watched = new Map<string, { count: number; stop: () => void }>();
  const changed = (id: string) =>
    void client.invalidateQueries({ queryKey: instanceKey(source, id) });
  return {
    source,
    client,
    watch: (id) => {
      const current = watched.get(id);
      if (current) current.count += 1;
      else watched.set(id, { count: 1, stop: source.subscribe(id, () => changed(id)) });
      let ended = false;
      return () => {
        const entry = watched.get(id);
        if (ended || !entry) return;
        ended = true;
        entry.count -= 1;
        if (entry.count === 0) {
          watched.delete(id);
          entry.stop();
        }
      };
    },
  };
}

/** The nearest provider's context; a hook used outside one fails naming the fix. */
export function useMaslul(hook: string): MaslulContext {
  const context = useContext(Context);
  if (!context) {
    throw new MaslulError([
      {
        code: 'no-provider',
        path: [hook],
        rule: 'react.provider',
        message: `"${hook}" is used outside a <MaslulProvider>: wrap the component tree in <MaslulProvider source={localSource(runtime)}> or <MaslulProvider source={httpSource({ baseUrl })}>.`,
      },
    ]);
  }
  return context;
}
