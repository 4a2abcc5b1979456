// Listing instances (issue #14, item 8): the store's page in id order, by program, after a cursor;
// the runtime's list over it with each instance's status and overdue steps, on every store.
import { createManualClock, createRuntime, defineProgram, type InstancePage } from '@maslul/core';
import { afterAll, describe, expect, it } from 'vitest';
import { manager, sample, steering } from '../../../core/test-programs/sample-program.js';
import type { MaslulStore } from '../index.js';
import { rejection } from './rejection.js';
import { CHALLENGES } from './sample-run.js';
import { storeKinds } from './stores.js';

const other = defineProgram('other-program', { version: 1, label: 'Another program' })
  .roles({ manager: { label: 'Manager' } })
  .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
  .build();

/**
 * Four towns of the sample program and one of another: "late" started in January (its scope is
 * overdue in September), "new" and "newer" started on the clock's day (nothing
 * overdue), "finished" ran every step in 2025.
 */
async function seed(store: MaslulStore) {
  const clock = createManualClock('2026-09-07T09:00:00Z');
  const runtime = createRuntime(sample, { store, clock });
  await runtime.create('new', { start: '2026-09-07' });
  await runtime.create('late', { start: '2026-01-05' });
  await runtime.create('newer', { start: '2026-09-07' });
  await runtime.create('finished', { start: '2025-01-06' });
  const steps = [
    { type: 'scope', payload: { areas: ['north'] }, actor: steering, at: '2025-01-06T09:00:00Z' },
    {
      type: 'meeting1',
      payload: { challenges: CHALLENGES },
      actor: steering,
      at: '2025-01-20T09:00:00Z',
    },
    { type: 'mapping.start', actor: manager, at: '2025-01-21T09:00:00Z' },
    { type: 'hackathon', actor: manager, at: '2025-02-20T09:00:00Z' },
    {
      type: 'mapping.finish',
      payload: { summary: 'situation picture' },
      actor: manager,
      at: '2025-04-21T09:00:00Z',
    },
    ...['2025-05-05', '2025-05-19', '2025-06-02', '2025-06-16'].map((day) => ({
      type: 'teamMeetings',
      actor: manager,
      at: `${day}T09:00:00Z`,
    })),
    { type: 'review', actor: steering, at: '2025-10-20T09:00:00Z' },
    { type: 'decision', payload: { continued: [] }, actor: steering, at: '2025-10-27T09:00:00Z' },
  ];
  for (const { actor, at, ...event } of steps) {
    const result = await runtime.send('finished', event as never, { actor, at });
    expect(result.ok).toBe(true);
  }
  await createRuntime(other, { store, clock }).create('another', { start: '2026-09-07' });
  return { runtime, clock };
}

const ids = (page: InstancePage) => page.instances.map((i) => i.id);

describe.each(storeKinds())('listing instances on the $name store', (kind) => {
  afterAll(() => kind.close());

  it('store.list pages the instances in code point order, by program, after a cursor', async () => {
    const store = await kind.open();
    await seed(store);
    expect((await store.list({ limit: 10 })).map((r) => r.id)).toEqual([
      'another',
      'finished',
      'late',
      'new',
      'newer',
    ]);
    const first = await store.list({ program: 'sample', limit: 2 });
    expect(first).toEqual([
      {
        id: 'finished',
        program: { id: 'sample', version: 1 },
        start: '2025-01-06',
        version: 11,
      },
      { id: 'late', program: { id: 'sample', version: 1 }, start: '2026-01-05', version: 0 },
    ]);
    const second = await store.list({ program: 'sample', after: 'late', limit: 2 });
    expect(second.map((r) => r.id)).toEqual(['new', 'newer']);
    expect(await store.list({ program: 'sample', after: 'newer', limit: 2 })).toEqual([]);
    expect(await store.list({ program: 'no-such-program', limit: 5 })).toEqual([]);
  });

  it('store.list orders ids by code point, as PostgreSQL\'s "C" collation does', async () => {
    const store = await kind.open();
    const runtime = createRuntime(sample, {
      store,
      clock: createManualClock('2026-09-07T09:00:00Z'),
    });
    // U+FF5E sorts after 🌱 (U+1F331) in UTF-16 code units, before it in code points.
    for (const id of ['🌱 garden', '\uff5e wave', 'Zed', 'alef', 'אלף']) {
      await runtime.create(id, { start: '2026-09-07' });
    }
    expect((await store.list({ limit: 10 })).map((r) => r.id)).toEqual([
      'Zed',
      'alef',
      'אלף',
      '\uff5e wave',
      '🌱 garden',
    ]);
    expect((await store.list({ after: '\uff5e wave', limit: 10 })).map((r) => r.id)).toEqual([
      '🌱 garden',
    ]);
  });

  it('store.list refuses a bad limit, program or cursor, naming it', async () => {
    const store = await kind.open();
    for (const limit of [0, 1001, 1.5, Number.NaN, undefined]) {
      const error = await rejection(store.list({ limit } as never));
      expect(error.code).toBe('invalid-option');
      expect(error.issues[0]?.path).toEqual(['limit']);
    }
    const program = await rejection(store.list({ program: '', limit: 5 }));
    expect([program.code, program.issues[0]?.path]).toEqual(['invalid-id', ['program']]);
    const after = await rejection(store.list({ after: 'a\u0000', limit: 5 }));
    expect([after.code, after.issues[0]?.path]).toEqual(['invalid-id', ['after']]);
  });

  it("runtime.list gives the program's instances with their status and overdue steps", async () => {
    const store = await kind.open();
    const { runtime } = await seed(store);
    const page = await runtime.list();
    expect(ids(page)).toEqual(['finished', 'late', 'new', 'newer']);
    expect(page.next).toBeUndefined();
    const [finished, late, fresh] = page.instances;
    expect(finished).toMatchObject({ status: 'done', version: 11, overdue: [] });
    expect(finished?.current).toEqual({
      strategy: { step: 'done', running: false },
      pilot: { step: 'done', running: false },
      convergence: { step: 'done', running: false },
    });
    expect(late).toMatchObject({ status: 'running', version: 0, start: '2026-01-05' });
    expect(late?.overdue).toContain('scope');
    expect(late?.current.strategy?.step).toBe('scope');
    expect(fresh?.overdue).toEqual([]);
  });

  it('runtime.list filters by status and overdue steps, and pages with its cursor', async () => {
    const store = await kind.open();
    const { runtime, clock } = await seed(store);
    expect(ids(await runtime.list({ status: 'done' }))).toEqual(['finished']);
    expect(ids(await runtime.list({ status: 'running' }))).toEqual(['late', 'new', 'newer']);
    expect(ids(await runtime.list({ overdue: true }))).toEqual(['late']);
    expect(ids(await runtime.list({ overdue: false, status: 'running' }))).toEqual([
      'new',
      'newer',
    ]);
    const first = await runtime.list({ limit: 2 });
    expect([ids(first), first.next]).toEqual([['finished', 'late'], 'late']);
    const second = await runtime.list({ limit: 2, cursor: first.next });
    expect(ids(second)).toEqual(['new', 'newer']);
    const last = await runtime.list({ limit: 2, cursor: second.next });
    expect([ids(last), last.next]).toEqual([[], undefined]);
    // Overdue is read at the clock's now: a month on, the new towns are late too.
    clock.advanceTo('2026-11-08T09:00:00Z');
    expect(ids(await runtime.list({ overdue: true }))).toEqual(['late', 'new', 'newer']);
  });

  it('runtime.list sees instances another process created and appended', async () => {
    const store = await kind.open();
    const { runtime } = await seed(store);
    expect(ids(await runtime.list({ status: 'done' }))).toEqual(['finished']);
    const elsewhere = createRuntime(sample, {
      store,
      clock: createManualClock('2026-09-07T10:00:00Z'),
    });
    await elsewhere.create('another-town', { start: '2026-09-07' });
    await elsewhere.send(
      'new',
      { type: 'scope', payload: { areas: ['south'] } },
      { actor: steering },
    );
    const page = await runtime.list({ status: 'running' });
    expect(ids(page)).toEqual(['another-town', 'late', 'new', 'newer']);
    expect(page.instances.find((i) => i.id === 'new')).toMatchObject({ version: 1 });
  });

  it('runtime.list refuses bad options, naming each, and reads nothing', async () => {
    const store = await kind.open();
    const { runtime } = await seed(store);
    const error = await rejection(
      runtime.list({ status: 'open', overdue: 'yes', limit: 501 } as never),
    );
    expect(error.code).toBe('invalid-option');
    expect(error.issues.map((i) => i.path)).toEqual([['status'], ['overdue'], ['limit']]);
    const cursor = await rejection(runtime.list({ cursor: '' }));
    expect([cursor.code, cursor.issues[0]?.path]).toEqual(['invalid-id', ['cursor']]);
  });
});
