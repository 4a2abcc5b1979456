// The promises every store keeps the same way, checked on each one (memory, PGlite, and
// PostgreSQL when DATABASE_URL is set): the id rule of `@maslul/core` for every instance id and idempotency key it is given (item ids
// too; the runtime holds them to a stricter rule of its own), refused before anything is written, and well-formed ids kept exactly as given.
import { createInstance, createManualClock, createRuntime, type LogEntry } from '@maslul/core';
import { afterAll, describe, expect, it } from 'vitest';
import { manager, sample, steering } from '../../../core/test-programs/sample-program.js';
import type { MaslulStore } from '../index.js';
import { rejection } from './rejection.js';
import { newSampleInstance, START } from './sample-run.js';
import { storeKinds } from './stores.js';

const clock = createManualClock('2030-01-01T00:00:00Z');
const at = '2026-09-07T09:00:00Z';

const BAD_IDS = {
  'a NUL': 'town\u0000',
  'a lone high surrogate': 'town-\ud800',
  'a lone low surrogate': 'town-\udc00',
  'a line break': 'town\n',
  'a C1 control': 'town\u009b',
  'an empty string': '',
  '201 characters': 'x'.repeat(201),
};
const bad = Object.entries(BAD_IDS);
/** Ids that look odd but are ids: each is stored and read back exactly. */
const GOOD_IDS = [
  'רמת-התאנים',
  '🌱 garden',
  '🌲 garden', // differs from the one above in its low surrogate only
  '__proto__',
  'constructor',
  `quote " backslash \\ percent %25 slash /`,
  // An append is sent as SQL text with its values written in (sql/literal.ts): quotes, backslashes
  // and dollar quotes are kept as given.
  `it's \\' '' E'x' $$ $1 \\\\ ; --`,
  'x'.repeat(200),
];

/** The first event of the sample run, as the runtime makes it: an entry to append. */
const firstEntry = (): LogEntry => {
  const instance = createInstance(sample, { start: START, clock });
  const result = instance.send(
    { type: 'scope', payload: { areas: ['north'] } },
    { actor: steering, at },
  );
  if (!result.ok) throw result.refusal;
  return result.entry;
};

describe.each(storeKinds())('the $name store keeps the id rule', (kind) => {
  afterAll(() => kind.close());
  let store: MaslulStore;
  const open = async () => {
    store = await kind.open();
    return store;
  };

  it.each(bad)('refuses an instance id with %s in every call, writing nothing', async (_, id) => {
    await open();
    const calls: [string, () => Promise<unknown>][] = [
      ['create', () => store.create(newSampleInstance(id))],
      ['load', () => store.load(id)],
      ['version', () => store.version(id)],
      ['events', () => store.events(id)],
      ['eventByKey', () => store.eventByKey(id, 'k')],
      ['timers', () => store.timers(id)],
      [
        'append',
        () =>
          store.append(id, {
            expectedVersion: 0,
            entries: [firstEntry()],
            deadlines: { added: [], removed: [] },
          }),
      ],
      ['saveSnapshot', () => store.saveSnapshot(id, newSampleInstance('x').snapshot)],
    ];
    for (const [name, call] of calls) {
      const error = await rejection(call());
      expect({ name, code: error.code, path: error.path }).toEqual({
        name,
        code: 'invalid-id',
        path: name === 'timers' ? ['instanceId'] : ['id'],
      });
    }
    expect(await store.timers()).toEqual([]);
  });

  it.each(bad)('refuses an idempotency key or item id with %s, writing nothing', async (_, bad) => {
    await open();
    await store.create(newSampleInstance('town'));
    const entry = firstEntry();
    const batch = (e: LogEntry) => ({
      expectedVersion: 0,
      entries: [e],
      deadlines: { added: [], removed: [] },
    });
    const keyed = await rejection(store.append('town', batch({ ...entry, idempotencyKey: bad })));
    expect(keyed).toMatchObject({
      code: 'invalid-id',
      path: ['entries', 0, 'idempotencyKey'],
    });
    const itemed = await rejection(store.append('town', batch({ ...entry, item: bad })));
    expect(itemed).toMatchObject({ code: 'invalid-id', path: ['entries', 0, 'item'] });
    const asked = await rejection(store.eventByKey('town', bad));
    expect(asked).toMatchObject({ code: 'invalid-id', path: ['idempotencyKey'] });
    expect(await store.version('town')).toBe(0);
    expect(await store.events('town')).toEqual([]);
  });

  it('keeps well-formed ids, keys and item ids exactly, each its own', async () => {
    await open();
    const runtime = createRuntime(sample, { store, clock });
    for (const id of GOOD_IDS) await runtime.create(id, { start: START });
    for (const id of GOOD_IDS) {
      expect((await store.load(id))?.id).toBe(id);
      expect(await store.version(id)).toBe(0);
    }
    const id = GOOD_IDS[0] as string;
    const send = (
      event: Parameters<typeof runtime.send>[1],
      key: string,
      actor: typeof manager | typeof steering = manager,
    ) => runtime.send(id, event, { actor, at, idempotencyKey: key });
    await send({ type: 'scope', payload: { areas: ['north'] } }, GOOD_IDS[1] as string, steering);
    await send(
      { type: 'meeting1', payload: { challenges: ['a', 'b', 'c', 'd', 'e'] } },
      GOOD_IDS[2] as string,
      steering,
    );
    await send({ type: 'hackathon' }, '__proto__');
    const created = await send(
      {
        type: 'initiative.create',
        item: 'garden',
        payload: { title: 'Garden', challenges: ['a'] },
      },
      'constructor',
    );
    expect(created.ok || created.refusal.message).toBe(true);
    const history = await store.events(id);
    expect(history.map((e) => [e.idempotencyKey, e.item])).toEqual([
      [GOOD_IDS[1], undefined],
      [GOOD_IDS[2], undefined],
      ['__proto__', undefined],
      ['constructor', 'garden'],
    ]);
    expect((await store.eventByKey(id, GOOD_IDS[2] as string))?.seq).toBe(2);
    expect((await store.eventByKey(id, 'constructor'))?.seq).toBe(4);
    runtime.evict();
    expect((await runtime.open(id)).version).toBe(4);
  });

  it('stores nothing for a start outside the years plans are made in', async () => {
    await open();
    const runtime = createRuntime(sample, { store, clock });
    for (const start of ['0000-01-01', '2200-12-31', '9999-12-31'] as const) {
      const error = await rejection(runtime.create('town', { start }));
      expect({ start, code: error.code, path: error.path }).toEqual({
        start,
        code: 'invalid-date',
        path: ['start'],
      });
    }
    expect(await store.version('town')).toBeUndefined();
    expect(await store.timers()).toEqual([]);
  });

  it('stores nothing for an event dated before the start or outside 1900-2200', async () => {
    await open();
    const runtime = createRuntime(sample, { store, clock });
    await runtime.create('town', { start: START });
    for (const when of ['2026-09-06T09:00:00Z', '1900-01-01T00:00:00Z', '0000-01-01T00:00:00Z']) {
      const result = await runtime.send(
        'town',
        { type: 'scope', payload: { areas: ['north'] } },
        { actor: steering, at: when },
      );
      expect(result.ok ? 'stored' : result.refusal.code).toBe(
        when.startsWith('2026') ? 'before-start' : 'invalid-instant',
      );
    }
    expect(await store.version('town')).toBe(0);
  });
});
