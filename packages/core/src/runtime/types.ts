import type { PlainDate, WorkCalendar } from '@maslul/timing';
import type { Clock } from '../clock.js';
import type { ProgramEvent } from '../events.js';
import type {
  InstanceSnapshot,
  LogEntry,
  Migration,
  ProgramInstance,
  RoleOf,
  SendOptions,
  SendResult,
} from '../instance.js';
import type { InstancePage, ListOptions } from '../instance-list.js';
import type { Program } from '../program.js';
import type { RefusalRecord } from '../refusal-log.js';
import type { InstanceStore } from '../store-port.js';

/**
 * What {@link createRuntime} needs: the store, the clock, and how the instances run.
 *
 * @example
 * ```ts
 * import { createManualClock, type InstanceStore, type RuntimeOptions } from '@maslul/core';
 *
 * declare const store: InstanceStore; // from @maslul/store
 * const options: RuntimeOptions = { store, clock: createManualClock('2026-09-07T08:00:00Z'), snapshotEvery: 50 };
 * ```
 * @category Storage
 */
export interface RuntimeOptions {
  readonly store: InstanceStore;
  /** The only source of "now". */
  readonly clock: Clock;
  /** Which days are working days; Monday to Friday by default. */
  readonly calendar?: WorkCalendar | undefined;
  /** A snapshot is written with every `snapshotEvery`-th event (default 25, so an instance opens
   * from its latest snapshot and at most 24 events after it; at least 1). */
  readonly snapshotEvery?: number | undefined;
  /** Migrations of stored snapshots, by the definition version they start from. */
  readonly migrations?: { readonly [fromVersion: number]: Migration } | undefined;
  /** How many loaded instances stay in memory (default 1,000; least recently used go first). */
  readonly cacheSize?: number | undefined;
  /** How many refusals the store keeps per instance, the newest (default 200). */
  readonly refusalLimit?: number | undefined;
}

/**
 * A stored instance, read-only: where it stands, its plan and deadlines, its snapshot. Events go
 * through {@link Runtime.send}, which stores them.
 *
 * @example
 * ```ts
 * import type { InstanceView } from '@maslul/core';
 *
 * const where = (view: InstanceView) => view.current();
 * ```
 * @category Storage
 */
export type InstanceView<P extends Program = Program> = Pick<
  ProgramInstance<P>,
  'program' | 'current' | 'schedule' | 'deadlines' | 'snapshot' | 'forecast'
> & {
  /**
   * The stored version: the seq of the last event this runtime loaded or stored. Live, like
   * `current()`: it moves with every event sent through this runtime.
   */
  readonly version: number;
};

/**
 * Durable instances of one program over a store: every accepted event is appended (with the
 * version it expects, its idempotency key and its rule trace) before `send` resolves, together
 * with the instance's changed deadlines and, every so often, a snapshot.
 *
 * @example
 * ```ts
 * import type { Runtime } from '@maslul/core';
 *
 * const versionOf = async (runtime: Runtime, id: string) => (await runtime.open(id)).version;
 * ```
 * @category Storage
 */
export interface Runtime<P extends Program = Program> {
  readonly program: P;
  /**
   * Starts and stores a new instance.
   *
   * @throws MaslulError `instance-exists`, `invalid-id`; `invalid-date` for a start that is not a
   *   date of the years 1900 to 2200, or whose plan runs past them
   */
  create(id: string, options: { readonly start: PlainDate }): Promise<InstanceView<P>>;
  /**
   * Sends an event and stores it if accepted. A refusal stores nothing. A key sent before
   * (by this process or another) returns the first result, marked `duplicate`: its `entry` is
   * the stored one; its `snapshot` and `deadlines` are the instance's as they are now.
   *
   * @throws MaslulError `unknown-instance`; `version-conflict` when another writer appended
   *   first (nothing was stored: load and send again); `corrupt-record`
   */
  send(id: string, event: ProgramEvent<P>, options: SendOptions<RoleOf<P>>): Promise<SendResult>;
  /**
   * Loads an instance (latest snapshot plus the events after it).
   *
   * @throws MaslulError `unknown-instance`, `corrupt-record`, `version-mismatch`
   */
  open(id: string): Promise<InstanceView<P>>;
  /** Writes a snapshot of the instance now, whatever the policy; resolves to it. */
  snapshot(id: string): Promise<InstanceSnapshot>;
  /** Every stored event of the instance, in order. */
  history(id: string): Promise<readonly LogEntry[]>;
  /**
   * The instance's stored refusals, oldest first: who tried what, when, and the rule that
   * refused it (the newest `refusalLimit`).
   *
   * @throws MaslulError `unknown-instance`
   */
  refusals(id: string): Promise<readonly RefusalRecord[]>;
  /**
   * A page of the stored instances of this program, in id order, with where each stands now
   * (status, current steps, overdue steps); filtered by status and by having overdue steps.
   *
   * @throws MaslulError `invalid-option` for a bad status, overdue or limit; `invalid-id` for a
   *   bad cursor
   */
  list(options?: ListOptions | undefined): Promise<InstancePage<P>>;
  /** Forgets the instances held in memory (the next call loads from the store). */
  evict(id?: string | undefined): void;
}
