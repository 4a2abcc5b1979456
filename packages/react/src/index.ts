/**
 * `@maslul/react`: React hooks over a maslul runtime in the same JS process or over the HTTP API.
 * Put a source (`localSource(runtime)` or `httpSource({ baseUrl })`) in a `<MaslulProvider>`, then
 * read with `useInstance`, `useSchedule` and `useHistory` and send with `useSend`, each typed by
 * the program. Reads are cached per instance and query, shared between components, and re-read
 * after each change; subscriptions go through `useSyncExternalStore` (React 18 and 19, strict
 * mode, concurrent rendering).
 *
 * @packageDocumentation
 */

export { type FetchLike, type HttpSourceOptions, httpSource } from './http-source.js';
export { type LocalSource, type LocalSourceOptions, localSource } from './local-source.js';
export { MaslulProvider, type MaslulProviderProps } from './maslul-provider.js';
export type { QueryResult } from './query-cache.js';
export type {
  InstanceState,
  Instant,
  MaslulSource,
  ScheduleState,
  SendOutcome,
  SourceSendOptions,
} from './source.js';
export { useHistory } from './use-history.js';
export { useInstance } from './use-instance.js';
export { type UseScheduleOptions, useSchedule } from './use-schedule.js';
export { type UseSendResult, useSend } from './use-send.js';
