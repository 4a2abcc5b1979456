import { type Instant, MaslulError, toEpoch } from '@maslul/timing';

/**
 * The longest delay, in milliseconds, that a real timer can wait: 2^31 - 1, about 24.8 days.
 * Node and browsers keep the delay in a signed 32-bit integer; a longer one overflows and the
 * timer fires at once (Node also emits a `TimeoutOverflowWarning`).
 *
 * @example
 * ```ts
 * import { MAX_TIMER_DELAY } from '@maslul/core';
 *
 * MAX_TIMER_DELAY / 86_400_000; // 24.855... days
 * ```
 * @category Time
 */
export const MAX_TIMER_DELAY = 2_147_483_647;

/**
 * Where the engine reads the time: the only way `@maslul/core` learns what time it is, so that
 * tests, replays and simulations can run a program in made-up time.
 *
 * @example
 * ```ts
 * import type { Clock } from '@maslul/core';
 *
 * const fixed: Clock = { now: () => Date.parse('2027-01-01T00:00:00Z') };
 * ```
 * @category Time
 */
export interface Clock {
  /**
   * The current instant.
   *
   * @returns epoch milliseconds
   */
  now(): number;
}

/**
 * Something that can call back after a delay: `globalThis` timers, or a simulated clock.
 *
 * @example
 * ```ts
 * import { systemClock, type TimerHost } from '@maslul/core';
 *
 * // Real timers that log each wait.
 * const logged: TimerHost = {
 *   setTimeout: (callback, ms) => {
 *     console.log(`waiting ${ms} ms`);
 *     return systemClock.setTimeout(callback, ms);
 *   },
 *   clearTimeout: (handle) => systemClock.clearTimeout(handle),
 * };
 * ```
 * @category Time
 */
export interface TimerHost {
  /**
   * Calls `callback` once, `ms` milliseconds from now.
   *
   * @param callback - what to call
   * @param ms - the delay in milliseconds
   * @returns a handle for {@link TimerHost.clearTimeout}
   */
  setTimeout(callback: () => void, ms: number): unknown;
  /**
   * Cancels a timer that has not fired yet; an unknown or spent handle is ignored.
   *
   * @param handle - what `setTimeout` returned
   */
  clearTimeout(handle: unknown): void;
}

/**
 * The real clock and timers: `Date.now()` and `globalThis.setTimeout`. Its `setTimeout` refuses
 * a delay above {@link MAX_TIMER_DELAY} (a real timer would overflow and fire at once), so a
 * caller must wait in chunks, as `@maslul/store`'s timer worker does.
 *
 * @example
 * ```ts
 * import { systemClock } from '@maslul/core';
 *
 * const handle = systemClock.setTimeout(() => console.log('a second later'), 1000);
 * systemClock.clearTimeout(handle);
 * console.log(new Date(systemClock.now()).getFullYear() >= 2026); // true
 * ```
 * @category Time
 */
export const systemClock: Clock & TimerHost = {
  // The only place in @maslul/core allowed to read the system clock (docs/design.md, decision 3):
  // everything else takes a Clock, so that time is data and runs can be replayed.
  now: () => Date.now(),
  setTimeout(callback, ms) {
    // `!(a && b)` rather than `a || b` so that NaN is refused too.
    if (!(ms >= 0 && ms <= MAX_TIMER_DELAY)) {
      throw new MaslulError([
        {
          code: 'timer-delay-out-of-range',
          path: ['ms'],
          rule: 'core.clock.timer-delay',
          message: `A real timer cannot wait ${String(ms)} ms ("ms" must be from 0 to ${MAX_TIMER_DELAY}, about 24.8 days); wait in chunks and re-read the clock on each wake, as the timer worker of @maslul/store does.`,
        },
      ]);
    }
    return globalThis.setTimeout(callback, ms);
  },
  clearTimeout(handle) {
    globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]);
  },
};

/**
 * A clock that moves only when told to, with timers that run when it passes their time: for
 * tests and simulations of programs that last months. It never sleeps and never warns.
 *
 * @example
 * ```ts
 * import { createManualClock } from '@maslul/core';
 *
 * const clock = createManualClock('2027-01-01T00:00:00Z');
 * clock.setTimeout(() => console.log('a week later'), 7 * 86_400_000);
 * clock.advanceBy(7 * 86_400_000); // logs "a week later"
 * ```
 * @category Time
 */
export interface ManualClock extends Clock, TimerHost {
  /**
   * Moves the clock forward to `instant`, running every timer due by then in time order (ties in
   * the order they were set), with `now()` at each timer's due time while it runs. Timers that
   * callbacks set during the advance run too when they fall due by `instant`. A callback may
   * advance the clock itself (a slow delivery); the outer advance then carries on from there.
   * If a callback throws, the error propagates, `now()` stays at that timer's time and the
   * remaining timers stay pending.
   *
   * @param instant - a Date, epoch milliseconds or an ISO string; not before `now()`
   * @throws MaslulError `invalid-instant` when `instant` is not a valid date-time, and
   *   `clock-backwards` when it is before `now()`
   */
  advanceTo(instant: Instant): void;
  /**
   * Moves the clock forward by `ms`, as {@link ManualClock.advanceTo} does.
   *
   * @param ms - milliseconds, finite and not negative
   * @throws MaslulError `invalid-advance` when `ms` is negative or not finite
   */
  advanceBy(ms: number): void;
  /**
   * @returns how many timers are set and have not run or been cleared
   */
  pendingTimers(): number;
  /**
   * The largest delay any caller asked `setTimeout` for, so a test can check that a scheduler
   * never asked for more than a real timer can wait ({@link MAX_TIMER_DELAY}).
   *
   * @returns milliseconds; 0 before any timer was set
   */
  largestDelay(): number;
}

interface ManualTimer {
  readonly due: number;
  readonly callback: () => void;
}

/**
 * Creates a {@link ManualClock} that reads `start` until it is advanced. Its `setTimeout` accepts
 * any delay, even above {@link MAX_TIMER_DELAY} (it is a simulation), and records the largest.
 * A negative or NaN delay counts as 0, as with real timers.
 *
 * @param start - the first instant: a Date, epoch milliseconds or an ISO string (a plain date
 *   such as `'2027-01-01'` is midnight UTC)
 * @returns the clock, also a {@link TimerHost}
 * @throws MaslulError `invalid-instant` when `start` is not a valid date-time
 *
 * @example
 * ```ts
 * import { createManualClock } from '@maslul/core';
 *
 * const clock = createManualClock('2027-01-01T00:00:00Z');
 * clock.setTimeout(() => console.log('fired at', new Date(clock.now()).toISOString()), 60_000);
 * clock.advanceTo('2027-01-01T00:05:00Z'); // logs "fired at 2027-01-01T00:01:00.000Z"
 * console.log(clock.pendingTimers(), clock.largestDelay()); // 0 60000
 * ```
 * @category Time
 */
export function createManualClock(start: Instant): ManualClock {
  let now = epochOf(start, 'start');
  let nextId = 0;
  let largest = 0;
  const timers = new Map<number, ManualTimer>();

  // Linear scan: simulations hold a handful of timers, and Map keeps ids in creation order, so
  // the first strictly earlier timer wins ties.
  const nextDue = (limit: number): [number, ManualTimer] | undefined => {
    let best: [number, ManualTimer] | undefined;
    for (const entry of timers) {
      if (entry[1].due <= limit && (best === undefined || entry[1].due < best[1].due)) best = entry;
    }
    return best;
  };

  const advanceTo = (instant: Instant): void => {
    const target = epochOf(instant, 'instant');
    if (target < now) {
      throw new MaslulError([
        {
          code: 'clock-backwards',
          path: ['instant'],
          rule: 'core.clock.monotonic',
          message: `The manual clock is at ${iso(now)} and cannot go back to ${iso(target)}; advance it to an instant at or after now().`,
        },
      ]);
    }
    for (let found = nextDue(target); found !== undefined; found = nextDue(target)) {
      const [id, timer] = found;
      timers.delete(id);
      // max: a nested advance inside a callback may already have moved past this timer's time.
      now = Math.max(now, timer.due);
      timer.callback();
    }
    now = Math.max(now, target);
  };

  return {
    now: () => now,
    setTimeout(callback, ms) {
      const delay = Number.isNaN(ms) ? 0 : Math.max(0, ms);
      largest = Math.max(largest, delay);
      nextId += 1;
      timers.set(nextId, { due: now + delay, callback });
      return nextId;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') timers.delete(handle);
    },
    advanceTo,
    advanceBy(ms) {
      if (!(Number.isFinite(ms) && ms >= 0)) {
        throw new MaslulError([
          {
            code: 'invalid-advance',
            path: ['ms'],
            rule: 'core.clock.monotonic',
            message: `The manual clock cannot advance by ${String(ms)} ms; give a finite number of milliseconds, 0 or more.`,
          },
        ]);
      }
      advanceTo(now + ms);
    },
    pendingTimers: () => timers.size,
    largestDelay: () => largest,
  };
}

/** Epoch milliseconds of an instant, or a MaslulError naming `field`. */
function epochOf(at: Instant, field: string): number {
  const time = toEpoch(at);
  if (Number.isNaN(time)) {
    const shown =
      at instanceof Date ? 'an invalid Date' : typeof at === 'string' ? `"${at}"` : String(at);
    throw new MaslulError([
      {
        code: 'invalid-instant',
        path: [field],
        rule: 'core.clock.instant',
        message: `The instant ${shown} given as "${field}" is not a valid date-time; give a Date, epoch milliseconds or an ISO string such as "2027-01-01T00:00:00Z".`,
      },
    ]);
  }
  return time;
}

function iso(time: number): string {
  // Beyond ±8.64e15 ms a Date is invalid and toISOString throws; the number still says it.
  return Math.abs(time) <= 8.64e15 ? new Date(time).toISOString() : `${time} ms`;
}

/**
 * The longest single wait of the timer worker (`@maslul/store`) unless told otherwise: one hour. Far below what a real
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
 * @category Time
 */
export const DEFAULT_MAX_WAIT = 60 * 60 * 1000;
