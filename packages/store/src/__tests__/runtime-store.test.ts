import { createManualClock, createRuntime, replay, type SendResult } from '@maslul/core';
import { afterAll, describe, expect, it } from 'vitest';
import { manager, sample, steering } from '../../../core/test-programs/sample-program.js';
import { rejection } from './rejection.js';
import { CHALLENGES, runEvents, START } from './sample-run.js';
import { storeKinds } from './stores.js';

const clock = createManualClock('2030-01-01T00:00:00Z');
const at = '2026-09-07T09:00:00Z';

describe.each(storeKinds())('createRuntime over the $name store', (kind) => {
  afterAll(() => kind.close());

  const runtimeOn = async (snapshotEvery = 100) => {
    const store = await kind.open();
    return { store, runtime: createRuntime(sample, { store, clock, snapshotEvery }) };
  };
  const sendAll = async (
    runtime: ReturnType<typeof createRuntime<typeof sample>>,
    id: string,
    measures: number,
  ) => {
    const results: SendResult[] = [];
    for (const { event, actor, at: when } of runEvents(measures)) {
      results.push(await runtime.send(id, event as never, { actor: actor as never, at: when }));
    }
    return results;
  };

  it('creates an instance at version 0 with its first snapshot and deadlines', async () => {
    const { store, runtime } = await runtimeOn();
    const view = await runtime.create('town', { start: START });
    expect(view.version).toBe(0);
    const stored = await store.load('town');
    expect(stored?.version).toBe(0);
    expect(stored?.snapshot.seq).toBe(0);
    expect(stored?.program).toEqual({ id: 'sample', version: 1 });
    const timers = await store.timers('town');
    expect(timers.map((t) => t.deadline)).toEqual(view.deadlines());
  });

  it('refuses a second instance with the same id', async () => {
    const { runtime } = await runtimeOn();
    await runtime.create('town', { start: START });
    const error = await rejection(runtime.create('town', { start: START }));
    expect(error.code).toBe('instance-exists');
  });

  it('stores every accepted event with its seq, actor, payload, key and trace', async () => {
    const { store, runtime } = await runtimeOn();
    await runtime.create('town', { start: START });
    const result = await runtime.send(
      'town',
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: steering, at, idempotencyKey: 'k-1' },
    );
    expect(result.ok).toBe(true);
    const [entry] = await store.events('town');
    expect(entry).toEqual(result.ok ? result.entry : undefined);
    expect(entry).toMatchObject({
      seq: 1,
      type: 'scope',
      payload: { areas: ['north'] },
      actor: { id: 'mayor', roles: ['steering'] },
      idempotencyKey: 'k-1',
    });
  });

  it('stores nothing for a refused event', async () => {
    const { store, runtime } = await runtimeOn();
    await runtime.create('town', { start: START });
    await runtime.send(
      'town',
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: steering, at },
    );
    const refused = await runtime.send(
      'town',
      { type: 'meeting1', payload: { challenges: CHALLENGES.slice(0, 3) } },
      { actor: steering, at },
    );
    expect(refused.ok).toBe(false);
    expect(refused.ok ? undefined : refused.refusal.rule).toBe('S1');
    expect(await store.version('town')).toBe(1);
    expect(await store.events('town')).toHaveLength(1);
  });

  it('gives a stale writer a version conflict and writes nothing', async () => {
    const { store, runtime: first } = await runtimeOn();
    const second = createRuntime(sample, { store, clock });
    await first.create('town', { start: START });
    await second.open('town'); // loaded at version 0
    await first.send(
      'town',
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: steering, at },
    );
    const error = await rejection(
      second.send(
        'town',
        { type: 'scope', payload: { areas: ['south'] } },
        { actor: steering, at },
      ),
    );
    expect(error.code).toBe('version-conflict');
    expect(error.rule).toBe('store.expected-version');
    expect((await store.events('town')).map((e) => e.payload)).toEqual([{ areas: ['north'] }]);
    // Loaded again, the second writer sees the first's event and goes on from there.
    const next = await second.send(
      'town',
      { type: 'meeting1', payload: { challenges: CHALLENGES } },
      { actor: steering, at },
    );
    expect(next.ok && next.entry.seq).toBe(2);
  });

  it('judges an event on the stored instance when another process moved it (no stale refusal)', async () => {
    const { store, runtime: web1 } = await runtimeOn();
    const web2 = createRuntime(sample, { store, clock });
    await web1.create('town', { start: START }); // web1's cache holds version 0
    await web2.send(
      'town',
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: steering, at },
    );
    // On web1's cached copy the scope is not recorded, so meeting1 would be "not now".
    const result = await web1.send(
      'town',
      { type: 'meeting1', payload: { challenges: CHALLENGES } },
      { actor: steering, at },
    );
    expect(result.ok && result.entry.seq).toBe(2);
    expect((await store.events('town')).map((e) => e.type)).toEqual(['scope', 'meeting1']);
    // A refusal on an up-to-date copy is still a refusal, and still stores nothing.
    const again = await web1.send(
      'town',
      { type: 'scope', payload: { areas: ['south'] } },
      { actor: steering, at },
    );
    expect(again.ok).toBe(false);
    expect(await store.version('town')).toBe(2);
  });

  it("keeps an open view's version live, like its current state", async () => {
    const { runtime } = await runtimeOn();
    const view = await runtime.create('town', { start: START });
    await runtime.send(
      'town',
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: steering, at },
    );
    expect(view.version).toBe(1);
    expect({ ...view }.version).toBe(1);
  });

  it('returns the first result for a retried idempotency key, in this process or another', async () => {
    const { store, runtime } = await runtimeOn();
    await runtime.create('town', { start: START });
    const options = { actor: steering, at, idempotencyKey: 'form-1' } as const;
    const event = { type: 'scope' as const, payload: { areas: ['north'] } };
    const first = await runtime.send('town', event, options);
    const again = await runtime.send('town', event, options);
    const elsewhere = await createRuntime(sample, { store, clock }).send('town', event, options);
    for (const result of [again, elsewhere]) {
      expect(result.ok && result.duplicate).toBe(true);
      expect(result.ok && result.entry).toEqual(first.ok && first.entry);
    }
    expect(await store.events('town')).toHaveLength(1);
  });

  it('refuses another event under a used key, in this process or another (the store has the first)', async () => {
    const { store, runtime } = await runtimeOn();
    await runtime.create('town', { start: START });
    const options = { actor: steering, at, idempotencyKey: 'form-1' } as const;
    await runtime.send('town', { type: 'scope', payload: { areas: ['north'] } }, options);
    const other = { type: 'scope' as const, payload: { areas: ['south'] } };
    const here = await runtime.send('town', other, options);
    const elsewhere = await createRuntime(sample, { store, clock }).send('town', other, options);
    for (const result of [here, elsewhere]) {
      expect(result.ok || result.refusal).toMatchObject({
        code: 'idempotency-key-reused',
        rule: 'core.idempotency',
      });
    }
    expect(await store.events('town')).toHaveLength(1);
  });

  it('takes sends to one instance one at a time in a process, with no conflict', async () => {
    const { store, runtime } = await runtimeOn();
    await runtime.create('town', { start: START });
    const events = runEvents(10);
    for (const { event, actor, at: when } of events.slice(0, 5)) {
      await runtime.send('town', event as never, { actor: actor as never, at: when });
    }
    const results = await Promise.all(
      events
        .slice(5)
        .map(({ event, actor, at: when }) =>
          runtime.send('town', event as never, { actor: actor as never, at: when }),
        ),
    );
    expect(results.map((r) => r.ok && r.entry.seq)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect((await runtime.history('town')).map((e) => e.seq)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    expect(await store.version('town')).toBe(15);
  });

  it('writes a snapshot every N events and on demand, and loads from the latest', async () => {
    const { store, runtime } = await runtimeOn(3);
    await runtime.create('town', { start: START });
    await sendAll(runtime, 'town', 2); // 7 events
    const stored = await store.load('town');
    expect(stored?.snapshot.seq).toBe(6);
    expect(stored?.events.map((e) => e.seq)).toEqual([7]);
    const snapshot = await runtime.snapshot('town');
    expect(snapshot.seq).toBe(7);
    expect((await store.load('town'))?.events).toEqual([]);
  });

  it('restores (latest snapshot + later events) to what a full replay from empty gives', async () => {
    const { store, runtime } = await runtimeOn(10);
    await runtime.create('town', { start: START });
    const results = await sendAll(runtime, 'town', 40);
    expect(results.every((r) => r.ok)).toBe(true);
    const restored = await createRuntime(sample, { store, clock }).open('town');
    const replayed = replay(sample, await store.events('town'), { start: START, clock });
    expect(restored.version).toBe(45);
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(replayed.snapshot()));
    expect(restored.current()).toEqual(replayed.current());
  });

  it("loads stored events dated after this process's clock (another machine's clock was ahead)", async () => {
    const { store, runtime } = await runtimeOn(100);
    await runtime.create('town', { start: START });
    await sendAll(runtime, 'town', 3);
    const behind = createManualClock('2026-09-01T00:00:00Z'); // before every stored event
    const view = await createRuntime(sample, { store, clock: behind }).open('town');
    expect(view.version).toBe(8);
    expect(JSON.stringify(view.snapshot())).toBe(
      JSON.stringify((await runtime.open('town')).snapshot()),
    );
  });

  it('keeps the timer table equal to the deadlines of the latest state', async () => {
    const { store, runtime } = await runtimeOn();
    await runtime.create('town', { start: START });
    await sendAll(runtime, 'town', 0);
    const view = await runtime.open('town');
    const pending = (await store.timers('town')).filter((t) => t.firedAt === undefined);
    const key = (d: { id: string; at: number }) => `${d.id}@${d.at}`;
    expect(pending.map((t) => key(t.deadline)).sort()).toEqual(view.deadlines().map(key).sort());
  });

  it('names the unknown instance, and refuses an invalid id', async () => {
    const { runtime } = await runtimeOn();
    const unknown = await rejection(
      runtime.send('nowhere', { type: 'hackathon' }, { actor: manager, at }),
    );
    expect(unknown.code).toBe('unknown-instance');
    expect(unknown.message).toContain('"nowhere"');
    const invalid = await rejection(runtime.open(''));
    expect(invalid.code).toBe('invalid-id');
    expect(invalid.path).toEqual(['id']);
  });

  it('refuses a batch that does not follow the expected version, writing nothing', async () => {
    const { store, runtime } = await runtimeOn();
    await runtime.create('town', { start: START });
    const [result] = await sendAll(runtime, 'town', 0);
    const entry = result?.ok ? result.entry : undefined;
    if (!entry) throw new Error('first event refused');
    const error = await rejection(
      store.append('town', {
        expectedVersion: 1,
        entries: [{ ...entry, seq: 5 }],
        deadlines: { added: [], removed: [] },
      }),
    );
    expect(error.code).toBe('invalid-batch');
    expect(error.path).toEqual(['entries', 0, 'seq']);
    expect(await store.version('town')).toBe(5);
  });
});
