// Ids and dates no store may keep are refused with a 4xx naming the field, before anything is
// stored; the answer (its Location header among it) is made before the instance is stored.
import type { MaslulStore } from '@maslul/store';
import { describe, expect, it } from 'vitest';
import { expectError } from './expect-error.js';
import { as, challenges, people, post, START, scope, setUp } from './fixture.js';

async function started() {
  const setup = setUp();
  const store = setup.store as MaslulStore;
  await setup.runtime.create('town', { start: START });
  await setup.runtime.send(
    'town',
    { type: 'S0', payload: scope as never },
    { actor: people.mayor },
  );
  const timers = JSON.stringify(await store.timers());
  const unchanged = async () => {
    expect(await store.version('town')).toBe(1);
    expect(JSON.stringify(await store.timers())).toBe(timers);
  };
  return { ...setup, store, unchanged };
}

describe('ids over HTTP', () => {
  it.each([
    ['a lone surrogate', '\ud800'],
    ['a NUL', 'a\u0000b'],
    ['a line break', 'new\ntown'],
  ])(
    '400 invalid-id for an instance id with %s, with no Location and nothing stored',
    async (_, id) => {
      const { app, unchanged } = await started();
      const response = await app.request('/instances', post(people.mayor, { id, start: START }));
      expect(response.headers.get('location')).toBeNull();
      const body = await expectError(response, 400, 'invalid-id');
      expect(body.error.issues[0]?.path).toEqual(['id']);
      await unchanged();
    },
  );

  it('answers a new instance with its Location, percent-encoded', async () => {
    const { app } = await started();
    const response = await app.request(
      '/instances',
      post(people.mayor, { id: 'רמת התאנים', start: START }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/instances/${encodeURIComponent('רמת התאנים')}`);
  });

  it('404 for a path id whose escapes are not UTF-8 (kept as the text it is)', async () => {
    const { app } = await started();
    await expectError(
      app.request('/instances/%ED%A0%80', { headers: as(people.manager) }),
      404,
      'unknown-instance',
    );
  });

  it.each(['%00', '%C2%85', 'a%0Ab'])('400 invalid-id for the path id %s', async (id) => {
    const { app } = await started();
    const body = await expectError(
      app.request(`/instances/${id}`, { headers: as(people.manager) }),
      400,
      'invalid-id',
    );
    expect(body.error.issues[0]?.path).toEqual(['id']);
  });

  it('400 invalid-id for an Idempotency-Key with a control character, naming the header', async () => {
    const { app, unchanged } = await started();
    const body = await expectError(
      app.request(
        '/instances/town/events',
        post(
          people.shaping,
          { type: 'S1', payload: challenges },
          { 'Idempotency-Key': 'k\u0085y' },
        ),
      ),
      400,
      'invalid-id',
    );
    expect(body.error.issues[0]?.path).toEqual(['headers', 'Idempotency-Key']);
    await unchanged();
  });

  it('takes "constructor" as a new Idempotency-Key, and its retry as the same event', async () => {
    const { app } = await started();
    const send = () =>
      app.request(
        '/instances/town/events',
        post(
          people.shaping,
          { type: 'S1', payload: challenges },
          { 'Idempotency-Key': 'constructor' },
        ),
      );
    expect((await send()).status).toBe(201);
    const again = await send();
    expect(again.status).toBe(200);
    expect(((await again.json()) as { duplicate: boolean }).duplicate).toBe(true);
  });
});

describe('dates over HTTP', () => {
  it.each(['0000-01-01', '1899-12-31', '2199-12-31', '9999-12-31'])(
    '400 invalid-date for the start %s, naming "start", nothing stored',
    async (start) => {
      const { app, unchanged } = await started();
      const body = await expectError(
        app.request('/instances', post(people.mayor, { id: 'new-town', start })),
        400,
        'invalid-date',
      );
      expect(body.error.issues[0]?.path).toEqual(['start']);
      await unchanged();
    },
  );

  it.each(['0000-01-01', '1899-12-31', '9999-12-31', '0000-01-01T00:00:00Z'])(
    'never a 5xx for the schedule read at %s (a read of statuses, it stores nothing)',
    async (at) => {
      const { app, unchanged } = await started();
      const response = await app.request(`/instances/town/schedule?at=${at}`, {
        headers: as(people.manager),
      });
      expect(response.status).toBeLessThan(500);
      await unchanged();
    },
  );

  it('422 before-start for an event dated before the instance started, nothing stored', async () => {
    const { app, unchanged } = await started();
    const body = await expectError(
      app.request(
        '/instances/town/events',
        post(people.shaping, { type: 'S1', payload: challenges, at: '2026-09-01T09:00:00Z' }),
      ),
      422,
      'before-start',
    );
    expect(body.error.issues[0]?.path).toEqual(['at']);
    await unchanged();
  });

  it.each(['0000-01-01T00:00:00Z', '1900-01-01T00:00:00Z'])(
    'a 400 for the instant %s, outside the years plans are made in or before the start',
    async (at) => {
      const { app, unchanged } = await started();
      const response = await app.request(
        '/instances/town/events',
        post(people.shaping, { type: 'S1', payload: challenges, at }),
      );
      expect([400, 422]).toContain(response.status);
      await unchanged();
    },
  );
});
