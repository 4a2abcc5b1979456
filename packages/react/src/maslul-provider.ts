import { MaslulError, type Program } from '@maslul/core';
import {
  createContext,
  createElement,
  type ReactElement,
  type ReactNode,
  useContext,
  useMemo,
} from 'react';
import { createQueryCache, type QueryCache } from './query-cache.js';
import type { MaslulSource } from './source.js';

const CacheContext = createContext<QueryCache | null>(null);

/**
 * The props of {@link MaslulProvider}.
 *
 * @example
 * ```ts
 * import { httpSource, type MaslulProviderProps } from '@maslul/react';
 *
 * const props: MaslulProviderProps = { source: httpSource({ baseUrl: '/api' }) };
 * ```
 * @category Hooks
 */
export interface MaslulProviderProps<P extends Program = Program> {
  /** Where the hooks below read and send: {@link localSource} or {@link httpSource}. */
  readonly source: MaslulSource<P>;
  readonly children?: ReactNode | undefined;
}

/**
 * Gives the hooks below it a source and one cache of reads: components that read the same
 * instance share one request and one subscription. A new `source` starts a new cache, so make
 * the source once (outside the component, or in `useState`), not in every render.
 *
 * @param props - the source, and the components that use it
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
  children,
}: MaslulProviderProps<P>): ReactElement {
  // The cache only reads (its methods take no event); `useSend` types its events by the program
  // it is given. A source of one program is not a source of every program, hence the cast.
  const cache = useMemo(
    () => createQueryCache(source as unknown as MaslulSource<Program>),
    [source],
  );
  // createElement, not JSX: the library's sources stay .ts (tests and examples use JSX).
  return createElement(CacheContext.Provider, { value: cache }, children);
}

/** The cache of the nearest provider; a hook used outside one fails naming the fix. */
export function useQueryCache(hook: string): QueryCache {
  const cache = useContext(CacheContext);
  if (!cache) {
    throw new MaslulError([
      {
        code: 'no-provider',
        path: [hook],
        rule: 'react.provider',
        message: `"${hook}" is used outside a <MaslulProvider>: wrap the component tree in <MaslulProvider source={localSource(runtime)}> or <MaslulProvider source={httpSource({ baseUrl })}>.`,
      },
    ]);
  }
  return cache;
}
