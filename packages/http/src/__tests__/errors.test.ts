import { createRuntime } from '@maslul/core';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { createMemoryStore } from '@maslul/store';
import { describe, expect, it } from 'vitest';
import { createHttpApp, DEFAULT_MAX_BODY_BYTES, httpStatusOf } from '../index.js';
import { expectError } from './expect-error.js';
import {
  as,
  authenticate,
  challenges,
  people,
  pictureOfOtherChallenges,
  post,
  START,
  scope,
  setUp,
} from './fixture.js';

async function started() {
  const setup = setUp();
  await setup.runtime.create('town', { start: START });
  const send = (who: (typeof people)[keyof typeof people], body: unknown, headers = {}) =>
    setup.app.request('/instances/town/events', post(who, body, headers));
  const version = async () => (await setup.runtime.open('town')).version;
  return { ...setup, send, version };
}

describe('httpStatusOf', () => {
  it('maps each refusal and store error to its status', () => {
    const expected = {
      'invalid-payload': 400,
      'invalid-instant': 400,
      'unknown-event': 400,
      'unknown-item': 400,
      'invalid-actor': 400,
      'invalid-id': 400,
      forbidden: 403,
      'unknown-instance': 404,
      'version-conflict': 409,
      'instance-exists': 409,
      'already-applied': 409,
      'rule-failed': 422,
      'not-now': 422,
      waiting: 422,
      'future-event': 422,
      'corrupt-record': 500,
      'version-mismatch': 500,
      constructor: 500,
    };
    for (const [code, status] of Object.entries(expected))
      expect([code, httpStatusOf(code)]).toEqual([code, status]);
  });
});

describe('error answers', () => {
  it('400: a bad S0 payload, one issue per field with its path and the rule id', async () => {
    const { send, version } = await started();
    const body = await expectError(
      send(people.mayor, { type: 'S0', payload: { ...scope, channels: [], focusAreas: 'all' } }),
      400,
      'invalid-payload',
    );
    expect(body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['payload', 'channels'], rule: 'S0', step: 'S0' }),
        // The scope's fields serve S0: a wrong type names it too, not core.payload.
        expect.objectContaining({ path: ['payload', 'focusAreas'], rule: 'S0' }),
      ]),
    );
    expect(body.error.issues.find((i) => i.path[1] === 'channels')?.message).toContain(
      'one to four channels',
    );
    expect(await version()).toBe(0);
  });

  it('400: S1 with four challenges names rule S1', async () => {
    const { send, runtime } = await started();
    await runtime.send('town', { type: 'S0', payload: scope as never }, { actor: people.mayor });
    const body = await expectError(
      send(people.shaping, { type: 'S1', payload: challenges.slice(0, 4) }),
      400,
      'invalid-payload',
    );
    expect(body.error.issues.map((i) => i.rule)).toContain('S1');
  });

  it('403: S0 sent by a role that may not record it', async () => {
    const { send, version } = await started();
    const body = await expectError(
      send(people.resident, { type: 'S0', payload: scope }),
      403,
      'forbidden',
    );
    expect(body.error.message).toContain('"steeringCommittee"');
    expect(body.error.issues[0]).toMatchObject({ path: ['actor', 'roles'], rule: 'core.roles' });
    expect(await version()).toBe(0);
  });

  it('404: every instance route, for an instance that does not exist', async () => {
    const { app } = await started();
    const headers = as(people.manager);
    for (const path of [
      '/instances/nowhere',
      '/instances/nowhere/schedule',
      '/instances/nowhere/history',
      '/instances/nowhere/refusals',
    ]) {
      const body = await expectError(app.request(path, { headers }), 404, 'unknown-instance');
      expect(body.error.message).toContain('"nowhere"');
    }
    await expectError(
      app.request('/instances/nowhere/events', post(people.mayor, { type: 'S0', payload: scope })),
      404,
      'unknown-instance',
    );
  });

  it('409: a stale writer (another runtime over the same store) stores nothing', async () => {
    const store = createMemoryStore();
    const first = setUp({ store });
    const second = createHttpApp({
      runtime: createRuntime(kehilaMetiva, { store, clock: first.clock }),
      authenticate,
    });
    await first.runtime.create('town', { start: START });
    expect((await second.request('/instances/town', { headers: as(people.mayor) })).status).toBe(
      200,
    );
    const event = { type: 'S0', payload: scope };
    expect(
      (await first.app.request('/instances/town/events', post(people.mayor, event))).status,
    ).toBe(201);
    const body = await expectError(
      second.request('/instances/town/events', post(people.mayor, event)),
      409,
      'version-conflict',
    );
    expect(body.error.issues[0]?.rule).toMatch(/^store\./);
    expect(await store.events('town')).toHaveLength(1);
    // Sent again, the second runtime loads what the first stored: S0 is recorded already.
    await expectError(
      second.request('/instances/town/events', post(people.mayor, event)),
      422,
      'not-now',
    );
  });

  it('422: a step its track has not reached, a join not ready, a rule, an event in the future', async () => {
    const { send, runtime, clock } = await started();
    await expectError(send(people.shaping, { type: 'S1', payload: challenges }), 422, 'not-now');
    await expectError(send(people.mayor, { type: 'Q' }), 422, 'waiting');
    await expectError(
      send(people.mayor, { type: 'S0', payload: scope, at: '2026-09-08T07:00:00Z' }),
      422,
      'future-event',
    );
    await runtime.send('town', { type: 'S0', payload: scope as never }, { actor: people.mayor });
    await runtime.send(
      'town',
      { type: 'S1', payload: challenges as never },
      { actor: people.shaping },
    );
    await runtime.send('town', { type: 'S2.start' }, { actor: people.manager });
    clock.advanceTo('2026-12-31T12:00:00Z');
    const body = await expectError(
      send(people.manager, { type: 'S2.finish', payload: pictureOfOtherChallenges }),
      422,
      'rule-failed',
    );
    expect(body.error.issues[0]).toMatchObject({ rule: 'S2', step: 'S2' });
    expect((await runtime.open('town')).version).toBe(3);
  });

  it('400: unknown event types, prototype names included, never reach the runtime', async () => {
    const { send } = await started();
    for (const type of ['S42', 'S2', '__proto__', 'constructor', 'toString', 'team.constructor']) {
      const body = await expectError(send(people.everyone, { type }), 400, 'unknown-event');
      expect(body.error.message).toContain(JSON.stringify(type));
    }
  });

  it('400: a payload on an event that takes none, an item on a step event, an unknown field', async () => {
    const { send, version } = await started();
    const noPayload = await expectError(
      send(people.everyone, { type: 'S2.start', payload: {} }),
      400,
      'invalid-payload',
    );
    expect(noPayload.error.issues[0]).toMatchObject({ path: ['payload'], rule: 'http.no-payload' });
    const noItem = await expectError(
      send(people.everyone, { type: 'Q', item: 'x' }),
      400,
      'invalid-request',
    );
    expect(noItem.error.issues[0]).toMatchObject({ path: ['item'], rule: 'http.no-item' });
    const unknown = await expectError(
      send(people.everyone, { type: 'Q', by: 'me', when: 'now' }),
      400,
      'invalid-request',
    );
    expect(unknown.error.issues.map((i) => i.path)).toEqual([['by'], ['when']]);
    expect(unknown.error.issues[0]?.message).toContain('unknown field "by"');
    expect(await version()).toBe(0);
  });

  it('400: wrong types in the envelope, and instants that are not ISO date-times', async () => {
    const { send, app } = await started();
    const wrongType = await expectError(send(people.everyone, { type: 7 }), 400, 'invalid-request');
    expect(wrongType.error.issues[0]).toMatchObject({ path: ['type'], rule: 'http.body' });
    const at = await expectError(
      send(people.everyone, { type: 'Q', at: 'yesterday' }),
      400,
      'invalid-request',
    );
    expect(at.error.issues[0]?.message).toContain('ISO date-time');
    const notObject = await expectError(send(people.everyone, ['S0']), 400, 'invalid-request');
    expect(notObject.error.issues[0]?.path).toEqual([]);
    const query = await expectError(
      app.request('/instances/town/schedule?at=soon', { headers: as(people.manager) }),
      400,
      'invalid-request',
    );
    expect(query.error.issues[0]).toMatchObject({ path: ['query', 'at'], rule: 'http.query' });
    const key = await expectError(
      send(people.mayor, { type: 'S0', payload: scope }, { 'Idempotency-Key': 'k'.repeat(201) }),
      400,
      'invalid-request',
    );
    expect(key.error.issues[0]?.path).toEqual(['headers', 'Idempotency-Key']);
  });

  it('400, 415: bodies that are not JSON, not UTF-8 or not declared as JSON', async () => {
    const { app, version } = await started();
    const raw = (body: BodyInit | null, contentType?: string) =>
      app.request('/instances/town/events', {
        method: 'POST',
        headers: as(
          people.everyone,
          contentType === undefined ? {} : { 'content-type': contentType },
        ),
        body,
      });
    await expectError(raw('{"type": "Q",', 'application/json'), 400, 'malformed-json');
    await expectError(raw('', 'application/json'), 400, 'malformed-json');
    const utf8 = await expectError(
      raw(new Uint8Array([0x7b, 0x22, 0x74, 0xff, 0xfe, 0x22, 0x7d]), 'application/json'),
      400,
      'malformed-json',
    );
    expect(utf8.error.issues[0]?.rule).toBe('http.utf-8');
    const text = await expectError(
      raw('{"type":"Q"}', 'text/plain'),
      415,
      'unsupported-media-type',
    );
    expect(text.error.message).toContain('application/json');
    await expectError(raw('{"type":"Q"}'), 415, 'unsupported-media-type');
    await expectError(
      raw('type=Q', 'application/x-www-form-urlencoded'),
      415,
      'unsupported-media-type',
    );
    expect(await version()).toBe(0);
  });

  it('413: a body over the limit, whether or not it declares its length', async () => {
    const { send, app, version } = await started();
    const big = { type: 'S0', payload: { ...scope, note: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) } };
    const body = await expectError(send(people.mayor, big), 413, 'body-too-large');
    expect(body.error.message).toContain(String(DEFAULT_MAX_BODY_BYTES));
    const text = JSON.stringify(big);
    await expectError(
      app.request('/instances/town/events', {
        method: 'POST',
        headers: as(people.mayor, {
          'content-type': 'application/json',
          'content-length': String(text.length),
        }),
        body: text,
      }),
      413,
      'body-too-large',
    );
    expect(await version()).toBe(0);
  });

  it('404: the calendar, when the app has no calendar export', async () => {
    const { app } = await started();
    const body = await expectError(
      app.request('/instances/town/calendar.ics', { headers: as(people.manager) }),
      404,
      'not-found',
    );
    expect(body.error.message).toContain('exportCalendar');
  });
});
