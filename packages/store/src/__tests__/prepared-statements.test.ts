// Prepared statements (issue #15): the append of one event is a statement each connection keeps
// prepared, parsed and planned once. PGlite runs it by EXECUTE with the values written in as SQL
// constants (sql/literal.ts): any text must come back exactly, with nothing in it read as SQL.
import { PGlite } from '@electric-sql/pglite';
import { createInstance, createManualClock, type LogEntry } from '@maslul/core';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sample, steering } from '../../../core/test-programs/sample-program.js';
import type { MaslulStore } from '../index.js';
import { createPGliteStore, pgliteClient } from '../pglite/index.js';
import { createPostgresStore } from '../postgres/index.js';
import type { SqlClient } from '../sql/client.js';
import { statementName } from '../sql/statement-name.js';
import { newSampleInstance, START } from './sample-run.js';
import { postgresUrl } from './stores.js';

const clock = createManualClock('2030-01-01T00:00:00Z');
const at = '2026-09-07T09:00:00Z';

/** Pieces of text that mean something in SQL, among plain ones. */
const NASTY = ["'", "''", '\\', "\\'", '$$', '$1', "E'", '--', '/*', ';', '"', '\n', '\t', '🌱'];
const nastyText = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary' })), { maxLength: 8 })
  .map((parts) => parts.join('').replaceAll('\u0000', ''));

const prepared = (client: SqlClient) => client.prepared as NonNullable<SqlClient['prepared']>;

/** The sample's first event, as a lone append to version 0. */
const firstEvent = (): LogEntry => {
  const result = createInstance(sample, { start: START, clock }).send(
    { type: 'scope', payload: { areas: ['north'] } },
    { actor: steering, at },
  );
  if (!result.ok) throw result.refusal;
  return result.entry;
};
const lone = (entry: LogEntry) => ({
  expectedVersion: 0,
  entries: [entry],
  deadlines: { added: [], removed: [] },
});

describe('statementName', () => {
  it('names a text the same way each time and two texts apart, within 63 bytes', () => {
    const name = statementName('SELECT 1');
    expect(name).toMatch(/^maslul_[0-9a-f]{16}$/);
    expect(statementName('SELECT 1')).toBe(name);
    expect(statementName('SELECT 2')).not.toBe(name);
    expect(statementName('SELECT $1::text FROM "a"')).not.toBe(
      statementName('SELECT $1::text FROM "b"'),
    );
  });
});

describe('pgliteClient(db).prepared', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create('memory://');
  });
  afterAll(() => db.close());
  const count = async (text: string) =>
    (
      await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = $1',
        [statementName(text)],
      )
    ).rows[0]?.n;

  it('gives back any text, quotes, backslashes and dollar quotes as they were', async () => {
    const run = prepared(pgliteClient(db));
    const text = 'SELECT $1::text AS one, $2::text[] AS list, $3::integer AS n';
    await fc.assert(
      fc.asyncProperty(
        nastyText,
        fc.array(fc.option(nastyText, { nil: null })),
        fc.integer(),
        async (one, list, n) => {
          const { rows } = await run(text, [one, list, n]);
          expect(rows).toEqual([{ one, list, n }]);
        },
      ),
      { numRuns: 300 },
    );
    // The least integer, negative: a cast binds tighter than a minus (fast-check found it).
    for (const n of [-2147483648, -1, 2147483647]) {
      expect((await run(text, ['', [], n])).rows).toEqual([{ one: '', list: [], n }]);
    }
    expect(await count(text)).toBe(1);
  });

  it('prepares a text once for every client over the database, their transactions too', async () => {
    const text = 'SELECT $1::integer + 1 AS n';
    const [a, b] = [pgliteClient(db), pgliteClient(db)];
    expect((await prepared(a)(text, [1])).rows).toEqual([{ n: 2 }]);
    expect((await prepared(b)(text, [2])).rows).toEqual([{ n: 3 }]);
    const inside = await b.transaction((tx) => prepared(tx)(text, [3]));
    expect(inside.rows).toEqual([{ n: 4 }]);
    expect(await count(text)).toBe(1);
  });

  it('prepares a text again when the session dropped its statements (DEALLOCATE ALL)', async () => {
    const text = 'SELECT $1::text AS again';
    const client = pgliteClient(db);
    await prepared(client)(text, ['once']);
    await db.exec('DEALLOCATE ALL');
    expect((await prepared(client)(text, ['twice'])).rows).toEqual([{ again: 'twice' }]);
    expect(await count(text)).toBe(1);
  });
});

describe('createPGliteStore, two schemas on one database', () => {
  it('keeps their appends apart: a prepared append each', async () => {
    const db = await PGlite.create('memory://');
    try {
      const stores: MaslulStore[] = [];
      for (const schema of ['first', 'second']) {
        const store = await createPGliteStore({ db, schema });
        await store.create(newSampleInstance('town'));
        await store.append('town', lone({ ...firstEvent(), item: schema }));
        stores.push(store);
      }
      for (const [i, store] of stores.entries()) {
        expect((await store.events('town')).map((e) => e.item)).toEqual([['first', 'second'][i]]);
      }
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_prepared_statements
         WHERE name LIKE 'maslul\\_%' AND statement LIKE '%INSERT INTO%'`,
      );
      // One append per schema (each also keeps its reads of events prepared).
      expect(rows).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  });
});

describe('createPostgresStore', () => {
  let pool: pg.Pool;
  const schemas: string[] = [];
  beforeAll(() => {
    // One connection: what the store prepared is what the test's queries see.
    pool = new pg.Pool({ connectionString: postgresUrl(), max: 1 });
  });
  afterAll(async () => {
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  const appendOnce = async (preparedStatements: boolean | undefined) => {
    const schema = `prepared_${process.pid}_${schemas.length}`;
    schemas.push(schema);
    await pool.query('DEALLOCATE ALL');
    const store = await createPostgresStore({ pool, schema, preparedStatements });
    await store.create(newSampleInstance('town'));
    await store.append('town', lone(firstEvent()));
    expect(await store.version('town')).toBe(1);
    const { rows } = await pool.query<{ n: number; appends: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE statement LIKE '%INSERT INTO%')::int AS appends
       FROM pg_prepared_statements`,
    );
    return rows[0];
  };

  it('prepares the append of one event, and the reads, on the connection that runs them', async () => {
    // The append, and the version read after it.
    expect(await appendOnce(undefined)).toEqual({ n: 2, appends: 1 });
  });

  it('prepares nothing with preparedStatements false (PgBouncer in transaction mode)', async () => {
    expect(await appendOnce(false)).toEqual({ n: 0, appends: 0 });
  });
});
