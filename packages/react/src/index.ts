/**
 * `@maslul/react`: React hooks over a maslul runtime in the same JS process or over the HTTP API,
 * on TanStack Query. Put a source (`localSource(runtime)` or `httpSource({ baseUrl })`) in a
 * `<MaslulProvider>`, then read with `useInstance`, `useSchedule`, `useHistory` and
 * `useSelector` and send with `useSend`, each typed by the program. Reads are TanStack queries
 * (`status: 'pending'`, `isFetching`, `refetch`, `enabled`, `select`, an `AbortSignal` per read),
 * shared between components and read again after each change the source tells of; sends are a
 * TanStack mutation.
 *
 * @packageDocumentation
 */

export { type FetchLike, type HttpSourceOptions, httpSource } from './http-source.js';
export { type LocalSource, type LocalSourceOptions, localSource } from './local-source.js';
export { MaslulProvider, type MaslulProviderProps } from './maslul-provider.js';
export type {
  InstanceState,
  Instant,
  MaslulSource,
  ReadOptions,
  ScheduleState,
  SendOutcome,
  SourceSendOptions,
} from './source.js';
export { useHistory } from './use-history.js';
export { useInstance } from './use-instance.js';
export type { MaslulQueryOptions } from './use-maslul-query.js';
export { type UseScheduleOptions, useSchedule } from './use-schedule.js';
export { matches, type StateValue, useSelector } from './use-selector.js';
export { type UseSendResult, useSend } from './use-send.js';
