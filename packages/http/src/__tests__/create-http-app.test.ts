import { MaslulError } from '@maslul/core';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../index.js';
import { expectError } from './expect-error.js';
import { as, challenges, NOW, people, post, START, scope, setUp } from './fixture.js';

describe('createHttpApp', () => {
  it('refuses to build without an authenticate function: nothing is open by default', () => {
    const { runtime } = setUp();
    const build = (options: unknown) => () => createHttpApp(options as never);
    expect(build({ runtime })).toThrow(MaslulError);
    expect(build({ runtime })).toThrow(/authenticate\(request\)/);
    expect(build({ runtime, authenticate: 'yes' })).toThrow(/never open by default/);
    expect(build({ authenticate: () => undefined })).toThrow(/createRuntime/);
    expect(build({ runtime, authenticate: () => undefined, maxBodyBytes: 0 })).toThrow(
      /maxBodyBytes/,
    );
  });

  it('answers 401 to every route, reading or writing, without an actor', async () => {
    const { app, runtime } = setUp();
    await runtime.create('town', { start: START });
    for (const [path, init] of [
      ['/instances', { method: 'POST', body: '{}' }],
      ['/instances/town', {}],
      ['/instances/town/events', { method: 'POST', body: '{"type":"S0"}' }],
      ['/instances/town/schedule', {}],
      ['/instances/town/history', {}],
      ['/instances/town/refusals', {}],
      ['/openapi.json', {}],
      ['/no/such/route', {}],
    ] as const) {
      const response = await app.request(path, init);
      expect(response.headers.get('www-authenticate')).toBeNull();
      await expectError(response, 401, 'unauthenticated');
    }
  });

  it('creates an instance: 201, its location, version 0 and its first deadlines', async () => {
    const { app } = setUp();
    const response = await app.request(
      '/instances',
      post(people.manager, { id: 'town', start: START }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/instances/town');
    const body = await response.json();
    expect(body).toMatchObject({
      id: 'town',
      program: { id: 'kehila-metiva', version: 1 },
      version: 0,
      current: { strategy: { step: 'S0', running: false } },
    });
    expect(body.deadlines).toContainEqual(expect.objectContaining({ id: 'S0:due', step: 'S0' }));
  });

  it('answers 409 to an id that is taken, and 400 to a start that is not a date', async () => {
    const { app } = setUp();
    await app.request('/instances', post(people.manager, { id: 'town', start: START }));
    const taken = await expectError(
      app.request('/instances', post(people.manager, { id: 'town', start: START })),
      409,
      'instance-exists',
    );
    expect(taken.error.message).toContain('"town"');
    const bad = await expectError(
      app.request('/instances', post(people.manager, { id: 'other', start: '7/9/2026' })),
      400,
      'invalid-request',
    );
    expect(bad.error.issues[0]).toMatchObject({ path: ['start'], rule: 'http.body' });
    expect(bad.error.issues[0]?.message).toContain('2026-09-07');
  });

  it('records an event: 201 with the entry, then the instance, history and schedule show it', async () => {
    const { app, runtime } = setUp();
    await runtime.create('town', { start: START });
    const sent = await app.request(
      '/instances/town/events',
      post(people.mayor, { type: 'S0', payload: scope }),
    );
    expect(sent.status).toBe(201);
    const { entry, duplicate, deadlines } = await sent.json();
    expect(duplicate).toBe(false);
    expect(entry).toMatchObject({
      seq: 1,
      type: 'S0',
      payload: scope,
      at: new Date(NOW).toISOString(),
      actor: { id: people.mayor.id, roles: ['steeringCommittee'] },
    });
    expect(deadlines).toContainEqual(expect.objectContaining({ step: 'S1' }));

    const read = await (
      await app.request('/instances/town', { headers: as(people.resident) })
    ).json();
    expect(read).toMatchObject({ version: 1, current: { strategy: { step: 'S1' } } });
    const history = await (
      await app.request('/instances/town/history', { headers: as(people.resident) })
    ).json();
    expect(history.entries).toEqual([entry]);
    const schedule = await (
      await app.request('/instances/town/schedule?at=2026-09-30', { headers: as(people.resident) })
    ).json();
    expect(schedule.plan.steps.S0.recorded).toEqual({ start: true, finish: true });
    expect(schedule.status.S0).toBe('done');
    expect(schedule.status.S1).toBe('overdue'); // due about two weeks after S0
  });

  it('keeps a refused event out of the history and in the refusal log, with its rule', async () => {
    const { app, runtime } = setUp();
    await runtime.create('town', { start: START });
    const refused = await app.request(
      '/instances/town/events',
      post(people.resident, { type: 'S0', payload: scope }),
    );
    expect(refused.status).toBe(403);
    const headers = { headers: as(people.manager) };
    const history = await (await app.request('/instances/town/history', headers)).json();
    expect(history.entries).toEqual([]);
    const log = await app.request('/instances/town/refusals', headers);
    expect(log.status).toBe(200);
    expect((await log.json()).refusals).toEqual([
      {
        at: new Date(NOW).toISOString(),
        actor: { id: people.resident.id, roles: ['public'] },
        type: 'S0',
        code: 'forbidden',
        rule: 'core.roles',
        path: ['actor', 'roles'],
        message: `"${people.resident.id}" may not record "S0": it needs one of the roles "steeringCommittee".`,
      },
    ]);
  });

  it('takes the instant an event happened at from the body', async () => {
    const { app, runtime, clock } = setUp();
    await runtime.create('town', { start: START });
    await runtime.send('town', { type: 'S0', payload: scope as never }, { actor: people.mayor });
    clock.advanceTo('2026-09-24T12:00:00Z');
    const at = '2026-09-22T17:30:00+03:00';
    const sent = await app.request(
      '/instances/town/events',
      post(people.shaping, { type: 'S1', payload: challenges, at }),
    );
    expect(sent.status).toBe(201);
    expect((await sent.json()).entry).toMatchObject({
      at: '2026-09-22T14:30:00.000Z',
      date: '2026-09-22',
    });
  });

  it('reads statuses at the server clock when the schedule is asked without an instant', async () => {
    const { app, runtime, clock } = setUp();
    await runtime.create('town', { start: START });
    const statusOfS0 = async () =>
      (
        await (
          await app.request('/instances/town/schedule', { headers: as(people.manager) })
        ).json()
      ).status.S0;
    expect(await statusOfS0()).toBe('open');
    clock.advanceTo('2026-10-01T07:00:00Z');
    expect(await statusOfS0()).toBe('overdue');
  });

  it('mounts under a base path, and its document lists the paths with it', async () => {
    const { app, runtime } = setUp({ app: { basePath: '/api/v1' } });
    await runtime.create('town', { start: START });
    expect(
      (await app.request('/api/v1/instances/town', { headers: as(people.manager) })).status,
    ).toBe(200);
    await expectError(
      app.request('/instances/town', { headers: as(people.manager) }),
      404,
      'not-found',
    );
    const document = await (
      await app.request('/api/v1/openapi.json', { headers: as(people.manager) })
    ).json();
    expect(Object.keys(document.paths)).toContain('/api/v1/instances/{id}/events');
  });

  it('answers 500 without the cause, and tells onInternalError', async () => {
    const reported: unknown[] = [];
    const { runtime } = setUp();
    const app = createHttpApp({
      runtime,
      authenticate: () => {
        throw new Error('connection to sessions-db.internal:5432 refused');
      },
      onInternalError: (error) => reported.push(error),
    });
    const body = await expectError(app.request('/instances/town'), 500, 'internal-error');
    expect(JSON.stringify(body)).not.toContain('sessions-db');
    expect(reported).toHaveLength(1);
    expect(String(reported[0])).toContain('sessions-db');
  });

  it('treats an actor without an id or roles from authenticate as the server bug it is (500)', async () => {
    const reported: unknown[] = [];
    const { runtime } = setUp();
    const app = createHttpApp({
      runtime,
      authenticate: () => ({ id: '', roles: 'steeringCommittee' }) as never,
      onInternalError: (error) => reported.push(error),
    });
    await expectError(app.request('/instances/town'), 500, 'internal-error');
    expect((reported[0] as MaslulError).code).toBe('invalid-authenticated-actor');
  });
});
