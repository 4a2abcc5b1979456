import { createRuntime } from '@maslul/core';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { createPGliteStore } from '@maslul/store/pglite';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../index.js';
import { expectError } from './expect-error.js';
import { authenticate, people, post, START, scope, setUp } from './fixture.js';

describe('Idempotency-Key', () => {
  it('stores an event sent twice with one key once, and answers the first entry (201, then 200)', async () => {
    const { app, runtime, store } = setUp();
    await runtime.create('town', { start: START });
    const send = () =>
      app.request(
        '/instances/town/events',
        post(people.mayor, { type: 'S0', payload: scope }, { 'Idempotency-Key': 'form-7f3a' }),
      );
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([201, 200]);
    const [a, b] = [await first.json(), await again.json()];
    expect(a.duplicate).toBe(false);
    expect(b.duplicate).toBe(true);
    expect(b.entry).toEqual(a.entry);
    expect(a.entry.idempotencyKey).toBe('form-7f3a');
    expect(await store.events('town')).toHaveLength(1);
  });

  it('answers a retry through another process the first entry, from a SQL store', async () => {
    const store = await createPGliteStore();
    try {
      const one = setUp({ store });
      const other = createHttpApp({
        runtime: createRuntime(kehilaMetiva, { store, clock: one.clock }),
        authenticate,
      });
      await one.runtime.create('town', { start: START });
      const request = () =>
        post(people.mayor, { type: 'S0', payload: scope }, { 'Idempotency-Key': 'retry-1' });
      const first = await one.app.request('/instances/town/events', request());
      const retried = await other.request('/instances/town/events', request());
      expect([first.status, retried.status]).toEqual([201, 200]);
      expect((await retried.json()).entry).toEqual((await first.json()).entry);
      expect(await store.events('town')).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('answers 422 to a key reused for another event, storing nothing more', async () => {
    const { app, runtime, store } = setUp();
    await runtime.create('town', { start: START });
    const send = (payload: unknown) =>
      app.request(
        '/instances/town/events',
        post(people.mayor, { type: 'S0', payload }, { 'Idempotency-Key': 'form-1' }),
      );
    expect((await send(scope)).status).toBe(201);
    const body = await expectError(
      send({ ...scope, channels: ['economic'] }),
      422,
      'idempotency-key-reused',
    );
    expect(body.error.message).toContain('"form-1"');
    expect(await store.events('town')).toHaveLength(1);
  });

  it('answers 422 to a key retried with another instant (at), storing nothing more', async () => {
    const { app, runtime, store } = setUp();
    await runtime.create('town', { start: START });
    const send = (at: string) =>
      app.request(
        '/instances/town/events',
        post(people.mayor, { type: 'S0', payload: scope, at }, { 'Idempotency-Key': 'form-at' }),
      );
    expect((await send('2026-09-07T06:00:00Z')).status).toBe(201);
    // The same instant written another way is the same request.
    expect((await send('2026-09-07T09:00:00+03:00')).status).toBe(200);
    await expectError(send('2026-09-07T06:30:00Z'), 422, 'idempotency-key-reused');
    expect(await store.events('town')).toHaveLength(1);
  });

  it('takes a retry whose payload lists its fields in another order as the same event', async () => {
    const { app, runtime } = setUp();
    await runtime.create('town', { start: START });
    const reordered = {
      timeline: scope.timeline,
      channels: scope.channels,
      focusAreas: scope.focusAreas,
    };
    const send = (payload: unknown) =>
      app.request(
        '/instances/town/events',
        post(people.mayor, { type: 'S0', payload }, { 'Idempotency-Key': 'form-2' }),
      );
    expect((await send(scope)).status).toBe(201);
    expect((await send(reordered)).status).toBe(200);
  });
});
