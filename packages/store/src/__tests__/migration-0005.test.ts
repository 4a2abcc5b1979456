// Migration 0005 (issue #15): an instance's version is read from its events, and the column that
// every append updated is dropped. A database that a version 4 store wrote migrates with every
// instance as it was, and appends go on from the versions it had.
import { createManualClock, createRuntime, type InstanceStore } from '@maslul/core';
import { afterAll, describe, expect, it } from 'vitest';
import { sample } from '../../../core/test-programs/sample-program.js';
import { createMemoryStore } from '../index.js';
import { appendArguments, appendCall } from '../sql/append-statements.js';
import { migrate } from '../sql/migrate.js';
import { rejection } from './rejection.js';
import { runEvents, START } from './sample-run.js';
import { sqlKinds } from './stores.js';

const clock = createManualClock('2030-01-01T00:00:00Z');

describe.each(sqlKinds())('migration 0005_version_from_events on $name', (kind) => {
  afterAll(() => kind.close());

  it('migrates a version 4 database forward with the same instances, programs and versions', async () => {
    await kind.open(); // the kind's database
    const client = (kind.client as NonNullable<typeof kind.client>)();
    const schema = `${kind.schema?.()}_v4`;
    const s = `"${schema}"`;
    await migrate(client, schema, { upTo: 4 });

    // A version 4 store's writes: its create, and each append one call of its append_events
    // (whose arguments have not changed). A memory store beside it keeps what was written.
    const memory = createMemoryStore();
    const v4: InstanceStore = {
      ...memory,
      async create(instance) {
        await memory.create(instance);
        await client.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO ${s}.instances (id, program_id, program_version, start_date, version) VALUES ($1, $2, $3, $4, 0)`,
            [instance.id, instance.program.id, instance.program.version, instance.start],
          );
          await tx.query(
            `INSERT INTO ${s}.snapshots (instance_id, seq, program_version, body) VALUES ($1, 0, $2, $3)`,
            [instance.id, instance.program.version, JSON.stringify(instance.snapshot)],
          );
          await tx.query(
            `INSERT INTO ${s}.timers (instance_id, deadline_id, due_at, deadline, ready_at)
             SELECT $1, d.id, d.at, d.body, d.at FROM unnest($2::text[], $3::bigint[], $4::text[]) AS d(id, at, body)`,
            [
              instance.id,
              instance.deadlines.map((d) => d.id),
              instance.deadlines.map((d) => d.at),
              instance.deadlines.map((d) => JSON.stringify(d)),
            ],
          );
        });
      },
      async append(id, batch) {
        await memory.append(id, batch);
        const call = appendCall(s, appendArguments(id, batch), false);
        const { rows } = await client.query<{ written: boolean }>(call.text, call.params);
        expect(rows[0]?.written).toBe(true);
      },
    };
    const runtime = createRuntime(sample, { store: v4, clock, snapshotEvery: 5 });
    const run = runEvents(8); // 13 events
    const sendTo = async (id: string, events: typeof run) => {
      for (const { event, actor, at } of events) {
        const result = await runtime.send(id, event as never, { actor: actor as never, at });
        expect(result.ok).toBe(true);
      }
    };
    await runtime.create('town', { start: START });
    await sendTo('town', run.slice(0, 12)); // snapshots at 5 and 10, two events after them
    await runtime.create('village', { start: START }); // no event
    await runtime.create('city', { start: START });
    await sendTo('city', run.slice(0, 3));
    const stored = await client.query(`SELECT id, version FROM ${s}.instances ORDER BY id`);
    expect(stored.rows).toEqual([
      { id: 'city', version: 3 },
      { id: 'town', version: 12 },
      { id: 'village', version: 0 },
    ]);

    const store = await kind.open(schema); // migrates to version 5
    const { rows: applied } = await client.query<{ version: number }>(
      `SELECT version FROM ${s}.migrations ORDER BY version`,
    );
    expect(applied.map((row) => row.version)).toEqual([1, 2, 3, 4, 5]);
    const { rows: columns } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'instances' ORDER BY ordinal_position`,
      [schema],
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'id',
      'program_id',
      'program_version',
      'start_date',
    ]);
    expect(await store.list({ limit: 10 })).toEqual(await memory.list({ limit: 10 }));
    const keys = (timers: readonly { deadline: { id: string; at: number } }[]) =>
      timers.map((t) => `${t.deadline.id}@${t.deadline.at}`).sort();
    for (const id of ['city', 'town', 'village']) {
      expect(await store.version(id)).toBe(await memory.version(id));
      expect(await store.load(id)).toEqual(await memory.load(id));
      expect(keys(await store.timers(id))).toEqual(keys(await memory.timers(id)));
    }

    // Appends go on from the stored versions, and a stale one is still refused.
    const next = createRuntime(sample, { store, clock, snapshotEvery: 5 });
    const { event, actor, at } = run[12] as (typeof run)[number];
    const sent = await next.send('town', event as never, { actor: actor as never, at });
    expect(sent.ok && sent.entry.seq).toBe(13);
    const [first] = await store.events('city');
    const stale = await rejection(
      store.append('city', {
        expectedVersion: 0,
        entries: [first as NonNullable<typeof first>],
        deadlines: { added: [], removed: [] },
      }),
    );
    expect(stale.code).toBe('version-conflict');
    expect(stale.message).toContain('at version 3');
    expect(await store.version('city')).toBe(3);
  });
});
