import { describe, expect, it } from 'vitest';
import { expectError } from './expect-error.js';
import { as, people, post, START, setUp } from './fixture.js';

// What a client that has the address or the method wrong is told: where the document listing
// the routes is (with the base path the app is mounted under), and which methods a path answers.

async function mounted(basePath?: string) {
  const setup = setUp({ app: basePath === undefined ? {} : { basePath } });
  await setup.runtime.create('town', { start: START });
  return setup;
}

describe('the OpenAPI path in error bodies', () => {
  for (const [basePath, prefix] of [
    [undefined, ''],
    ['/api', '/api'],
    ['/api/v1/', '/api/v1'],
  ] as const) {
    it(`names ${prefix}/openapi.json, where the document is, under base path ${JSON.stringify(basePath)}`, async () => {
      const { app } = await mounted(basePath);
      const document = `${prefix}/openapi.json`;
      expect((await app.request(document, { headers: as(people.manager) })).status).toBe(200);
      const named = (text: string) => {
        expect(text).toContain(`${document}`);
        expect(text.replaceAll(document, '')).not.toContain('openapi.json');
      };

      const route = await expectError(
        app.request(`${prefix}/nowhere`, { headers: as(people.manager) }),
        404,
        'not-found',
      );
      named(route.error.message);
      const events = `${prefix}/instances/town/events`;
      const unknownEvent = await expectError(
        app.request(events, post(people.everyone, { type: 'S42' })),
        400,
        'unknown-event',
      );
      named(unknownEvent.error.message);
      const unknownField = await expectError(
        app.request(events, post(people.everyone, { type: 'Q', by: 'me' })),
        400,
        'invalid-request',
      );
      named(unknownField.error.issues[0]?.message ?? '');
      const notJson = await expectError(
        app.request(events, {
          method: 'POST',
          headers: as(people.everyone, { 'content-type': 'application/json' }),
          body: '{"type": ',
        }),
        400,
        'malformed-json',
      );
      named(notJson.error.message);
    });
  }
});

describe('a method a known route does not answer', () => {
  it('answers 405 with the methods it does answer in Allow, and stores nothing', async () => {
    const { app, runtime } = await mounted();
    for (const [method, path, allow] of [
      ['DELETE', '/instances/town', 'GET, HEAD'],
      ['PUT', '/instances/town/events', 'POST'],
      ['GET', '/instances/town/events', 'POST'],
      ['HEAD', '/instances/town/events', 'POST'],
      ['DELETE', '/instances', 'GET, HEAD, POST'],
      ['POST', '/instances/town/schedule', 'GET, HEAD'],
      ['PATCH', '/instances/town/history', 'GET, HEAD'],
      ['POST', '/instances/town/calendar.ics', 'GET, HEAD'],
      ['POST', '/openapi.json', 'GET, HEAD'],
    ] as const) {
      const response = await app.request(path, {
        method,
        headers: as(people.everyone, { 'content-type': 'application/json' }),
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: JSON.stringify({ type: 'S0' }) }),
      });
      expect({
        method,
        path,
        status: response.status,
        allow: response.headers.get('allow'),
      }).toEqual({ method, path, status: 405, allow });
      if (method === 'HEAD') continue; // no body
      const body = await expectError(Promise.resolve(response), 405, 'method-not-allowed');
      expect(body.error.message).toBe(
        `${path} does not answer ${method}; it answers ${allow} (see /openapi.json).`,
      );
      expect(body.error.issues[0]).toMatchObject({
        code: 'method-not-allowed',
        rule: 'http.method',
      });
    }
    expect((await runtime.open('town')).version).toBe(0);
  });

  it('answers 405 under a base path, and 404 for a path no route has', async () => {
    const { app } = await mounted('/api');
    const wrong = await app.request('/api/instances/town', {
      method: 'DELETE',
      headers: as(people.manager),
    });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
    expect((await wrong.json()).error.message).toBe(
      '/api/instances/town does not answer DELETE; it answers GET, HEAD (see /api/openapi.json).',
    );
    for (const path of [
      '/api/instances/town/nothing',
      '/instances/town',
      '/api/instances/town/events/1',
    ]) {
      await expectError(
        app.request(path, { method: 'DELETE', headers: as(people.manager) }),
        404,
        'not-found',
      );
    }
  });
});
