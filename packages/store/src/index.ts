/**
 * `@maslul/store`: durable program instances. An append-only event log per instance (each event
 * with its seq, instant, actor, payload, idempotency key and rule trace), snapshots written in the
 * same transaction as the events they cover, and a timer table of the instances' deadlines that
 * workers deliver exactly once. Stores: in memory (here), PGlite (`@maslul/store/pglite`) and
 * PostgreSQL (`@maslul/store/postgres`), the last two on one SQL implementation.
 *
 * Use a store with `createRuntime` from `@maslul/core`.
 *
 * @packageDocumentation
 */

export { createMemoryStore } from './memory-store.js';
export type { SqlClient } from './sql/client.js';
export { SCHEMA_VERSION } from './sql/migrate.js';
export { createSqlStore } from './sql/sql-store.js';
export { type ActingDeliveryOptions, type ActOutcome, actingDelivery } from './timer-acts.js';
export type { DueTimer, MaslulStore, TimerState, TimerStore } from './timer-store.js';
export {
  createTimerWorker,
  type TimerDelivery,
  type TimerWorker,
  type TimerWorkerOptions,
} from './timer-worker.js';
