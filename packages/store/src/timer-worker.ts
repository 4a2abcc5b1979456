import {
  type Clock,
  DEFAULT_MAX_WAIT,
  deadlineKey,
  MAX_TIMER_DELAY,
  MaslulError,
  systemClock,
  type TimerHost,
} from '@maslul/core';
import type { DueTimer, TimerStore } from './timer-store.js';

/** One key per deadline of an instance and planned instant; deadline ids hold no "/". */
const deliveryKeyOf = ({ instanceId, deadline }: DueTimer): string =>
  `${instanceId}/${deadlineKey(deadline)}`;

/**
 * What `deliver` is given: a due timer and its delivery key, `<instanceId>/<deadline.id>@<deadline.at>`,
 * the same for every delivery of the same deadline (a retry, a second worker after a lease ran
 * out) and different for any other. Delivery is at least once: deduplicate on `key`.
 *
 * @example
 * ```ts
 * import type { TimerDelivery } from '@maslul/store';
 *
 * const sent = new Set<string>();
 * const deliver = ({ key, deadline }: TimerDelivery) => {
 *   if (sent.has(key)) return; // delivered before
 *   sent.add(key);
 *   console.log(`${deadline.step} is ${deadline.kind} on ${deadline.date}`);
 * };
 * ```
 * @category Timers
 */
export interface TimerDelivery extends DueTimer {
  /** The delivery's key: one per deadline of an instance and planned instant. */
  readonly key: string;
}

/**
 * What {@link createTimerWorker} needs.
 *
 * @example
 * ```ts
 * import { createManualClock } from '@maslul/core';
 * import { createMemoryStore, type TimerWorkerOptions } from '@maslul/store';
 *
 * const clock = createManualClock('2026-09-07T08:00:00Z');
 * const options: TimerWorkerOptions = {
 *   store: createMemoryStore(),
 *   clock,
 *   timers: clock,
 *   deliver: (timer) => console.log(timer.instanceId, timer.deadline.id),
 * };
 * ```
 * @category Timers
 */
export interface TimerWorkerOptions {
  readonly store: TimerStore;
  /** Where "now" comes from; due means `at <= clock.now()`. */
  readonly clock: Clock;
  /** Where the worker sets its waits. Default: the system's timers. */
  readonly timers?: TimerHost | undefined;
  /**
   * Delivers one due deadline (sends a reminder, an email, an event...). A throw means "try
   * again later". At least once: a worker that dies between `deliver` and marking the timer
   * fired, or a delivery longer than `lease`, delivers it again; make the effect idempotent on
   * `timer.key` (a unique key in an outbox table, an idempotency key at the mail provider).
   */
  readonly deliver: (timer: TimerDelivery) => void | Promise<void>;
  /** This worker's name in the claims; a random id by default. Give each process its own. */
  readonly worker?: string | undefined;
  /** How many timers one claim takes (default 100). */
  readonly batchSize?: number | undefined;
  /** How long a claim holds, in ms (default 5 minutes): a worker that dies lets its claims go after this. */
  readonly lease?: number | undefined;
  /** How often to look for timers other processes stored, in ms (default 10 seconds). */
  readonly pollInterval?: number | undefined;
  /** The longest single wait, in ms (default one hour; at most 2^31-1). */
  readonly maxWait?: number | undefined;
  /** How long after a failed delivery it is tried again, in ms (default one minute). */
  readonly retryDelay?: number | undefined;
  /** Told of every failed delivery and failed store call. Default: `console.error`. */
  readonly onError?: ((error: unknown, timer: DueTimer | undefined) => void) | undefined;
}

/**
 * Delivers the stored deadlines of every instance as they fall due. See {@link createTimerWorker}.
 *
 * @example
 * ```ts
 * import type { TimerWorker } from '@maslul/store';
 *
 * const shutdown = async (worker: TimerWorker) => {
 *   worker.stop();
 *   await worker.idle();
 * };
 * ```
 * @category Timers
 */
export interface TimerWorker {
  /** Delivers what is due now (missed while everything was down, too), then waits for the next. */
  start(): void;
  /** Stops waiting; a delivery in flight finishes (await {@link TimerWorker.idle}). */
  stop(): void;
  /** Claims and delivers everything due now, batch after batch; resolves to how many fired. */
  runDue(): Promise<number>;
  /** Resolves when no delivery is in flight. */
  idle(): Promise<void>;
}

function positive(
  name: string,
  value: number | undefined,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen <= 0 || chosen > max) {
    throw new MaslulError([
      {
        code: 'invalid-option',
        path: [name],
        rule: 'store.timer-option',
        message: `${name} must be a number of milliseconds above 0 and at most ${max}, not ${JSON.stringify(value)}.`,
      },
    ]);
  }
  return chosen;
}

/**
 * Starts nothing yet: makes a worker that delivers due deadlines from a store's timer table.
 * Waits are chunked (at most `maxWait`, far below the 24.8-day limit of real timers) and
 * re-read the clock on every wake; the deadlines themselves are rows, so they survive restarts
 * and deploys. Several workers (one per process) on one PostgreSQL share the work: each due
 * timer is claimed by exactly one of them (`FOR UPDATE SKIP LOCKED`) and marked fired once.
 *
 * A delivery that throws is retried after `retryDelay`. A worker that dies mid-delivery leaves
 * its claim to expire after `lease`, and the timer is delivered again: delivery is at least once.
 * Make `deliver` idempotent on the `key` it is given when its effect must happen once.
 *
 * @param options - the store, the clock, `deliver`, and the tuning options
 * @returns the worker, not started
 * @throws MaslulError `invalid-option`
 *
 * @example
 * ```ts
 * import { systemClock } from '@maslul/core';
 * import { createTimerWorker } from '@maslul/store';
 * import { createPostgresStore } from '@maslul/store/postgres';
 *
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL });
 * const worker = createTimerWorker({
 *   store,
 *   clock: systemClock,
 *   // At least once: `key` is the same for every delivery of one deadline.
 *   deliver: async ({ key, instanceId, deadline }) => {
 *     console.log(`${key}: ${instanceId}'s ${deadline.step} is ${deadline.kind} (${deadline.date})`);
 *   },
 * });
 * worker.start();
 * ```
 * @category Timers
 */
export function createTimerWorker(options: TimerWorkerOptions): TimerWorker {
  const { store, clock, deliver } = options;
  const timers = options.timers ?? systemClock;
  const batchSize = positive('batchSize', options.batchSize, 100);
  const lease = positive('lease', options.lease, 5 * 60 * 1000);
  const pollInterval = positive('pollInterval', options.pollInterval, 10_000, MAX_TIMER_DELAY);
  const maxWait = positive('maxWait', options.maxWait, DEFAULT_MAX_WAIT, MAX_TIMER_DELAY);
  const retryDelay = positive('retryDelay', options.retryDelay, 60_000);
  const worker = options.worker ?? `worker-${globalThis.crypto.randomUUID()}`;
  const report = (error: unknown, timer: DueTimer | undefined) => {
    try {
      (
        options.onError ??
        ((e, t) => console.error('maslul timer worker:', t?.deadline.id ?? '', e))
      )(error, timer);
    } catch {
      // A failing error handler must not stop the worker.
    }
  };

  let running = false;
  let handle: unknown;
  let inFlight: Promise<unknown> = Promise.resolve();

  const runDue = async (): Promise<number> => {
    let fired = 0;
    for (;;) {
      const now = clock.now();
      const claimed = await store.claimDue({
        now,
        limit: batchSize,
        worker,
        leaseUntil: now + lease,
      });
      for (const timer of claimed) {
        try {
          await deliver({ ...timer, key: deliveryKeyOf(timer) });
          if (await store.complete(timer, worker, clock.now())) fired += 1;
        } catch (error) {
          report(error, timer);
          await store.fail(
            timer,
            worker,
            clock.now() + retryDelay,
            String((error as Error)?.message ?? error),
          );
        }
      }
      if (claimed.length < batchSize) return fired;
    }
  };

  const wake = async (): Promise<void> => {
    handle = undefined;
    if (!running) return;
    let delay = pollInterval;
    try {
      await runDue();
      const next = await store.nextDue();
      if (next !== undefined) delay = Math.min(delay, Math.max(0, next - clock.now()));
    } catch (error) {
      report(error, undefined);
      delay = Math.min(retryDelay, maxWait);
    }
    if (running) handle = timers.setTimeout(tick, Math.max(1, Math.min(delay, maxWait)));
  };
  const tick = () => {
    inFlight = inFlight.then(wake);
  };

  return {
    start() {
      if (running) return;
      running = true;
      tick();
    },
    stop() {
      running = false;
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
    },
    runDue: () => {
      const run = inFlight.then(runDue);
      inFlight = run.catch(() => undefined);
      return run;
    },
    idle: () => inFlight.then(() => undefined),
  };
}
