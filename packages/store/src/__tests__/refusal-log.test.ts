import { createManualClock, createRuntime, type RefusalRecord } from '@maslul/core';
import { afterAll, describe, expect, it } from 'vitest';
import { manager, sample, steering } from '../../../core/test-programs/sample-program.js';
import { rejection } from './rejection.js';
import { START } from './sample-run.js';
import { storeKinds } from './stores.js';

const clock = createManualClock('2026-09-08T09:00:00Z');

const refusal = (n: number): RefusalRecord => ({
  at: `2026-09-08T09:00:0${n}.000Z`,
  actor: { id: 'dana', roles: ['manager'] },
  type: 'scope',
  code: 'forbidden',
  rule: 'core.roles',
  path: ['actor', 'roles'],
  message: `refusal ${n}`,
});

describe.each(storeKinds())('the refusal log on the $name store', (kind) => {
  afterAll(() => kind.close());

  it('keeps refusals apart from the events, oldest first, the newest `keep` only', async () => {
    const store = await kind.open();
    const runtime = createRuntime(sample, { store, clock });
    await runtime.create('town', { start: START });
    for (const n of [1, 2, 3, 4]) await store.appendRefusal('town', refusal(n), 3);
    expect((await store.refusals('town')).map((r) => r.message)).toEqual([
      'refusal 2',
      'refusal 3',
      'refusal 4',
    ]);
    expect(await store.refusals('town')).toEqual([refusal(2), refusal(3), refusal(4)]);
    expect(await store.events('town')).toEqual([]);
    expect(await store.version('town')).toBe(0);
  });

  it('refuses a refusal for an instance that is not stored, and a bad record', async () => {
    const store = await kind.open();
    expect((await rejection(store.appendRefusal('nowhere', refusal(1), 10))).code).toBe(
      'unknown-instance',
    );
    const runtime = createRuntime(sample, { store, clock });
    await runtime.create('town', { start: START });
    const bad = { ...refusal(1), actor: 'dana' } as unknown as RefusalRecord;
    expect((await rejection(store.appendRefusal('town', bad, 10))).code).toBe('invalid-batch');
    expect((await rejection(store.appendRefusal('town', refusal(1), 0))).code).toBe(
      'invalid-option',
    );
    expect(await store.refusals('town')).toEqual([]);
  });

  it('records who tried what through the runtime, and why it was refused', async () => {
    const store = await kind.open();
    const runtime = createRuntime(sample, { store, clock, refusalLimit: 2 });
    await runtime.create('town', { start: START });
    const result = await runtime.send(
      'town',
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: manager, at: '2026-09-07T09:00:00Z', idempotencyKey: 'form-1' },
    );
    expect(result.ok).toBe(false);
    expect(await runtime.refusals('town')).toEqual([
      {
        at: '2026-09-08T09:00:00.000Z',
        actor: { id: 'dana', roles: ['manager'] },
        type: 'scope',
        code: 'forbidden',
        rule: 'core.roles',
        path: ['actor', 'roles'],
        message: '"dana" may not record "scope": it needs one of the roles "steering".',
        idempotencyKey: 'form-1',
      },
    ]);
    expect(await runtime.history('town')).toEqual([]);
    // Accepted events add nothing; the log keeps the newest two.
    await runtime.send(
      'town',
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: steering },
    );
    await runtime.send(
      'town',
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: steering },
    );
    await runtime.send('town', { type: 'nope' } as never, { actor: { id: '  ', roles: [] } });
    const log = await runtime.refusals('town');
    expect(log.map((r) => [r.code, r.rule])).toEqual([
      ['not-now', 'core.track-order'],
      ['invalid-actor', 'core.actor'],
    ]);
    expect(log[1]?.actor).toEqual({ id: '  ', roles: [] });
    // Another runtime over the same store reads the same log.
    const again = createRuntime(sample, { store, clock });
    expect(await again.refusals('town')).toEqual(log);
    expect((await rejection(again.refusals('nowhere'))).code).toBe('unknown-instance');
  });
});
