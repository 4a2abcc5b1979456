// Malformed requests, thrown at the routes: whatever comes in, the answer is a 4xx with the one
// error body and a sentence (never a 5xx, never a throw out of the app), and the store is as it
// was. At least MIN_REQUESTS requests are generated in all; the last test checks it.
import { idIssue } from '@maslul/core';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import type { MaslulStore } from '@maslul/store';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../index.js';
import { as, challenges, NOW, people, START, scope, setUp } from './fixture.js';

const LIMIT = 8 * 1024;
const RUNS = 200;
const MIN_REQUESTS = 500;

interface Attempt {
  readonly body: string | Uint8Array<ArrayBuffer>;
  readonly contentType?: string | undefined;
  readonly headers?: Record<string, string> | undefined;
}

const json = (value: unknown, headers?: Record<string, string>): Attempt => ({
  body: JSON.stringify(value),
  contentType: 'application/json',
  headers,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const steps = Object.values(kehilaMetiva.steps);
const items = Object.values(kehilaMetiva.items);
const withPayload = [
  ...steps.filter((s) => s.payload).map((s) => (s.kind === 'span' ? `${s.id}.finish` : s.id)),
  ...items.flatMap((item) => [
    `${item.kind}.create`,
    ...Object.entries(item.events)
      .filter(([, event]) => event.payload)
      .map(([name]) => `${item.kind}.${name}`),
  ]),
];
const withoutPayload = steps.flatMap((s) =>
  s.kind === 'span'
    ? [`${s.id}.start`, ...(s.payload ? [] : [`${s.id}.finish`])]
    : s.payload
      ? []
      : [s.id],
);
const known = new Set([...withPayload, ...withoutPayload]);

const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
);
const extraFields = (allowed: readonly string[]) =>
  fc.dictionary(
    fc.string({ minLength: 1 }).filter((key) => !allowed.includes(key)),
    fc.jsonValue(),
    { minKeys: 1, maxKeys: 4 },
  );
const huge = fc.integer({ min: LIMIT + 1, max: 3 * LIMIT });
const otherContentTypes = fc.oneof(
  fc.constantFrom(
    undefined,
    'text/plain',
    'text/json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/jsonx',
    'application/json-seq',
    'application/json; charset',
  ),
  fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,38}[\x21-\x7e]$/).filter((t) => !/json/i.test(t)),
);
/** Valid JSON text with one byte that is never UTF-8 put somewhere in it. */
const brokenUtf8 = (value: unknown) =>
  fc.nat().chain((at) => {
    const bytes = new TextEncoder().encode(JSON.stringify(value));
    const i = at % (bytes.length + 1);
    return fc.constant<Attempt>({
      body: new Uint8Array([...bytes.slice(0, i), 0xff, ...bytes.slice(i)]),
      contentType: 'application/json',
    });
  });

/** Every way to get `POST /instances/{id}/events` wrong; none of these is an event to store. */
const badEvents: fc.Arbitrary<Attempt> = fc.oneof(
  fc
    .jsonValue()
    .filter((v) => !(isObject(v) && typeof v.type === 'string' && known.has(v.type)))
    .map((v) => json(v)),
  notString.map((type) => json({ type })),
  fc.record({ type: fc.constantFrom(...known), item: notString }).map((v) => json(v)),
  fc
    .record({ type: fc.constantFrom(...known), at: fc.oneof(fc.string(), notString) })
    .map((v) => json(v)),
  extraFields(['type', 'payload', 'item', 'at']).map((extra) =>
    json({ type: 'S1', payload: challenges, ...extra }),
  ),
  fc.record({ type: fc.constantFrom(...withPayload), payload: fc.jsonValue() }).map((v) => json(v)),
  fc
    .record({ type: fc.constantFrom(...withoutPayload), payload: fc.jsonValue() })
    .map((v) => json(v)),
  fc
    .oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'team.constructor', 'S2.__proto__'),
    )
    .filter((type) => !known.has(type))
    .map((type) => json({ type })),
  huge.map((n) =>
    json({ type: 'S1', payload: challenges.map((c) => ({ ...c, title: 'x'.repeat(n) })) }),
  ),
  huge.map((n) => json({ type: 'S1', payload: Array.from({ length: n }, () => 0) })),
  fc.uint8Array({ maxLength: 512 }).map((body) => ({ body, contentType: 'application/json' })),
  brokenUtf8({ type: 'S1', payload: challenges }),
  otherContentTypes.map((contentType) => ({
    ...json({ type: 'S1', payload: challenges }),
    contentType,
  })),
  fc
    .oneof(
      fc.constant(''),
      huge.map((n) => 'k'.repeat(Math.min(n, 1000))),
    )
    .map((key) => json({ type: 'S1', payload: challenges }, { 'Idempotency-Key': key })),
);

const isId = (value: unknown): value is string => idIssue(value, []) === undefined;
/** A control character: C0 (NUL among them), DEL or C1. */
const control = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((code) => String.fromCharCode(code));
const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));
/** Strings that are no id: a control character or half a surrogate pair inside, empty, too long. */
const badId = fc
  .oneof(
    fc
      .tuple(
        fc.string({ maxLength: 12 }),
        fc.oneof(control, loneSurrogate),
        fc.string({ maxLength: 12 }),
      )
      .map(([before, bad, after]) => before + bad + after),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }),
    fc.constantFrom('', 'x'.repeat(201), '\u0000', 'a\u0000b', '\ud800', '\udc00town'),
  )
  .filter((id) => !isId(id));
/** What an HTTP header can carry that is no id: Latin-1 text with a tab or a C1 control inside. */
const badHeaderKey = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,8}$/),
    fc.constantFrom('\t', '\u0080', '\u0085', '\u009b', '\u009f'),
    fc.stringMatching(/^[a-z0-9]{1,8}$/),
  )
  .map(([before, bad, after]) => before + bad + after);
const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Starts outside the years plans are made in, or whose plan runs past them. */
const badStart = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.integer({ min: 0, max: 1899 }), fc.integer({ min: 2201, max: 9999 })),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.constantFrom('2199-12-31', '2200-12-31', '2200-01-01', '2027-02-30', '2027-13-01'),
);
/** Instants no event of the instance can carry: before its start (in Israel), after now, or outside 1900-2200. */
const badAt = fc
  .oneof(
    fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('2026-09-06T20:59:59Z') }),
    fc.date({ min: new Date(Date.parse(NOW) + 1000), max: new Date('9999-12-31T23:59:59Z') }),
  )
  .filter((date) => !Number.isNaN(date.getTime()))
  .map((date) => date.toISOString());
const itemCreations = items.map((item) => `${item.kind}.create`);

/** Ids, keys and dates that no store may keep: each is refused before anything is stored. */
const badIdsAndDates: fc.Arbitrary<{ path: string; attempt: Attempt }> = fc.oneof(
  badId.map((id) => ({ path: '/instances', attempt: json({ id, start: START }) })),
  badStart.map((start) => ({ path: '/instances', attempt: json({ id: 'new-town', start }) })),
  badAt.map((at) => ({
    path: '/instances/town/events',
    attempt: json({ type: 'S1', payload: challenges, at }),
  })),
  badHeaderKey.map((key) => ({
    path: '/instances/town/events',
    attempt: json({ type: 'S1', payload: challenges }, { 'Idempotency-Key': key }),
  })),
  fc.tuple(fc.constantFrom(...itemCreations), badId).map(([type, item]) => ({
    path: '/instances/town/events',
    attempt: json({ type, item, payload: {} }),
  })),
);

/** An instance id in a path as a client may send it: NUL, UTF-8 of half a surrogate, broken escapes. */
const badPathId = fc.oneof(
  fc.constantFrom(
    '%00',
    'a%00b',
    '%ED%A0%80',
    '%ED%B0%80',
    '%C2%85',
    '%0A',
    '%FF',
    '%E0%A4',
    '%',
    '%zz',
    '%25%00',
  ),
  badId.filter((id) => !LONE.test(id)).map((id) => encodeURIComponent(id)),
);
const LONE = /[\uD800-\uDFFF]/;

/** Every way to get `POST /instances` wrong. */
const badCreations: fc.Arbitrary<Attempt> = fc.oneof(
  fc
    .jsonValue()
    .filter((v) => !(isObject(v) && typeof v.id === 'string' && typeof v.start === 'string'))
    .map((v) => json(v)),
  notString.map((id) => json({ id, start: START })),
  notString.map((start) => json({ id: 'new-town', start })),
  fc
    .string()
    .filter((start) => !/^\d{4}-\d{2}-\d{2}$/.test(start))
    .map((start) => json({ id: 'new-town', start })),
  fc.constantFrom('', 'x'.repeat(201)).map((id) => json({ id, start: START })),
  extraFields(['id', 'start']).map((extra) => json({ id: 'new-town', start: START, ...extra })),
  huge.map((n) => json({ id: 'x'.repeat(n), start: START })),
  fc.uint8Array({ maxLength: 512 }).map((body) => ({ body, contentType: 'application/json' })),
  brokenUtf8({ id: 'new-town', start: START }),
  otherContentTypes.map((contentType) => ({
    ...json({ id: 'new-town', start: START }),
    contentType,
  })),
);

describe('the HTTP API under malformed requests', () => {
  const setup = setUp({ app: { maxBodyBytes: LIMIT } });
  const { app, runtime } = setup;
  const store = setup.store as MaslulStore;
  let history = '';
  let timers = '';
  let requests = 0;

  beforeAll(async () => {
    await runtime.create('town', { start: START });
    await runtime.send('town', { type: 'S0', payload: scope as never }, { actor: people.mayor });
    history = JSON.stringify(await store.events('town'));
    timers = JSON.stringify(await store.timers());
  });

  const send = async (path: string, attempt: Attempt) => {
    const headers = as(people.everyone, attempt.headers);
    if (attempt.contentType !== undefined) headers['content-type'] = attempt.contentType;
    requests += 1;
    return app.request(path, { method: 'POST', headers, body: attempt.body });
  };

  const expectRefused = async (response: Response) => {
    const text = await response.text();
    expect(response.status, text).toBeGreaterThanOrEqual(400);
    expect(response.status, text).toBeLessThan(500);
    const body = errorBodySchema.parse(JSON.parse(text));
    expect(body.error.message.trim()).not.toBe('');
    for (const issue of body.error.issues) expect(issue.message.trim()).not.toBe('');
  };

  const expectUnchanged = async () => {
    expect(await store.version('town')).toBe(1);
    expect(JSON.stringify(await store.events('town'))).toBe(history);
    expect(await store.version('new-town')).toBeUndefined();
    // A new instance of any id would have added its deadlines to the timer table.
    expect(JSON.stringify(await store.timers())).toBe(timers);
  };

  it('answers every malformed event with a 4xx and an error body, and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(badEvents, async (attempt) => {
        await expectRefused(await send('/instances/town/events', attempt));
        await expectUnchanged();
      }),
      { numRuns: RUNS },
    );
  });

  it('answers every malformed creation with a 4xx and an error body, and creates nothing', async () => {
    await fc.assert(
      fc.asyncProperty(badCreations, async (attempt) => {
        await expectRefused(await send('/instances', attempt));
        await expectUnchanged();
        const sent: unknown =
          typeof attempt.body === 'string' ? JSON.parse(attempt.body) : undefined;
        if (isObject(sent) && isId(sent.id) && sent.id !== 'town') {
          expect(await store.version(sent.id)).toBeUndefined();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses every id, key, start and instant no store may keep, before anything is stored', async () => {
    await fc.assert(
      fc.asyncProperty(badIdsAndDates, async ({ path, attempt }) => {
        await expectRefused(await send(path, attempt));
        await expectUnchanged();
      }),
      { numRuns: RUNS },
    );
  });

  it('answers an instance id in the path that is no id with a 4xx, on every route', async () => {
    const routes = [
      ['GET', ''],
      ['GET', '/history'],
      ['GET', '/schedule'],
      ['GET', '/calendar.ics'],
      ['POST', '/events'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(badPathId, fc.constantFrom(...routes), async (id, [method, route]) => {
        requests += 1;
        const response = await app.request(`/instances/${id}${route}`, {
          method,
          headers: as(people.everyone, { 'content-type': 'application/json' }),
          ...(method === 'POST'
            ? { body: JSON.stringify({ type: 'S1', payload: challenges }) }
            : {}),
        });
        await expectRefused(response);
        await expectUnchanged();
      }),
      { numRuns: 100 },
    );
  });

  it(`sent at least ${MIN_REQUESTS} generated requests, none answered 5xx`, () => {
    expect(requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
  });

  it('still takes a well-formed event afterwards', async () => {
    const response = await app.request('/instances/town/events', {
      method: 'POST',
      headers: as(people.shaping, { 'content-type': 'application/json' }),
      body: JSON.stringify({ type: 'S1', payload: challenges }),
    });
    expect(response.status).toBe(201);
  });
});
