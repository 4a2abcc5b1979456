import { MaslulError } from '@maslul/timing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, MAX_TIMER_DELAY, systemClock } from '../clock.js';

const DAY = 86_400_000;
const start = Date.parse('2027-01-01T00:00:00Z');

/** Collects process warnings; they are emitted on the next tick, so `settled()` waits for it. */
function watchWarnings() {
  const warnings: Error[] = [];
  const listener = (warning: Error) => warnings.push(warning);
  beforeEach(() => {
    warnings.length = 0;
    process.on('warning', listener);
  });
  afterEach(() => {
    process.off('warning', listener);
  });
  return {
    warnings,
    settled: () => new Promise<void>((resolve) => setImmediate(resolve)),
  };
}

describe('createManualClock', () => {
  const watched = watchWarnings();

  it('starts at the given instant, from epoch milliseconds, a Date or an ISO string', () => {
    expect(createManualClock(start).now()).toBe(start);
    expect(createManualClock(new Date(start)).now()).toBe(start);
    expect(createManualClock('2027-01-01T02:00:00+02:00').now()).toBe(start);
    expect(createManualClock('2027-01-01').now()).toBe(start);
  });

  it('refuses a start it cannot read, naming the field', () => {
    for (const bad of ['next Tuesday', Number.NaN, Number.POSITIVE_INFINITY, new Date('nope')]) {
      expect(() => createManualClock(bad)).toThrow(MaslulError);
      expect(() => createManualClock(bad)).toThrow(
        expect.objectContaining({
          code: 'invalid-instant',
          path: ['start'],
          rule: 'core.clock.instant',
        }),
      );
    }
    expect(() => createManualClock('next Tuesday')).toThrow(/"next Tuesday" given as "start"/);
  });

  it('does not move until advanced, and runs no timer before its time', () => {
    const clock = createManualClock(start);
    let ran = false;
    clock.setTimeout(() => {
      ran = true;
    }, 1000);
    expect(clock.now()).toBe(start);
    clock.advanceBy(999);
    expect(ran).toBe(false);
    expect(clock.now()).toBe(start + 999);
    clock.advanceBy(1);
    expect(ran).toBe(true);
  });

  it('runs due timers in time order, ties in creation order, with now() at each due time', () => {
    const clock = createManualClock(start);
    const runs: [string, number][] = [];
    const at = (name: string) => () => runs.push([name, clock.now() - start]);
    clock.setTimeout(at('c'), 300);
    clock.setTimeout(at('a'), 100);
    clock.setTimeout(at('b1'), 200);
    clock.setTimeout(at('b2'), 200);
    clock.advanceTo(start + 1000);
    expect(runs).toEqual([
      ['a', 100],
      ['b1', 200],
      ['b2', 200],
      ['c', 300],
    ]);
    expect(clock.now()).toBe(start + 1000);
  });

  it('runs timers that callbacks set during the advance when they fall due by the target', () => {
    const clock = createManualClock(start);
    const runs: number[] = [];
    const tick = () => {
      runs.push(clock.now() - start);
      clock.setTimeout(tick, DAY);
    };
    clock.setTimeout(tick, DAY);
    clock.advanceTo(start + 3.5 * DAY);
    expect(runs).toEqual([DAY, 2 * DAY, 3 * DAY]);
    expect(clock.pendingTimers()).toBe(1);
    clock.advanceBy(0.5 * DAY);
    expect(runs).toEqual([DAY, 2 * DAY, 3 * DAY, 4 * DAY]);
  });

  it('runs a zero delay timer on the next advance, even by 0 ms', () => {
    const clock = createManualClock(start);
    let ran = 0;
    clock.setTimeout(() => {
      ran += 1;
    }, 0);
    clock.setTimeout(() => {
      ran += 1;
    }, -5);
    expect(ran).toBe(0);
    clock.advanceBy(0);
    expect(ran).toBe(2);
  });

  it('lets a callback advance the clock itself, and carries on from there', () => {
    const clock = createManualClock(start);
    const runs: [string, number][] = [];
    clock.setTimeout(() => {
      runs.push(['slow', clock.now() - start]);
      clock.advanceBy(500); // runs 'during' at 300
      runs.push(['slow done', clock.now() - start]);
    }, 100);
    clock.setTimeout(() => runs.push(['during', clock.now() - start]), 300);
    clock.setTimeout(() => runs.push(['after', clock.now() - start]), 800);
    clock.advanceTo(start + 700);
    expect(runs).toEqual([
      ['slow', 100],
      ['during', 300],
      ['slow done', 600],
    ]);
    expect(clock.now()).toBe(start + 700);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('cancels a timer with clearTimeout and ignores unknown handles', () => {
    const clock = createManualClock(start);
    let ran = false;
    const handle = clock.setTimeout(() => {
      ran = true;
    }, 10);
    expect(clock.pendingTimers()).toBe(1);
    clock.clearTimeout(handle);
    clock.clearTimeout(handle);
    clock.clearTimeout('not a handle');
    expect(clock.pendingTimers()).toBe(0);
    clock.advanceBy(DAY);
    expect(ran).toBe(false);
  });

  it('accepts delays beyond 2^31-1 ms without a warning and records the largest', async () => {
    const clock = createManualClock(start);
    expect(clock.largestDelay()).toBe(0);
    let ran = false;
    clock.setTimeout(() => {
      ran = true;
    }, 365 * DAY);
    clock.setTimeout(() => {}, 10);
    expect(clock.largestDelay()).toBe(365 * DAY);
    expect(clock.largestDelay()).toBeGreaterThan(MAX_TIMER_DELAY);
    clock.advanceBy(365 * DAY - 1);
    expect(ran).toBe(false);
    clock.advanceBy(1);
    expect(ran).toBe(true);
    await watched.settled();
    expect(watched.warnings).toEqual([]);
  });

  it('advances ten years of daily timers without sleeping', () => {
    const clock = createManualClock(start);
    let runs = 0;
    const tick = () => {
      runs += 1;
      clock.setTimeout(tick, DAY);
    };
    clock.setTimeout(tick, DAY);
    const began = performance.now();
    clock.advanceBy(3652 * DAY);
    expect(runs).toBe(3652);
    expect(performance.now() - began).toBeLessThan(1000);
  });

  it('refuses to go back in time or advance by a negative or non-finite amount', () => {
    const clock = createManualClock(start);
    clock.advanceBy(DAY);
    expect(() => clock.advanceTo(start)).toThrow(
      expect.objectContaining({ code: 'clock-backwards', path: ['instant'] }),
    );
    expect(() => clock.advanceTo(start)).toThrow(/cannot go back to 2027-01-01T00:00:00.000Z/);
    expect(() => clock.advanceTo('soon')).toThrow(
      expect.objectContaining({ code: 'invalid-instant', path: ['instant'] }),
    );
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => clock.advanceBy(bad)).toThrow(
        expect.objectContaining({ code: 'invalid-advance', path: ['ms'] }),
      );
    }
    expect(clock.now()).toBe(start + DAY);
  });

  it('propagates a throwing callback, stopping at its time with later timers still pending', () => {
    const clock = createManualClock(start);
    const runs: string[] = [];
    clock.setTimeout(() => {
      throw new Error('boom');
    }, 100);
    clock.setTimeout(() => runs.push('later'), 200);
    expect(() => clock.advanceBy(1000)).toThrow('boom');
    expect(clock.now()).toBe(start + 100);
    expect(clock.pendingTimers()).toBe(1);
    clock.advanceBy(900);
    expect(runs).toEqual(['later']);
  });
});

describe('systemClock', () => {
  const watched = watchWarnings();

  it('reads the system time in epoch milliseconds', () => {
    const now = systemClock.now();
    expect(Number.isFinite(now)).toBe(true);
    expect(now).toBeGreaterThan(Date.parse('2024-01-01T00:00:00Z'));
  });

  it('accepts a delay of exactly 2^31-1 ms without a warning', async () => {
    const handle = systemClock.setTimeout(() => {}, MAX_TIMER_DELAY);
    systemClock.clearTimeout(handle);
    await watched.settled();
    expect(watched.warnings).toEqual([]);
  });

  it('refuses a delay a real timer would overflow, instead of firing at once', async () => {
    for (const bad of [MAX_TIMER_DELAY + 1, 30 * DAY, Number.POSITIVE_INFINITY, Number.NaN, -1]) {
      expect(() => systemClock.setTimeout(() => {}, bad)).toThrow(
        expect.objectContaining({
          code: 'timer-delay-out-of-range',
          path: ['ms'],
          rule: 'core.clock.timer-delay',
        }),
      );
    }
    await watched.settled();
    expect(watched.warnings).toEqual([]);
  });

  it('(control) the warning listener sees what a raw overflowing setTimeout does', async () => {
    // Proves the listener above would catch an overflow: Node warns and would fire at once.
    const handle = globalThis.setTimeout(() => {}, MAX_TIMER_DELAY + 1);
    globalThis.clearTimeout(handle);
    await watched.settled();
    expect(watched.warnings.map((warning) => warning.name)).toEqual(['TimeoutOverflowWarning']);
  });
});
