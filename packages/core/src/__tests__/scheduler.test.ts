import { MaslulError } from '@maslul/timing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, MAX_TIMER_DELAY, type ManualClock } from '../clock.js';
import {
  createScheduler,
  DEFAULT_MAX_WAIT,
  DEFAULT_RETRY_DELAY,
  deliveryKey,
  type Scheduler,
  type SchedulerOptions,
} from '../scheduler.js';

interface Deadline {
  readonly id: string;
  readonly at: number;
  readonly step?: string;
}

const DAY = 86_400_000;
const t = (iso: string) => Date.parse(iso);
const newYear = { id: 'launch.due', at: t('2027-01-01T00:00:00Z') };
const september = { id: 'review.due', at: t('2027-09-30T00:00:00Z') };

/** A manual clock, a scheduler on it, and a log of what was delivered when. */
function setup(
  startAt: string,
  options: Partial<SchedulerOptions<Deadline>> = {},
): {
  clock: ManualClock;
  deliveries: { key: string; now: number }[];
  scheduler: Scheduler<Deadline>;
} {
  const clock = createManualClock(startAt);
  const deliveries: { key: string; now: number }[] = [];
  const scheduler = createScheduler<Deadline>({
    clock,
    timers: clock,
    deliver: (deadline) => {
      deliveries.push({ key: deliveryKey(deadline), now: clock.now() });
    },
    ...options,
  });
  return { clock, deliveries, scheduler };
}

describe('createScheduler', () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  beforeEach(() => {
    warnings.length = 0;
    process.on('warning', onWarning);
  });
  afterEach(() => {
    process.off('warning', onWarning);
  });

  it('delivers deadlines months apart at their instants, never early, in bounded waits', async () => {
    const { clock, deliveries, scheduler } = setup('2026-12-01T00:00:00Z');
    scheduler.replace([september, newYear]);
    scheduler.start();
    expect(deliveries).toEqual([]);

    clock.advanceTo(newYear.at - 1);
    expect(deliveries).toEqual([]);
    clock.advanceTo(newYear.at);
    expect(deliveries).toEqual([{ key: deliveryKey(newYear), now: newYear.at }]);

    // 272 days to go: far beyond what one real timer can wait (about 24.8 days).
    expect(september.at - newYear.at).toBeGreaterThan(MAX_TIMER_DELAY);
    clock.advanceTo(september.at - 1);
    expect(deliveries).toHaveLength(1);
    clock.advanceTo('2027-12-31T00:00:00Z');
    expect(deliveries).toEqual([
      { key: deliveryKey(newYear), now: newYear.at },
      { key: deliveryKey(september), now: september.at },
    ]);

    expect(clock.largestDelay()).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(clock.largestDelay()).toBe(DEFAULT_MAX_WAIT);
    expect(clock.pendingTimers()).toBe(0);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(warnings.filter((warning) => warning.name === 'TimeoutOverflowWarning')).toEqual([]);
  });

  it('with maxWait at the limit, waits in chunks of exactly 2^31-1 ms and still delivers on time', () => {
    const { clock, deliveries, scheduler } = setup('2027-01-01T00:00:00Z', {
      maxWait: MAX_TIMER_DELAY,
    });
    scheduler.replace([september]);
    scheduler.start();
    clock.advanceTo(september.at - 1);
    expect(deliveries).toEqual([]);
    clock.advanceTo(september.at + DAY);
    expect(deliveries).toEqual([{ key: deliveryKey(september), now: september.at }]);
    expect(clock.largestDelay()).toBe(2 ** 31 - 1);
  });

  it('on start, delivers deadlines missed while down once each, in at order', () => {
    const { clock, deliveries, scheduler } = setup('2026-12-01T00:00:00Z');
    const tie = { id: 'tie', at: newYear.at };
    const later = { id: 'later', at: t('2028-06-01T00:00:00Z') };
    scheduler.replace([later, september, newYear, tie]);
    clock.advanceTo('2028-01-01T00:00:00Z'); // the process was down: not started yet
    expect(deliveries).toEqual([]);

    scheduler.start();
    const now = t('2028-01-01T00:00:00Z');
    expect(deliveries).toEqual([
      { key: deliveryKey(newYear), now },
      { key: deliveryKey(tie), now },
      { key: deliveryKey(september), now },
    ]);
    scheduler.start(); // already started: nothing again
    clock.advanceBy(DAY);
    expect(deliveries).toHaveLength(3);
    clock.advanceTo(later.at);
    expect(deliveries.map((delivery) => delivery.key)).toEqual([
      'launch.due@1798761600000',
      'tie@1798761600000',
      'review.due@1822262400000',
      'later@1843430400000',
    ]);
  });

  it('after a restart seeded with alreadyDelivered, does not deliver them again', () => {
    const first = setup('2027-10-01T00:00:00Z');
    first.scheduler.replace([newYear, september]);
    first.scheduler.start();
    expect(first.deliveries).toHaveLength(2);
    first.scheduler.stop();
    const saved = [...first.scheduler.delivered()];
    expect(saved).toEqual([deliveryKey(newYear), deliveryKey(september)]);

    const next = { id: 'next', at: t('2027-10-02T00:00:00Z') };
    const second = setup('2027-10-01T12:00:00Z', { alreadyDelivered: saved });
    second.scheduler.replace([newYear, september, next]);
    second.scheduler.start();
    second.clock.advanceTo('2027-10-03T00:00:00Z');
    expect(second.deliveries).toEqual([{ key: deliveryKey(next), now: next.at }]);
    expect(second.scheduler.delivered()).toEqual(new Set([...saved, deliveryKey(next)]));
  });

  it('delivers a deadline re-planned to a later at at the new time, not the old one', () => {
    const { clock, deliveries, scheduler } = setup('2027-01-01T00:00:00Z');
    const due = { id: 'S4:due', at: t('2027-02-01T00:00:00Z') };
    const moved = { id: 'S4:due', at: t('2027-03-01T00:00:00Z') };
    scheduler.replace([due]);
    scheduler.start();
    clock.advanceTo('2027-01-15T00:00:00Z');
    scheduler.replace([moved]);
    clock.advanceTo(moved.at - 1);
    expect(deliveries).toEqual([]);
    clock.advanceTo('2027-04-01T00:00:00Z');
    expect(deliveries).toEqual([{ key: 'S4:due@1803859200000', now: moved.at }]);
  });

  it('delivers an id again when re-planned later after delivery, but not when it reappears unchanged', () => {
    const { clock, deliveries, scheduler } = setup('2027-01-01T00:00:00Z');
    const reminder = { id: 'S4:opens', at: t('2027-02-01T00:00:00Z') };
    const again = { id: 'S4:opens', at: t('2027-02-08T00:00:00Z') };
    scheduler.replace([reminder]);
    scheduler.start();
    clock.advanceTo('2027-02-02T00:00:00Z');
    scheduler.replace([reminder]); // the same deadline, still in the set: delivered already
    clock.advanceTo('2027-02-05T00:00:00Z');
    expect(deliveries).toEqual([{ key: deliveryKey(reminder), now: reminder.at }]);
    scheduler.replace([again]); // re-planned a week later under the same id: a new delivery
    clock.advanceTo(again.at - 1);
    expect(deliveries).toHaveLength(1);
    clock.advanceTo('2027-03-01T00:00:00Z');
    expect(deliveries).toEqual([
      { key: deliveryKey(reminder), now: reminder.at },
      { key: deliveryKey(again), now: again.at },
    ]);
  });

  it('re-arms its wait when replace adds a deadline sooner than the current wait', () => {
    const { clock, deliveries, scheduler } = setup('2027-01-01T00:00:00Z', {
      maxWait: MAX_TIMER_DELAY,
    });
    scheduler.replace([september]);
    scheduler.start();
    clock.advanceBy(DAY); // waiting: about 24.8 days per chunk
    const soon = { id: 'soon', at: t('2027-01-04T00:00:00Z') };
    scheduler.replace([september, soon]);
    expect(clock.pendingTimers()).toBe(1); // the old wait was cleared, not leaked
    clock.advanceTo(soon.at - 1);
    expect(deliveries).toEqual([]);
    clock.advanceTo('2027-01-10T00:00:00Z');
    expect(deliveries).toEqual([{ key: deliveryKey(soon), now: soon.at }]);
  });

  it('delivers a deadline added already due on a later tick, not inside replace', () => {
    const { clock, deliveries, scheduler } = setup('2027-01-01T00:00:00Z');
    scheduler.start();
    const overdue = { id: 'overdue', at: t('2026-12-01T00:00:00Z') };
    scheduler.replace([overdue]);
    expect(deliveries).toEqual([]);
    clock.advanceBy(0);
    expect(deliveries).toEqual([{ key: deliveryKey(overdue), now: t('2027-01-01T00:00:00Z') }]);
  });

  it('does not deliver a due deadline that deliver removed with replace, and takes new ones', () => {
    const clock = createManualClock('2027-02-01T00:00:00Z');
    const delivered: string[] = [];
    const a = { id: 'a', at: t('2027-01-10T00:00:00Z') };
    const b = { id: 'b', at: t('2027-01-20T00:00:00Z') };
    const c = { id: 'c', at: t('2027-03-01T00:00:00Z') };
    const scheduler = createScheduler({
      clock,
      timers: clock,
      deliver: (deadline: Deadline) => {
        delivered.push(deadline.id);
        // The runtime re-plans after each accepted event: b no longer applies, c is new.
        if (deadline.id === 'a') scheduler.replace([c]);
      },
    });
    scheduler.replace([a, b]);
    scheduler.start();
    expect(delivered).toEqual(['a']);
    clock.advanceTo('2027-04-01T00:00:00Z');
    expect(delivered).toEqual(['a', 'c']);
  });

  it('delivers, right after a slow delivery, a deadline that fell due while it ran', () => {
    const clock = createManualClock('2027-01-01T00:00:00Z');
    const delivered: [string, number][] = [];
    const a = { id: 'a', at: t('2027-01-02T00:00:00Z') };
    const b = { id: 'b', at: t('2027-01-02T01:00:00Z') };
    const scheduler = createScheduler({
      clock,
      timers: clock,
      deliver: (deadline: Deadline) => {
        delivered.push([deadline.id, clock.now()]);
        if (deadline.id === 'a') clock.advanceBy(2 * 60 * 60_000); // takes two hours
      },
    });
    scheduler.replace([a, b]);
    scheduler.start();
    clock.advanceTo('2027-01-03T00:00:00Z');
    expect(delivered).toEqual([
      ['a', a.at],
      ['b', a.at + 2 * 60 * 60_000],
    ]);
  });

  it('retries a throwing deliver on the next wake, reports it to onError and keeps running', () => {
    const errors: [unknown, string][] = [];
    const clock = createManualClock('2027-01-01T00:00:00Z');
    const delivered: [string, number][] = [];
    let failures = 1;
    const flaky = { id: 'flaky', at: t('2027-01-02T00:00:00Z') };
    const steady = { id: 'steady', at: t('2027-01-02T00:00:00Z') };
    const scheduler = createScheduler({
      clock,
      timers: clock,
      retryDelay: 5 * 60_000,
      deliver: (deadline: Deadline) => {
        if (deadline.id === 'flaky' && failures > 0) {
          failures -= 1;
          throw new Error('store is down');
        }
        delivered.push([deadline.id, clock.now()]);
      },
      onError: (error, deadline) => errors.push([error, deadline.id]),
    });
    scheduler.replace([flaky, steady]);
    scheduler.start();
    clock.advanceTo(flaky.at);
    expect(delivered).toEqual([['steady', steady.at]]);
    expect(errors).toEqual([[new Error('store is down'), 'flaky']]);
    expect(scheduler.delivered().has(deliveryKey(flaky))).toBe(false);

    clock.advanceBy(5 * 60_000 - 1);
    expect(delivered).toHaveLength(1);
    clock.advanceBy(1);
    expect(delivered).toEqual([
      ['steady', steady.at],
      ['flaky', flaky.at + 5 * 60_000],
    ]);
    expect(errors).toHaveLength(1);
    expect(scheduler.delivered()).toEqual(new Set([deliveryKey(flaky), deliveryKey(steady)]));
  });

  it('retries a rejecting async deliver, and delivers one at a time in order', async () => {
    const clock = createManualClock('2027-01-10T00:00:00Z');
    const log: string[] = [];
    const errors: string[] = [];
    let rejectOnce = true;
    const scheduler = createScheduler({
      clock,
      timers: clock,
      deliver: async (deadline: Deadline) => {
        log.push(`start ${deadline.id}`);
        await Promise.resolve();
        if (deadline.id === 'b' && rejectOnce) {
          rejectOnce = false;
          throw new Error('conflict');
        }
        log.push(`end ${deadline.id}`);
      },
      onError: (_error, deadline) => errors.push(deadline.id),
    });
    scheduler.replace([
      { id: 'b', at: t('2027-01-02T00:00:00Z') },
      { id: 'a', at: t('2027-01-01T00:00:00Z') },
      { id: 'c', at: t('2027-01-03T00:00:00Z') },
    ]);
    scheduler.start();
    expect(log).toEqual(['start a']);
    await scheduler.idle();
    expect(log).toEqual(['start a', 'end a', 'start b', 'start c', 'end c']);
    expect(errors).toEqual(['b']);

    clock.advanceBy(DEFAULT_RETRY_DELAY);
    await scheduler.idle();
    expect(log.slice(5)).toEqual(['start b', 'end b']);
    expect(scheduler.delivered().size).toBe(3);
  });

  it('reports a failure to the console by default and survives a throwing onError', () => {
    const clock = createManualClock('2027-01-01T00:00:00Z');
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    const quiet = createScheduler({
      clock,
      timers: clock,
      deliver: () => {
        throw new Error('nope');
      },
    });
    quiet.replace([{ id: 'x', at: clock.now() }]);
    try {
      quiet.start();
    } finally {
      console.error = original;
    }
    expect(logged).toHaveLength(1);
    expect(String(logged[0]?.[0])).toContain('"x@1798761600000" failed');

    const loud = createScheduler({
      clock,
      timers: clock,
      deliver: () => {
        throw new Error('nope');
      },
      onError: () => {
        throw new Error('handler broke');
      },
    });
    loud.replace([{ id: 'y', at: clock.now() }]);
    expect(() => loud.start()).not.toThrow();
    expect(clock.pendingTimers()).toBeGreaterThan(0);
  });

  it('stops: clears its timer and delivers nothing until started again', () => {
    const { clock, deliveries, scheduler } = setup('2027-01-01T00:00:00Z');
    scheduler.replace([september]);
    scheduler.start();
    expect(clock.pendingTimers()).toBe(1);
    scheduler.stop();
    expect(clock.pendingTimers()).toBe(0);
    clock.advanceTo('2027-12-01T00:00:00Z');
    scheduler.replace([september, newYear]); // a stopped scheduler still takes the set
    expect(clock.pendingTimers()).toBe(0);
    expect(deliveries).toEqual([]);
    scheduler.start();
    expect(deliveries.map((delivery) => delivery.key)).toEqual([
      deliveryKey(newYear),
      deliveryKey(september),
    ]);
  });

  it('sets no timer when nothing is pending', () => {
    const { clock, scheduler } = setup('2027-01-01T00:00:00Z');
    scheduler.start();
    scheduler.replace([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('refuses deadlines with a non-finite at, a bad id or a repeated id, keeping the old set', () => {
    const { clock, deliveries, scheduler } = setup('2027-01-01T00:00:00Z');
    scheduler.replace([newYear]);
    const bad = () =>
      scheduler.replace([
        { id: 'ok', at: 0 },
        { id: 'S4:due', at: Number.NaN },
        { id: '', at: 1 },
        { id: 'ok', at: Number.POSITIVE_INFINITY },
      ]);
    expect(bad).toThrow(MaslulError);
    let error: MaslulError | undefined;
    try {
      bad();
    } catch (caught) {
      error = caught as MaslulError;
    }
    expect(error?.code).toBe('invalid-deadline-at');
    expect(error?.path).toEqual(['deadlines', 1, 'at']);
    expect(error?.rule).toBe('core.scheduler.deadline-at');
    expect(error?.message).toMatch(/^The deadline "S4:due" has "at" NaN, which is not an instant/);
    expect(error?.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid-deadline-at', ['deadlines', 1, 'at']],
      ['invalid-deadline-id', ['deadlines', 2, 'id']],
      ['duplicate-deadline-id', ['deadlines', 3, 'id']],
      ['invalid-deadline-at', ['deadlines', 3, 'at']],
    ]);
    scheduler.start();
    clock.advanceBy(0);
    expect(deliveries.map((delivery) => delivery.key)).toEqual([deliveryKey(newYear)]);
  });

  it('refuses a maxWait not in (0, 2^31-1] and a retryDelay not above 0, naming the option', () => {
    const clock = createManualClock('2027-01-01T00:00:00Z');
    const make = (options: Partial<SchedulerOptions<Deadline>>) => () =>
      createScheduler<Deadline>({ clock, timers: clock, deliver: () => {}, ...options });
    for (const maxWait of [0, -1, MAX_TIMER_DELAY + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(make({ maxWait })).toThrow(MaslulError);
      expect(make({ maxWait })).toThrow(
        expect.objectContaining({
          code: 'invalid-max-wait',
          path: ['maxWait'],
          rule: 'core.scheduler.maxWait',
        }),
      );
    }
    expect(make({ maxWait: 0 })).toThrow(/The option "maxWait" is 0/);
    expect(make({ maxWait: MAX_TIMER_DELAY })).not.toThrow();
    expect(make({ maxWait: 1 })).not.toThrow();
    for (const retryDelay of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(make({ retryDelay })).toThrow(
        expect.objectContaining({ code: 'invalid-retry-delay', path: ['retryDelay'] }),
      );
    }
  });

  it('refuses a missing clock or deliver from untyped callers', () => {
    const untyped = {} as unknown as SchedulerOptions<Deadline>;
    expect(() => createScheduler(untyped)).toThrow(
      expect.objectContaining({
        code: 'invalid-option',
        path: ['clock'],
        issues: [
          expect.objectContaining({ path: ['clock'] }),
          expect.objectContaining({ path: ['deliver'] }),
        ],
      }),
    );
  });
});

describe('deliveryKey', () => {
  it('joins the id and the instant with @', () => {
    expect(deliveryKey({ id: 'S4:due', at: t('2027-09-30T00:00:00Z') })).toBe(
      'S4:due@1822262400000',
    );
  });
});
