// Ending a run (issue #14, item 6): a cancelled or closed instance keeps no timers in the store's
// timer table, lists as cancelled or closed, and refuses later events, after a reload too.
import { createManualClock, createRuntime, defineProgram } from '@maslul/core';
import { afterAll, describe, expect, it } from 'vitest';
import { storeKinds } from './stores.js';

const call = defineProgram('endable', { version: 1, label: 'An endable call' })
  .roles({ board: { label: 'Board' } })
  .track('main', 'Main', (t) =>
    t
      .milestone('open', { label: 'Open', by: ['board'] })
      .milestone('results', { label: 'Results', by: ['board'], after: 'P30D' }),
  )
  .ending({ cancel: { by: ['board'] }, close: { by: ['board'] } })
  .build();

const board = { id: 'dana', roles: ['board'] } as const;

describe.each(storeKinds())('ending a run on the $name store', (kind) => {
  afterAll(() => kind.close());

  it('removes the stored timers, lists the run as cancelled or closed, and refuses after', async () => {
    const store = await kind.open();
    const clock = createManualClock('2027-01-04T09:00:00Z');
    const runtime = createRuntime(call, { store, clock });
    await runtime.create('north', { start: '2027-01-04' });
    await runtime.create('south', { start: '2027-01-04' });
    await runtime.create('west', { start: '2027-01-04' });
    const pending = async (id: string) =>
      (await store.timers(id)).filter((t) => t.firedAt === undefined);
    expect((await pending('north')).length).toBeGreaterThan(0);
    const cancelled = await runtime.send(
      'north',
      { type: 'run.cancel', payload: { reason: 'The budget was cut' } },
      { actor: board },
    );
    expect(cancelled.ok).toBe(true);
    await runtime.send(
      'south',
      { type: 'run.close', payload: { reason: 'Over' } },
      { actor: board },
    );
    expect(await pending('north')).toEqual([]);
    expect(await pending('south')).toEqual([]);
    expect((await pending('west')).length).toBeGreaterThan(0);

    clock.advanceTo('2027-03-01T09:00:00Z');
    const page = await runtime.list();
    expect(page.instances.map((i) => [i.id, i.status, i.overdue])).toEqual([
      ['north', 'cancelled', []],
      ['south', 'closed', []],
      ['west', 'running', ['open', 'results']],
    ]);
    expect((await runtime.list({ status: 'cancelled' })).instances.map((i) => i.id)).toEqual([
      'north',
    ]);

    // A runtime that loads it from the store refuses too, and stores nothing.
    const reloaded = createRuntime(call, { store, clock });
    const late = await reloaded.send('north', { type: 'open' }, { actor: board });
    expect(late.ok ? undefined : late.refusal.code).toBe('ended');
    expect(await store.version('north')).toBe(1);
  });
});
