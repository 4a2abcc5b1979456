import type { MaslulError } from '@maslul/core';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../index.js';
import { createPGliteStore } from '../pglite/index.js';
import { sqlKinds } from './stores.js';

describe.each(sqlKinds())('the SQL schema on $name', (kind) => {
  afterAll(() => kind.close());
  const sql = (text: string) =>
    (kind.sql as NonNullable<typeof kind.sql>)(text.replaceAll('$schema', `"${kind.schema?.()}"`));

  it('records each migration file once, however often a store opens', async () => {
    await kind.open();
    const schema = kind.schema?.() as string;
    const { rows } = await sql(`SELECT version, name FROM $schema.migrations ORDER BY version`);
    expect(rows).toEqual([
      { version: 1, name: '0001_init' },
      { version: 2, name: '0002_append_function' },
      { version: 3, name: '0003_refusals' },
      { version: 4, name: '0004_append_one_statement' },
      { version: 5, name: '0005_version_from_events' },
    ]);
    expect(SCHEMA_VERSION).toBe(5);
    const tables = await sql(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY 1`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'events',
      'instances',
      'migrations',
      'refusals',
      'snapshots',
      'timers',
    ]);
  });

  it('refuses a database whose schema is newer than this package', async () => {
    await kind.open();
    await sql(`INSERT INTO $schema.migrations (version, name) VALUES (99, '0099_future')`);
    const error = await (kind.reopen as NonNullable<typeof kind.reopen>)().catch(
      (e) => e as MaslulError,
    );
    expect(error).toMatchObject({ code: 'schema-too-new', path: ['schema'] });
    expect((error as MaslulError).message).toContain('version 99');
  });

  it('opens an up-to-date schema again without applying anything', async () => {
    await kind.open();
    await (kind.reopen as NonNullable<typeof kind.reopen>)();
    const { rows } = await sql(`SELECT count(*)::int AS n FROM $schema.migrations`);
    expect(rows).toEqual([{ n: 5 }]);
  });
});

describe('createPGliteStore', () => {
  it('refuses a schema name that is not a plain identifier', async () => {
    const error = await createPGliteStore({ schema: 'x"; DROP TABLE y; --' }).catch(
      (e) => e as MaslulError,
    );
    expect(error).toMatchObject({ code: 'invalid-option', path: ['schema'] });
  });
});
