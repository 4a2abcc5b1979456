import { createManualClock, createRuntime } from '@maslul/core';
import { afterAll, describe, expect, it } from 'vitest';
import { manager, sample } from '../../../core/test-programs/sample-program.js';
import { rejection } from './rejection.js';
import { runEvents, START } from './sample-run.js';
import { sqlKinds } from './stores.js';

const clock = createManualClock('2030-01-01T00:00:00Z');

describe.each(sqlKinds())('bad stored records on $name', (kind) => {
  afterAll(() => kind.close());
  const sql = (text: string, params?: unknown[]) =>
    (kind.sql as NonNullable<typeof kind.sql>)(
      text.replaceAll('$schema', `"${kind.schema?.()}"`),
      params,
    );

  /** A store with one instance of 10 events and a snapshot at 5. */
  const stored = async () => {
    const store = await kind.open();
    const runtime = createRuntime(sample, { store, clock, snapshotEvery: 5 });
    await runtime.create('town', { start: START });
    for (const { event, actor, at } of runEvents(5)) {
      await runtime.send('town', event as never, { actor: actor as never, at });
    }
    return { store, fresh: () => createRuntime(sample, { store, clock }) };
  };
  const rows = async () =>
    JSON.stringify(
      (
        await sql(
          `SELECT (SELECT json_agg(s ORDER BY seq) FROM $schema.snapshots s) AS s,
                  (SELECT json_agg(e ORDER BY seq) FROM $schema.events e) AS e,
                  (SELECT json_agg(i) FROM $schema.instances i) AS i`,
        )
      ).rows,
    );

  it('names a truncated snapshot JSON and overwrites nothing', async () => {
    const { fresh } = await stored();
    await sql(`UPDATE $schema.snapshots SET body = left(body, 40) WHERE seq = 10`);
    const before = await rows();
    const error = await rejection(fresh().open('town'));
    expect(error.code).toBe('corrupt-record');
    expect(error.path).toEqual(['snapshots', 'town', 10]);
    expect(error.message).toMatch(/does not parse/);
    // A send fails the same way and writes nothing.
    const send = await rejection(
      fresh().send(
        'town',
        { type: 'initiative.measure', item: 'garden', payload: { progress: 0.5 } },
        {
          actor: manager,
          at: '2026-09-10T09:00:00Z',
        },
      ),
    );
    expect(send.code).toBe('corrupt-record');
    expect(await rows()).toBe(before);
  });

  it('names a malformed event row field', async () => {
    const { fresh } = await stored();
    await sql(`DELETE FROM $schema.snapshots WHERE seq = 10`);
    await sql(`UPDATE $schema.events SET actor = '{"id": 7}' WHERE seq = 7`);
    const before = await rows();
    const error = await rejection(fresh().open('town'));
    expect(error.code).toBe('corrupt-record');
    expect(error.path.slice(0, 4)).toEqual(['events', 'town', 7, 'actor']);
    expect(await rows()).toBe(before);
  });

  it('names a gap in the log', async () => {
    const { fresh } = await stored();
    await sql(`DELETE FROM $schema.snapshots WHERE seq = 10`);
    await sql(`DELETE FROM $schema.events WHERE seq = 8`);
    const error = await rejection(fresh().open('town'));
    expect(error.code).toBe('corrupt-record');
    expect(error.message).toContain('missing event #8');
  });

  it('refuses a snapshot of an unknown definition version, and overwrites nothing', async () => {
    const { fresh } = await stored();
    await sql(
      `UPDATE $schema.snapshots SET body = replace(body, '"version":1', '"version":99') WHERE seq = 10`,
    );
    const before = await rows();
    const error = await rejection(fresh().open('town'));
    expect(error.code).toBe('version-mismatch');
    expect(error.path).toEqual(['program', 'version']);
    expect(await rows()).toBe(before);
  });

  it('loads an older definition version through an explicit migration', async () => {
    const { store } = await stored();
    const v2 = { ...sample, version: 2 } as typeof sample;
    const runtime = createRuntime(v2, {
      store,
      clock,
      migrations: { 1: (s) => ({ ...s, program: { ...s.program, version: 2 } }) },
    });
    const view = await runtime.open('town');
    expect(view.snapshot().program.version).toBe(2);
    expect((await store.load('town'))?.program).toEqual({ id: sample.id, version: 1 });
    const saved = await runtime.snapshot('town');
    const loaded = await store.load('town');
    expect(loaded?.snapshot).toEqual(JSON.parse(JSON.stringify(saved)));
    // The stored program version is the latest snapshot's, whichever way it was saved.
    expect(loaded?.program).toEqual({ id: sample.id, version: 2 });
  });
});
