import { type Issue, MaslulError } from '@maslul/timing';
import { type Clock, MAX_TIMER_DELAY, systemClock, type TimerHost } from './clock.js';

/**
 * The least a deadline must say to be scheduled: an `id` that names it and the instant `at`
 * which it is due. The runtime's deadlines carry more (step, kind); the scheduler hands them
 * back to `deliver` as they are.
 *
 * @example
 * ```ts
 * import type { SchedulerDeadline } from '@maslul/core';
 *
 * const due: SchedulerDeadline = { id: 'S4:due', at: Date.parse('2027-09-30T00:00:00Z') };
 * ```
 * @category Scheduling
 */
export interface SchedulerDeadline {
  /** Names the deadline; unique within one set given to {@link Scheduler.replace}. */
  readonly id: string;
  /** When it is due, in epoch milliseconds. */
  readonly at: number;
}

/**
 * The longest single wait of a scheduler unless told otherwise: one hour. Far below what a real
 * timer can hold ({@link MAX_TIMER_DELAY}, about 24.8 days) on purpose: timers count on a
 * monotonic clock that stops while the machine sleeps and ignores wall-clock corrections, so
 * one long wait could deliver a deadline days late. Re-reading the clock every hour bounds that
 * lateness to an hour, for 24 wakes a day that cost next to nothing.
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_WAIT } from '@maslul/core';
 *
 * DEFAULT_MAX_WAIT; // 3_600_000
 * ```
 * @category Scheduling
 */
export const DEFAULT_MAX_WAIT = 60 * 60 * 1000;

/**
 * How soon a scheduler tries again to deliver a deadline whose delivery failed, unless told
 * otherwise: one minute. Long enough not to hammer a store that is down, short enough that a
 * passing failure delays a deadline by about a minute.
 *
 * @example
 * ```ts
 * import { DEFAULT_RETRY_DELAY } from '@maslul/core';
 *
 * DEFAULT_RETRY_DELAY; // 60_000
 * ```
 * @category Scheduling
 */
export const DEFAULT_RETRY_DELAY = 60 * 1000;

/**
 * What {@link createScheduler} needs.
 *
 * @example
 * ```ts
 * import { createManualClock, type SchedulerOptions } from '@maslul/core';
 *
 * const clock = createManualClock('2027-01-01T00:00:00Z');
 * const options: SchedulerOptions<{ id: string; at: number }> = {
 *   clock,
 *   timers: clock,
 *   deliver: async (deadline) => console.log('due:', deadline.id),
 *   onError: (error, deadline) => console.warn(deadline.id, error),
 * };
 * ```
 * @category Scheduling
 */
export interface SchedulerOptions<D extends SchedulerDeadline> {
  /** Where the scheduler reads the time; it re-reads it on every wake. */
  readonly clock: Clock;
  /** Where it sets its timers. Default: {@link systemClock}. */
  readonly timers?: TimerHost | undefined;
  /** Delivers one due deadline, typically by sending an event to the runtime. */
  readonly deliver: (deadline: D) => void | Promise<void>;
  /**
   * The longest single timer, in milliseconds: more than 0 and at most {@link MAX_TIMER_DELAY}.
   * Default: {@link DEFAULT_MAX_WAIT} (one hour).
   */
  readonly maxWait?: number | undefined;
  /**
   * How long after a failed delivery the scheduler wakes to try again, in milliseconds (more
   * than 0). Default: {@link DEFAULT_RETRY_DELAY} (one minute).
   */
  readonly retryDelay?: number | undefined;
  /** Delivery keys (see {@link deliveryKey}) delivered before, e.g. by an earlier process. */
  readonly alreadyDelivered?: Iterable<string> | undefined;
  /**
   * Told of every failed delivery; the deadline stays pending and is retried. Default: a
   * `console.error` line. An error thrown here is ignored, so it cannot stop the scheduler.
   */
  readonly onError?: ((error: unknown, deadline: D) => void) | undefined;
}

/**
 * Delivers deadlines at their instants, each once, across waits of any length and restarts.
 * See {@link createScheduler}.
 *
 * @example
 * ```ts
 * import { createScheduler, type Scheduler, systemClock } from '@maslul/core';
 *
 * const scheduler: Scheduler<{ id: string; at: number }> = createScheduler({
 *   clock: systemClock,
 *   deliver: (deadline) => console.log('due:', deadline.id),
 * });
 * ```
 * @category Scheduling
 */
export interface Scheduler<D extends SchedulerDeadline> {
  /**
   * Sets the full set of pending deadlines, replacing the previous one. A deadline is delivered
   * once per delivery key (`id@at`): one that comes back with the same `id` and `at` after its
   * delivery is not delivered again; one re-planned to another `at` is a new delivery. Deadlines
   * that are due are delivered on a later tick, never inside this call. Called from `deliver`,
   * it takes effect before the next delivery.
   *
   * @param deadlines - every deadline still pending
   * @throws MaslulError `invalid-deadline-id`, `duplicate-deadline-id` or `invalid-deadline-at`;
   *   the previous set then stays
   */
  replace(deadlines: readonly D[]): void;
  /**
   * Starts delivering: first every deadline already due (missed while the process was down), in
   * `at` order (ties in the order of the set), the first one within this call; then it waits for
   * the next. Starting a started scheduler does nothing.
   */
  start(): void;
  /** Clears the timer and delivers nothing more until started again; a delivery in flight ends. */
  stop(): void;
  /**
   * @returns a copy of the delivery keys delivered so far, with those given as `alreadyDelivered`
   */
  delivered(): ReadonlySet<string>;
  /**
   * @returns a promise that settles when no delivery is in flight (asynchronous `deliver`s
   *   finish after the call or timer that started them)
   */
  idle(): Promise<void>;
}

/**
 * The key under which a scheduler records a delivery: `${id}@${at}`. Persist these to seed
 * `alreadyDelivered` after a restart.
 *
 * @param deadline - the deadline
 * @returns its delivery key
 *
 * @example
 * ```ts
 * import { deliveryKey } from '@maslul/core';
 *
 * deliveryKey({ id: 'S4:due', at: 1_822_262_400_000 }); // 'S4:due@1822262400000'
 * ```
 * @category Scheduling
 */
export function deliveryKey(deadline: SchedulerDeadline): string {
  return `${deadline.id}@${deadline.at}`;
}

/**
 * Creates an in-process scheduler for one program instance (docs/design.md, decision 3). The runtime
 * computes its pending deadlines as data after every accepted event and gives the whole set to
 * `replace`; the scheduler delivers each at its instant, never early. It waits in chunks of at
 * most `maxWait` and re-reads the clock on every wake, so no timer ever overflows, however far
 * away the next deadline. On `start` it delivers, once each and in order, the deadlines that
 * fell due while the process was down. Deliveries run one at a time, in `at` order.
 *
 * When `deliver` throws or rejects, the deadline is not marked delivered, `onError` is told, and
 * the scheduler keeps going: the deadline is retried on the next wake, which comes at the latest
 * `retryDelay` later. Errors are not rethrown: a rethrow from a timer would crash a Node process.
 *
 * @param options - the clock, the timers, `deliver` and the optional limits
 * @returns a stopped scheduler with no deadlines: call `replace`, then `start`
 * @throws MaslulError `invalid-max-wait`, `invalid-retry-delay` or `invalid-option` when an
 *   option is out of range or missing
 *
 * @example
 * ```ts
 * import { createManualClock, createScheduler, deliveryKey } from '@maslul/core';
 *
 * const clock = createManualClock('2027-01-01T00:00:00Z');
 * const scheduler = createScheduler({
 *   clock,
 *   timers: clock,
 *   deliver: (deadline) => console.log('due:', deadline.id),
 * });
 * scheduler.replace([
 *   { id: 'launch', at: Date.parse('2027-01-15T09:00:00Z') },
 *   { id: 'review', at: Date.parse('2027-09-30T09:00:00Z') },
 * ]);
 * scheduler.start();
 * clock.advanceTo('2027-12-31T00:00:00Z'); // due: launch, due: review
 * // Persist the delivery keys; a new process seeds them and does not deliver those again.
 * const saved = [...scheduler.delivered()];
 * const restarted = createScheduler({ clock, deliver: () => {}, alreadyDelivered: saved });
 * const launch = { id: 'launch', at: Date.parse('2027-01-15T09:00:00Z') };
 * console.log(restarted.delivered().has(deliveryKey(launch))); // true
 * ```
 * @category Scheduling
 */
export function createScheduler<D extends SchedulerDeadline>(
  options: SchedulerOptions<D>,
): Scheduler<D> {
  const { clock, deliver } = checkOptions(options);
  const timers = options.timers ?? systemClock;
  const maxWait = options.maxWait ?? DEFAULT_MAX_WAIT;
  const retryDelay = options.retryDelay ?? DEFAULT_RETRY_DELAY;
  const onError = options.onError ?? reportToConsole(retryDelay);
  const done = new Set<string>(options.alreadyDelivered ?? []);
  /** When a deadline whose delivery failed should be tried again, by delivery key. */
  const retryAt = new Map<string, number>();
  let pending: readonly D[] = [];
  let running = false;
  /** True from the start of a round of deliveries to its end, including async ones. */
  let busy = false;
  let inFlight: Promise<void> | undefined;
  let timer: { handle: unknown } | undefined;

  const disarm = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer.handle);
    timer = undefined;
  };

  // Waits for the earliest undelivered deadline (or retry), in one chunk of at most maxWait.
  const arm = (): void => {
    disarm();
    if (!running) return;
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const deadline of pending) {
      const key = deliveryKey(deadline);
      if (done.has(key)) continue;
      wakeAt = Math.min(wakeAt, Math.max(deadline.at, retryAt.get(key) ?? deadline.at));
    }
    if (wakeAt === Number.POSITIVE_INFINITY) return;
    const delay = Math.min(Math.max(0, wakeAt - clock.now()), maxWait);
    const token = { handle: undefined as unknown };
    token.handle = timers.setTimeout(() => {
      // A host whose clearTimeout does not cancel must not wake a re-armed scheduler twice.
      if (timer !== token) return;
      timer = undefined;
      drain();
    }, delay);
    timer = token;
  };

  // The earliest due deadline not delivered and not yet tried in this round (ties: set order).
  const nextDue = (tried: ReadonlySet<string>): D | undefined => {
    const now = clock.now();
    let next: D | undefined;
    for (const deadline of pending) {
      const key = deliveryKey(deadline);
      if (deadline.at > now || done.has(key) || tried.has(key)) continue;
      if (next === undefined || deadline.at < next.at) next = deadline;
    }
    return next;
  };

  const succeeded = (key: string): void => {
    done.add(key);
    retryAt.delete(key);
  };

  const failed = (key: string, deadline: D, error: unknown): void => {
    retryAt.set(key, clock.now() + retryDelay);
    try {
      onError(error, deadline);
    } catch {
      // A failing error handler must not stop deliveries; the deadline is retried regardless.
    }
  };

  // Delivers due deadlines one at a time, re-reading the set and the clock before each, until
  // none is left; stays synchronous while `deliver` is, so a manual clock sees every re-arm.
  const round = (tried: Set<string>): Promise<void> | undefined => {
    for (let next = nextDue(tried); running && next !== undefined; next = nextDue(tried)) {
      const deadline = next;
      const key = deliveryKey(deadline);
      tried.add(key);
      let result: unknown;
      try {
        result = deliver(deadline);
      } catch (error) {
        failed(key, deadline, error);
        continue;
      }
      if (isPromiseLike(result)) {
        return Promise.resolve(result)
          .then(
            () => succeeded(key),
            (error: unknown) => failed(key, deadline, error),
          )
          .then(() => round(tried));
      }
      succeeded(key);
    }
    return undefined;
  };

  const drain = (): void => {
    if (busy) return; // the round in progress re-reads the set and the clock before each delivery
    busy = true;
    disarm();
    let work: Promise<void> | undefined;
    try {
      work = round(new Set());
    } catch (error) {
      // Only the clock can throw here (deliver's errors are caught): a broken host, not a miss.
      busy = false;
      throw error;
    }
    if (work === undefined) {
      busy = false;
      arm();
      return;
    }
    inFlight = work.finally(() => {
      busy = false;
      inFlight = undefined;
      arm();
    });
  };

  return {
    replace(deadlines) {
      const issues = deadlineIssues(deadlines);
      const [first, ...rest] = issues;
      if (first !== undefined) throw new MaslulError([first, ...rest]);
      pending = [...deadlines];
      const keys = new Set(pending.map(deliveryKey));
      for (const key of retryAt.keys()) if (!keys.has(key)) retryAt.delete(key);
      if (running && !busy) arm();
    },
    start() {
      if (running) return;
      running = true;
      drain();
    },
    stop() {
      running = false;
      disarm();
    },
    delivered: () => new Set(done),
    async idle() {
      while (inFlight !== undefined) await inFlight;
    },
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function reportToConsole(retryDelay: number) {
  return (error: unknown, deadline: SchedulerDeadline): void => {
    console.error(
      `@maslul/core scheduler: delivering deadline "${deliveryKey(deadline)}" failed; it stays pending and is retried within ${retryDelay} ms. Pass onError to handle this yourself.`,
      error,
    );
  };
}

function checkOptions<D extends SchedulerDeadline>(
  options: SchedulerOptions<D>,
): SchedulerOptions<D> {
  const issues: Issue[] = [];
  const option = (name: string, message: string, code = 'invalid-option'): void => {
    issues.push({ code, path: [name], rule: `core.scheduler.${name}`, message });
  };
  if (typeof options.clock?.now !== 'function') {
    option('clock', 'The option "clock" is missing; give a Clock, e.g. systemClock.');
  }
  if (typeof options.deliver !== 'function') {
    option('deliver', 'The option "deliver" is missing; give a function that delivers a deadline.');
  }
  const { maxWait, retryDelay } = options;
  if (maxWait !== undefined && !(maxWait > 0 && maxWait <= MAX_TIMER_DELAY)) {
    option(
      'maxWait',
      `The option "maxWait" is ${String(maxWait)}, which a real timer cannot wait; give milliseconds more than 0 and at most ${MAX_TIMER_DELAY} (2^31 - 1, about 24.8 days), e.g. ${DEFAULT_MAX_WAIT}.`,
      'invalid-max-wait',
    );
  }
  if (retryDelay !== undefined && !(retryDelay > 0 && Number.isFinite(retryDelay))) {
    option(
      'retryDelay',
      `The option "retryDelay" is ${String(retryDelay)}; give a finite number of milliseconds more than 0, e.g. ${DEFAULT_RETRY_DELAY}.`,
      'invalid-retry-delay',
    );
  }
  const [first, ...rest] = issues;
  if (first !== undefined) throw new MaslulError([first, ...rest]);
  return options;
}

function deadlineIssues(deadlines: readonly SchedulerDeadline[]): Issue[] {
  if (!Array.isArray(deadlines)) {
    return [
      {
        code: 'invalid-deadlines',
        path: ['deadlines'],
        rule: 'core.scheduler.deadlines',
        message: `The deadlines given to replace() are ${String(deadlines)}; give an array of { id, at } (an empty array when nothing is pending).`,
      },
    ];
  }
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  deadlines.forEach((deadline, index) => {
    const { id, at } = deadline;
    if (typeof id !== 'string' || id === '') {
      issues.push({
        code: 'invalid-deadline-id',
        path: ['deadlines', index, 'id'],
        rule: 'core.scheduler.deadline-id',
        message: `The deadline at index ${index} has the id ${JSON.stringify(id)}; give a non-empty string that names it, e.g. "S4:due".`,
      });
    } else if (seen.has(id)) {
      issues.push({
        code: 'duplicate-deadline-id',
        path: ['deadlines', index, 'id'],
        rule: 'core.scheduler.unique-deadline-id',
        message: `The deadline id "${id}" is given twice (at index ${seen.get(id)} and ${index}); ids name deadlines, so give each its own, e.g. "${id}.reminder".`,
      });
    } else {
      seen.set(id, index);
    }
    if (typeof at !== 'number' || !Number.isFinite(at)) {
      issues.push({
        code: 'invalid-deadline-at',
        path: ['deadlines', index, 'at'],
        rule: 'core.scheduler.deadline-at',
        message: `The deadline "${String(id)}" has "at" ${String(at)}, which is not an instant; give finite epoch milliseconds, e.g. Date.parse('2027-09-30T00:00:00Z').`,
      });
    }
  });
  return issues;
}
