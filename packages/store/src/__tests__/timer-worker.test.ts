import type { Deadline } from '@maslul/core';
import { createManualClock, MAX_TIMER_DELAY } from '@maslul/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createTimerWorker, type DueTimer, type MaslulStore } from '../index.js';
import { storeKinds } from './stores.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-09-07T00:00:00Z');
const deadline = (step: string, kind: Deadline['kind'], day: number): Deadline => ({
  id: `${step}:${kind}`,
  step,
  kind,
  date: new Date(T0 + day * DAY).toISOString().slice(0, 10) as Deadline['date'],
  at: T0 + day * DAY,
});
const snapshot = {
  program: { id: 'p', version: 1 },
  start: '2026-09-07',
  seq: 0,
  machine: { value: {}, context: {} },
  keys: {},
} as never;

async function withTimers(store: MaslulStore, id: string, deadlines: Deadline[]) {
  await store.create({
    id,
    program: { id: 'p', version: 1 },
    start: '2026-09-07',
    snapshot,
    deadlines,
  });
}

describe.each(storeKinds())('createTimerWorker on the $name store', (kind) => {
  afterAll(() => kind.close());

  it('delivers each due deadline once, in time order, and only when due', async () => {
    const store = await kind.open();
    const clock = createManualClock(T0);
    await withTimers(store, 'town', [
      deadline('b', 'due', 3),
      deadline('a', 'due', 1),
      deadline('c', 'due', 40),
    ]);
    const delivered: string[] = [];
    const worker = createTimerWorker({
      store,
      clock,
      timers: clock,
      deliver: (t) => void delivered.push(t.deadline.id),
    });
    expect(await worker.runDue()).toBe(0);
    clock.advanceTo(T0 + 5 * DAY);
    expect(await worker.runDue()).toBe(2);
    expect(await worker.runDue()).toBe(0);
    expect(delivered).toEqual(['a:due', 'b:due']);
    const timers = await store.timers('town');
    expect(timers.map((t) => [t.deadline.id, t.firedAt])).toEqual([
      ['a:due', T0 + 5 * DAY],
      ['b:due', T0 + 5 * DAY],
      ['c:due', undefined],
    ]);
  });

  it('delivers deadlines due at one instant in one order on every store: by instance, then id, in code point order', async () => {
    const store = await kind.open();
    const clock = createManualClock(T0);
    // Code point order ('B' < '_' < 'a' < 'b', '-' < '_') is not a locale's: en-US puts '_x'
    // before 'a-b' and 'b' before 'B'. A runtime orders ties by code, not locale; so must a store.
    const ids = ['b', 'a_b', 'B', '_x', 'a-b'];
    await withTimers(
      store,
      'town',
      ids.map((step) => deadline(step, 'due', 1)),
    );
    await withTimers(store, 'Town', [deadline('z', 'due', 1)]);
    const delivered: string[] = [];
    const worker = createTimerWorker({
      store,
      clock,
      timers: clock,
      deliver: (t) => void delivered.push(`${t.instanceId}/${t.deadline.id}`),
    });
    clock.advanceTo(T0 + 2 * DAY);
    expect(await worker.runDue()).toBe(6);
    expect(delivered).toEqual([
      'Town/z:due',
      'town/B:due',
      'town/_x:due',
      'town/a-b:due',
      'town/a_b:due',
      'town/b:due',
    ]);
    expect((await store.timers('town')).map((t) => t.deadline.id)).toEqual([
      'B:due',
      '_x:due',
      'a-b:due',
      'a_b:due',
      'b:due',
    ]);
  });

  it('on start, delivers what fell due while it was down, then waits in chunks for the next', async () => {
    const store = await kind.open();
    const clock = createManualClock(T0 + 10 * DAY);
    await withTimers(store, 'town', [
      deadline('missed', 'due', 2),
      deadline('far', 'overdue', 100),
    ]);
    const delivered: DueTimer[] = [];
    const worker = createTimerWorker({
      store,
      clock,
      timers: clock,
      pollInterval: MAX_TIMER_DELAY,
      deliver: (t) => void delivered.push(t),
    });
    worker.start();
    await worker.idle();
    expect(delivered.map((t) => t.deadline.id)).toEqual(['missed:due']);
    // 90 days away: no single wait is longer than the one-hour default.
    expect(clock.largestDelay()).toBeLessThanOrEqual(60 * 60 * 1000);
    for (let hour = 0; hour < 90 * 24 + 1; hour += 1) {
      clock.advanceBy(60 * 60 * 1000);
      await worker.idle();
    }
    worker.stop();
    expect(delivered.map((t) => t.deadline.id)).toEqual(['missed:due', 'far:overdue']);
    expect(clock.largestDelay()).toBeLessThanOrEqual(60 * 60 * 1000);
  });

  it('tries a failed delivery again after the retry delay, and records the error', async () => {
    const store = await kind.open();
    const clock = createManualClock(T0 + DAY);
    await withTimers(store, 'town', [deadline('a', 'due', 1)]);
    let fail = true;
    const errors: unknown[] = [];
    const worker = createTimerWorker({
      store,
      clock,
      timers: clock,
      retryDelay: 60_000,
      onError: (error) => errors.push(error),
      deliver: () => {
        if (fail) throw new Error('mail server down');
      },
    });
    expect(await worker.runDue()).toBe(0);
    expect((await store.timers('town'))[0]).toMatchObject({
      attempts: 1,
      lastError: 'mail server down',
    });
    expect(await store.nextDue()).toBe(T0 + DAY + 60_000);
    fail = false;
    expect(await worker.runDue()).toBe(0); // not yet
    clock.advanceBy(60_000);
    expect(await worker.runDue()).toBe(1);
    expect(errors).toHaveLength(1);
    expect((await store.timers('town'))[0]).toMatchObject({
      attempts: 2,
      firedAt: T0 + DAY + 60_000,
    });
  });

  it("takes over a dead worker's claim after its lease, and never while it holds", async () => {
    const store = await kind.open();
    const clock = createManualClock(T0 + DAY);
    await withTimers(store, 'town', [deadline('a', 'due', 1)]);
    const claimed = await store.claimDue({
      now: clock.now(),
      limit: 10,
      worker: 'dead',
      leaseUntil: clock.now() + 1000,
    });
    expect(claimed).toHaveLength(1);
    const delivered: string[] = [];
    const worker = createTimerWorker({
      store,
      clock,
      timers: clock,
      worker: 'alive',
      deliver: (t) => void delivered.push(t.deadline.id),
    });
    expect(await worker.runDue()).toBe(0);
    clock.advanceBy(1000);
    expect(await worker.runDue()).toBe(1);
    expect(delivered).toEqual(['a:due']);
    // The dead worker's late completion is refused: the claim is no longer its.
    expect(await store.complete(claimed[0] as DueTimer, 'dead', clock.now())).toBe(false);
  });

  it('takes back its own claims at once when restarted under the same name', async () => {
    const store = await kind.open();
    const clock = createManualClock(T0 + DAY);
    await withTimers(store, 'town', [deadline('a', 'due', 1)]);
    // The first process claimed the timer and died before marking it fired.
    await store.claimDue({
      now: clock.now(),
      limit: 10,
      worker: 'web-1',
      leaseUntil: clock.now() + 300_000,
    });
    const delivered: string[] = [];
    const deliver = (t: DueTimer) => void delivered.push(t.deadline.id);
    expect(
      await createTimerWorker({ store, clock, timers: clock, worker: 'web-2', deliver }).runDue(),
    ).toBe(0);
    expect(
      await createTimerWorker({ store, clock, timers: clock, worker: 'web-1', deliver }).runDue(),
    ).toBe(1);
    expect(delivered).toEqual(['a:due']);
  });

  it('gives deliver one key per deadline, the same on a redelivery after a worker died mid-delivery', async () => {
    const store = await kind.open();
    const clock = createManualClock(T0 + DAY);
    await withTimers(store, 'ramat/hateenim', [deadline('a', 'due', 1), deadline('b', 'due', 1)]);
    const keys: string[] = [];
    let delivering: () => void = () => {};
    const called = new Promise<void>((resolve) => {
      delivering = resolve;
    });
    // The first worker delivers "a" and dies before marking it fired: its delivery never ends.
    const dying = createTimerWorker({
      store,
      clock,
      timers: clock,
      worker: 'dying',
      lease: 60_000,
      deliver: ({ key }) => {
        keys.push(key);
        delivering();
        return new Promise<void>(() => {});
      },
    });
    void dying.runDue();
    await called;
    clock.advanceBy(60_001); // its lease ran out
    const next = createTimerWorker({
      store,
      clock,
      timers: clock,
      worker: 'next',
      deliver: ({ key }) => void keys.push(key),
    });
    expect(await next.runDue()).toBe(2);
    const a = `ramat/hateenim/a:due@${T0 + DAY}`;
    const b = `ramat/hateenim/b:due@${T0 + DAY}`;
    // "a" twice (at least once), with the one key to deduplicate on; "b" once.
    expect(keys.sort()).toEqual([a, a, b]);
  });

  it('keeps a claimed timer that an append removes, so its delivery is marked fired', async () => {
    const store = await kind.open();
    const clock = createManualClock(T0 + DAY);
    const due = deadline('a', 'due', 1);
    await withTimers(store, 'town', [due]);
    const [claimed] = await store.claimDue({
      now: clock.now(),
      limit: 10,
      worker: 'w',
      leaseUntil: clock.now() + 1000,
    });
    await store.append('town', {
      expectedVersion: 0,
      entries: [
        {
          seq: 1,
          type: 'a',
          payload: undefined,
          at: new Date(T0 + DAY).toISOString(),
          date: '2026-09-08',
          actor: { id: 'x', roles: [] },
          idempotencyKey: undefined,
          trace: [],
        },
      ],
      deadlines: { added: [], removed: [due] },
    });
    expect(await store.complete(claimed as DueTimer, 'w', clock.now())).toBe(true);
    expect((await store.timers('town')).map((t) => t.firedAt)).toEqual([T0 + DAY]);
  });

  it('does not deliver a deadline that a later append re-planned, and keeps a fired one fired', async () => {
    const store = await kind.open();
    const clock = createManualClock(T0 + DAY + DAY / 2);
    const early = deadline('a', 'due', 1);
    const moved = deadline('b', 'due', 2);
    await withTimers(store, 'town', [early, moved]);
    const delivered: string[] = [];
    const worker = createTimerWorker({
      store,
      clock,
      timers: clock,
      deliver: (t) => void delivered.push(`${t.deadline.id}@${t.deadline.date}`),
    });
    await worker.runDue();
    const entry = {
      seq: 1,
      type: 'x',
      payload: undefined,
      at: new Date(T0).toISOString(),
      date: '2026-09-07',
      actor: { id: 'a', roles: [] },
      idempotencyKey: undefined,
      trace: [],
    } as const;
    const replanned = deadline('b', 'due', 9);
    await store.append('town', {
      expectedVersion: 0,
      entries: [entry],
      deadlines: { added: [replanned, early], removed: [moved] },
    });
    clock.advanceTo(T0 + 10 * DAY);
    await worker.runDue();
    expect(delivered).toEqual(['a:due@2026-09-08', 'b:due@2026-09-16']);
  });

  it('refuses options that would break its waits', () => {
    const clock = createManualClock(T0);
    expect(() =>
      createTimerWorker({
        store: {} as never,
        clock,
        deliver: () => {},
        maxWait: MAX_TIMER_DELAY + 1,
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid-option', path: ['maxWait'] }));
  });
});
