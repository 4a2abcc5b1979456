import { describe, expect, it } from 'vitest';
import { instancePageBody } from '../schemas.js';
import { expectError } from './expect-error.js';
import { as, people, START, setUp } from './fixture.js';

// GET /instances (issue #14, item 8): the runtime's list over HTTP, its query checked first.

async function towns() {
  const setup = setUp();
  // "kiryat-late" started in March: its scope (S0) is overdue on the clock's day in September.
  await setup.runtime.create('kiryat-late', { start: '2026-03-02' });
  await setup.runtime.create('ramat-hateenim', { start: START });
  await setup.runtime.create('givat-zeitim', { start: START });
  return setup;
}

const get = async (app: Awaited<ReturnType<typeof towns>>['app'], query: string) => {
  const response = await app.request(`/instances${query}`, { headers: as(people.resident) });
  expect(response.status).toBe(200);
  return instancePageBody.parse(await response.json());
};

describe('GET /instances', () => {
  it('lists the instances in id order, with where each stands and what is overdue', async () => {
    const { app } = await towns();
    const page = await get(app, '');
    expect(page.instances.map((i) => i.id)).toEqual([
      'givat-zeitim',
      'kiryat-late',
      'ramat-hateenim',
    ]);
    expect(page.next).toBeUndefined();
    expect(page.instances[1]).toMatchObject({
      program: { id: 'kehila-metiva', version: 1 },
      start: '2026-03-02',
      version: 0,
      status: 'running',
      current: { strategy: { step: 'S0', running: false } },
    });
    expect(page.instances[1]?.overdue).toContain('S0');
    expect(page.instances[0]?.overdue).toEqual([]);
  });

  it('filters by program, status and overdue steps, and pages with the cursor', async () => {
    const { app } = await towns();
    const ids = async (query: string) => (await get(app, query)).instances.map((i) => i.id);
    expect(await ids('?overdue=true')).toEqual(['kiryat-late']);
    expect(await ids('?overdue=false&status=running')).toEqual(['givat-zeitim', 'ramat-hateenim']);
    expect(await ids('?status=done')).toEqual([]);
    expect(await ids('?program=kehila-metiva&limit=5')).toHaveLength(3);
    expect(await ids('?program=another-program')).toEqual([]);
    const first = await get(app, '?limit=2');
    expect([first.instances.map((i) => i.id), first.next]).toEqual([
      ['givat-zeitim', 'kiryat-late'],
      'kiryat-late',
    ]);
    const second = await get(app, `?limit=2&cursor=${encodeURIComponent(first.next ?? '')}`);
    expect([second.instances.map((i) => i.id), second.next]).toEqual([
      ['ramat-hateenim'],
      undefined,
    ]);
  });

  it('answers a bad query parameter with a typed 400 that names it', async () => {
    const { app } = await towns();
    for (const [query, param] of [
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?limit=ten', 'limit'],
      ['?limit=2.5', 'limit'],
      ['?status=open', 'status'],
      ['?overdue=yes', 'overdue'],
      ['?cursor=', 'cursor'],
      ['?program=', 'program'],
      ['?cursor=a%00b', 'cursor'],
    ] as const) {
      const body = await expectError(
        app.request(`/instances${query}`, { headers: as(people.resident) }),
        400,
        param === 'cursor' && query.includes('%00') ? 'invalid-id' : 'invalid-request',
      );
      expect({ query, path: body.error.issues[0]?.path }).toEqual({
        query,
        path: query.includes('%00') ? ['cursor'] : ['query', param],
      });
      expect(body.error.message).toContain(param);
    }
    const unknown = await expectError(
      app.request('/instances?limt=5', { headers: as(people.resident) }),
      400,
      'invalid-request',
    );
    expect(unknown.error.issues[0]).toMatchObject({ path: ['query', 'limt'] });
  });

  it('is in the OpenAPI document with its five query parameters and its page body', async () => {
    const { app } = await towns();
    const response = await app.request('/openapi.json', { headers: as(people.resident) });
    const document = (await response.json()) as {
      paths: Record<
        string,
        {
          get?: { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> };
        }
      >;
    };
    const list = document.paths['/instances']?.get;
    expect(list?.parameters?.map((p) => [p.name, p.in])).toEqual([
      ['program', 'query'],
      ['status', 'query'],
      ['overdue', 'query'],
      ['cursor', 'query'],
      ['limit', 'query'],
    ]);
    expect(Object.keys(list?.responses ?? {}).sort()).toEqual(['200', '400', '401']);
  });

  it('answers 401 without an actor', async () => {
    const { app } = await towns();
    await expectError(app.request('/instances'), 401, 'unauthenticated');
  });
});
