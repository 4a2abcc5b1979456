// An append's expected version, on every store (issue #15): the SQL stores check it through the
// events' primary key since migration 0005, with two ways of writing (one event alone, or a batch
// with a snapshot or timer changes: the append_events function); both must refuse the same
// appends, writing nothing, as the memory store does.
import {
  type AppendBatch,
  createInstance,
  createManualClock,
  type Deadline,
  type LogEntry,
} from '@maslul/core';
import { afterAll, describe, expect, it } from 'vitest';
import { sample } from '../../../core/test-programs/sample-program.js';
import type { MaslulStore } from '../index.js';
import { rejection } from './rejection.js';
import { runEvents, START } from './sample-run.js';
import { storeKinds } from './stores.js';

const clock = createManualClock('2030-01-01T00:00:00Z');

/** The sample run's first `count` events as the runtime makes them, with the state after each. */
function recorded(count: number) {
  const instance = createInstance(sample, { start: START, clock });
  const first = { snapshot: instance.snapshot(), deadlines: instance.deadlines() };
  const steps = runEvents(0)
    .slice(0, count)
    .map(({ event, actor, at }) => {
      const result = instance.send(event as never, { actor: actor as never, at });
      if (!result.ok) throw new Error(`The sample run was refused: ${result.refusal.message}`);
      return { entry: result.entry, snapshot: instance.snapshot() };
    });
  return { first, steps };
}

const run = recorded(3);
const step = (seq: number) => run.steps[seq - 1] as (typeof run.steps)[number];
const entry = (seq: number): LogEntry => step(seq).entry;
const extra: Deadline = { ...(run.first.deadlines[0] as Deadline), id: 'extra', at: 1 };

/** Appending event `seq` alone, or with its snapshot and timer changes (`full`). */
const batch = (seq: number, expectedVersion: number, full: boolean): AppendBatch => ({
  expectedVersion,
  entries: [{ ...entry(seq), seq: expectedVersion + 1 }],
  ...(full
    ? {
        snapshot: { ...step(seq).snapshot, seq: expectedVersion + 1 },
        deadlines: { added: [extra], removed: run.first.deadlines.slice(0, 1) },
      }
    : { deadlines: { added: [], removed: [] } }),
});

const ways = [
  ['one event alone', false],
  ['an event with a snapshot and timer changes', true],
] as const;

describe.each(storeKinds())('store.append on the $name store', (kind) => {
  afterAll(() => kind.close());

  /** A store with "town" at `version` (its first events, each appended alone). */
  const townAt = async (version: number): Promise<MaslulStore> => {
    const store = await kind.open();
    await store.create({
      id: 'town',
      program: { id: sample.id, version: sample.version },
      start: START,
      ...run.first,
    });
    for (let seq = 1; seq <= version; seq++) await store.append('town', batch(seq, seq - 1, false));
    return store;
  };
  /** Everything an append could have written to "town". */
  const written = async (store: MaslulStore) => ({
    events: await store.events('town'),
    snapshot: (await store.load('town'))?.snapshot.seq,
    timers: (await store.timers('town')).map((t) => `${t.deadline.id}@${t.deadline.at}`).sort(),
  });

  it.each(ways)('appends %s at version 0, and after it', async (_, full) => {
    const store = await townAt(0);
    await store.append('town', batch(1, 0, full));
    await store.append('town', batch(2, 1, full));
    expect(await store.version('town')).toBe(2);
    expect((await store.events('town')).map((e) => e.seq)).toEqual([1, 2]);
    if (full) {
      expect((await store.load('town'))?.snapshot.seq).toBe(2);
      expect((await written(store)).timers).toContain(`extra@1`);
    }
  });

  it.each(ways)('gives a stale writer of %s a conflict, writing nothing', async (_, full) => {
    const store = await townAt(2);
    const before = await written(store);
    for (const expected of [0, 1]) {
      const error = await rejection(store.append('town', batch(3, expected, full)));
      expect(error.code).toBe('version-conflict');
      expect(error.message).toContain('at version 2, not the expected');
    }
    expect(await written(store)).toEqual(before);
  });

  it.each(ways)('refuses %s after a version not reached yet: no gap', async (_, full) => {
    const store = await townAt(1);
    const before = await written(store);
    for (const expected of [2, 5]) {
      const error = await rejection(store.append('town', batch(3, expected, full)));
      expect(error.code).toBe('version-conflict');
      expect(error.message).toContain(`at version 1, not the expected ${expected}`);
    }
    expect(await written(store)).toEqual(before);
    expect(await store.version('town')).toBe(1);
  });

  it.each(ways)('names an unknown instance for %s, at version 0 or later', async (_, full) => {
    const store = await townAt(0);
    for (const expected of [0, 3]) {
      const error = await rejection(store.append('nowhere', batch(1, expected, full)));
      expect(error.code).toBe('unknown-instance');
      expect(error.message).toContain('"nowhere"');
    }
    expect(await store.version('nowhere')).toBeUndefined();
  });

  it.each(ways)('refuses %s under an idempotency key stored before', async (_, full) => {
    const store = await townAt(0);
    const keyed = (b: AppendBatch): AppendBatch => ({
      ...b,
      entries: b.entries.map((e) => ({ ...e, idempotencyKey: 'k-1' })),
    });
    await store.append('town', keyed(batch(1, 0, false)));
    const before = await written(store);
    const error = await rejection(store.append('town', keyed(batch(2, 1, full))));
    expect(error.code).toBe('version-conflict');
    expect(error.message).toContain('idempotency key');
    expect(await written(store)).toEqual(before);
  });

  it.each(ways)('keeps %s with quotes, backslashes and dollar quotes exactly', async (_, full) => {
    // An append is sent with its values written into SQL text on PGlite (sql/literal.ts).
    const id = `it's \\' '' E'x' $$ $1 \\\\ ; --`;
    const store = await kind.open();
    await store.create({
      id,
      program: { id: sample.id, version: sample.version },
      start: START,
      ...run.first,
    });
    const written = batch(1, 0, full);
    const entries = written.entries.map((e) => ({
      ...e,
      idempotencyKey: id,
      item: id,
      payload: { text: id },
    }));
    await store.append(id, { ...written, entries });
    expect(await store.events(id)).toEqual(entries);
    expect((await store.eventByKey(id, id))?.seq).toBe(1);
  });

  it.each(ways)('lets one of two appends of %s at the same version win', async (_, full) => {
    const store = await townAt(1);
    for (let round = 0; round < 5; round++) {
      const version = 1 + round;
      const results = await Promise.allSettled([
        store.append('town', batch(2, version, full)),
        store.append('town', batch(3, version, full)),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [lost] = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(lost).toMatchObject({ code: 'version-conflict' });
      expect(await store.version('town')).toBe(version + 1);
    }
    const events = await store.events('town');
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
