import type { Deadline, InstanceStore } from '@maslul/core';

/**
 * A deadline in the timer table: the instance it belongs to, the deadline as the runtime planned
 * it, and how many deliveries of it were tried.
 *
 * @example
 * ```ts
 * import type { DueTimer } from '@maslul/store';
 *
 * const label = (timer: DueTimer) => `${timer.instanceId}: ${timer.deadline.id}`;
 * ```
 * @category Timers
 */
export interface DueTimer {
  readonly instanceId: string;
  readonly deadline: Deadline;
  /** Deliveries tried before this one. */
  readonly attempts: number;
}

/**
 * A timer as {@link TimerStore.timers} lists it: pending, or fired (when, in epoch milliseconds).
 *
 * @example
 * ```ts
 * import type { TimerState } from '@maslul/store';
 *
 * const pending = (timers: readonly TimerState[]) => timers.filter((t) => t.firedAt === undefined);
 * ```
 * @category Timers
 */
export interface TimerState extends DueTimer {
  readonly firedAt: number | undefined;
  readonly lastError: string | undefined;
}

/**
 * What a timer worker asks of a store: claim the due timers (each claimed by one worker at a
 * time, for a lease), then mark each fired or failed.
 *
 * @example
 * ```ts
 * import type { TimerStore } from '@maslul/store';
 *
 * const nextWake = (store: TimerStore) => store.nextDue();
 * ```
 * @category Timers
 */
export interface TimerStore {
  /**
   * Claims up to `limit` timers that are due at `now`, not fired, and not claimed by a live
   * lease of another worker, for `worker` until `leaseUntil`. Two workers never claim the same
   * timer at once; a worker takes back its own claims at once (it restarted after dying).
   */
  claimDue(options: {
    readonly now: number;
    readonly limit: number;
    readonly worker: string;
    readonly leaseUntil: number;
  }): Promise<readonly DueTimer[]>;
  /** Marks a claimed timer fired at `now`; false when the claim was lost (the lease ran out and another worker took it). */
  complete(timer: DueTimer, worker: string, now: number): Promise<boolean>;
  /** Releases a claimed timer after a failed delivery, to be due again at `retryAt`. */
  fail(timer: DueTimer, worker: string, retryAt: number, error: string): Promise<void>;
  /** The earliest instant a pending timer is due, or undefined when none is pending. */
  nextDue(): Promise<number | undefined>;
  /** Every timer of an instance (or of all), pending and fired, in due order. */
  timers(instanceId?: string | undefined): Promise<readonly TimerState[]>;
}

/**
 * A complete store: an `InstanceStore` of `@maslul/core` (what a runtime needs), a {@link TimerStore} (what
 * a timer worker needs), and `close`.
 *
 * @example
 * ```ts
 * import { createMemoryStore, type MaslulStore } from '@maslul/store';
 *
 * const store: MaslulStore = createMemoryStore();
 * await store.close();
 * ```
 * @category Stores
 */
export interface MaslulStore extends InstanceStore, TimerStore {
  /** Releases the connection or database the store opened (not one it was given). */
  close(): Promise<void>;
}
