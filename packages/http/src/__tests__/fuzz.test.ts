// Malformed requests, thrown at the two routes that write: whatever comes in, the answer is a 4xx
// with the one error body and a sentence, and the store is as it was.
import { kehilaMetiva } from '@maslul/kehila-metiva';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../index.js';
import { as, challenges, people, START, scope, setUp } from './fixture.js';

const LIMIT = 8 * 1024;
const RUNS = 200;

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
  const { app, runtime, store } = setup;
  let history = '';

  beforeAll(async () => {
    await runtime.create('town', { start: START });
    await runtime.send('town', { type: 'S0', payload: scope as never }, { actor: people.mayor });
    history = JSON.stringify(await store.events('town'));
  });

  const send = async (path: string, attempt: Attempt) => {
    const headers = as(people.everyone, attempt.headers);
    if (attempt.contentType !== undefined) headers['content-type'] = attempt.contentType;
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
        if (isObject(sent) && typeof sent.id === 'string' && sent.id !== 'town') {
          expect(await store.version(sent.id)).toBeUndefined();
        }
      }),
      { numRuns: RUNS },
    );
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
