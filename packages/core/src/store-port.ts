import type { PlainDate } from '@maslul/timing';
import type { Deadline } from './deadlines.js';
import type { InstanceSnapshot, LogEntry } from './instance.js';
import type { InstanceListQuery, InstanceRef } from './instance-list.js';
import type { RefusalRecord } from './refusal-log.js';

/**
 * A stored instance as {@link InstanceStore.load} returns it: what it runs, how many events it
 * took, its latest snapshot and the events after that snapshot.
 *
 * @example
 * ```ts
 * import type { StoredInstance } from '@maslul/core';
 *
 * const behind = (stored: StoredInstance) => stored.version - stored.snapshot.seq; // === stored.events.length
 * ```
 * @category Storage
 */
export interface StoredInstance {
  readonly id: string;
  /** The program and the definition version the instance runs: its latest snapshot's. */
  readonly program: { readonly id: string; readonly version: number };
  readonly start: PlainDate;
  /** The seq of its last event: the version the next append expects. */
  readonly version: number;
  /** The latest snapshot (its `seq` is at most `version`). */
  readonly snapshot: InstanceSnapshot;
  /** The events after the snapshot, in seq order. */
  readonly events: readonly LogEntry[];
}

/**
 * A new instance, as {@link InstanceStore.create} writes it: its first snapshot (seq 0) and its
 * first deadlines.
 *
 * @example
 * ```ts
 * import type { NewInstance } from '@maslul/core';
 *
 * const idOf = (instance: NewInstance) => instance.id;
 * ```
 * @category Storage
 */
export interface NewInstance {
  readonly id: string;
  readonly program: { readonly id: string; readonly version: number };
  readonly start: PlainDate;
  readonly snapshot: InstanceSnapshot;
  readonly deadlines: readonly Deadline[];
}

/**
 * How an append changes an instance's pending deadlines. A deadline is stored once per delivery
 * key (`id@at`): one `added` again after it fired stays fired; `removed` drops only deadlines that
 * have not fired and that no worker is delivering (a claimed one is delivered and marked fired).
 * A deadline removed before any worker claimed it is cancelled: its step was recorded or
 * re-planned first.
 *
 * @example
 * ```ts
 * import type { DeadlineChanges } from '@maslul/core';
 *
 * const none: DeadlineChanges = { added: [], removed: [] };
 * ```
 * @category Storage
 */
export interface DeadlineChanges {
  readonly added: readonly Deadline[];
  readonly removed: readonly Deadline[];
}

/**
 * One atomic write to an instance: its new events, maybe a snapshot that covers them, and the
 * changes to its deadlines. All of it is written, or, when the instance is not at
 * `expectedVersion`, none of it (a `version-conflict` error).
 *
 * @example
 * ```ts
 * import type { AppendBatch, LogEntry } from '@maslul/core';
 *
 * const batchOf = (entry: LogEntry): AppendBatch => ({
 *   expectedVersion: entry.seq - 1,
 *   entries: [entry],
 *   deadlines: { added: [], removed: [] },
 * });
 * ```
 * @category Storage
 */
export interface AppendBatch {
  /** The version the writer read: the seq of the instance's last event (0 when it has none). */
  readonly expectedVersion: number;
  /** The new events, seqs `expectedVersion + 1` onward, in order. */
  readonly entries: readonly LogEntry[];
  /** A snapshot at the last new event, written in the same transaction. */
  readonly snapshot?: InstanceSnapshot | undefined;
  readonly deadlines: DeadlineChanges;
}

/**
 * The storage port: what a runtime needs from a store, in core's terms. `@maslul/store` has
 * adapters (in memory, PGlite, PostgreSQL); any other store that keeps these promises works.
 *
 * Errors are `MaslulError`s with these codes: `instance-exists` (create), `unknown-instance`,
 * `version-conflict` (append, also for an idempotency key stored by another writer), and
 * `corrupt-record` (a stored row that does not parse: nothing is overwritten).
 *
 * @example
 * ```ts
 * import type { InstanceStore } from '@maslul/core';
 *
 * async function eventCount(store: InstanceStore, id: string): Promise<number> {
 *   return (await store.load(id))?.version ?? 0;
 * }
 * ```
 * @category Storage
 */
export interface InstanceStore {
  /** Writes a new instance with its first snapshot and deadlines; `instance-exists` if the id is taken. */
  create(instance: NewInstance): Promise<void>;
  /** The instance's latest snapshot and the events after it; undefined when there is none. */
  load(id: string): Promise<StoredInstance | undefined>;
  /** The instance's stored version (the seq of its last event); undefined when there is none. */
  version(id: string): Promise<number | undefined>;
  /** Appends atomically at the expected version (see `AppendBatch`). */
  append(id: string, batch: AppendBatch): Promise<void>;
  /** Writes a snapshot of the instance as it is (its `seq` must be the stored version). */
  saveSnapshot(id: string, snapshot: InstanceSnapshot): Promise<void>;
  /** The stored event first sent with an idempotency key, if any. */
  eventByKey(id: string, key: string): Promise<LogEntry | undefined>;
  /** The instance's events with a seq above `after` (0 by default), in order. */
  events(id: string, after?: number | undefined): Promise<readonly LogEntry[]>;
  /**
   * Adds a refused event to the instance's refusal log (kept apart from its events), keeping
   * only the newest `keep`; `unknown-instance` if there is none.
   */
  appendRefusal(id: string, refusal: RefusalRecord, keep: number): Promise<void>;
  /** The instance's refusal log, oldest first (empty when it has none, or no instance). */
  refusals(id: string): Promise<readonly RefusalRecord[]>;
  /**
   * A page of the stored instances in id order (by code point), of one program when asked:
   * `invalid-option` for a bad limit or program, `invalid-id` for a bad `after`.
   */
  list(query: InstanceListQuery): Promise<readonly InstanceRef[]>;
}
