import { storeError } from '../errors.js';
import type { SqlClient } from './client.js';
import init from './migrations/0001_init.sql';
import appendFunction from './migrations/0002_append_function.sql';
import refusals from './migrations/0003_refusals.sql';
import appendOneStatement from './migrations/0004_append_one_statement.sql';
import versionFromEvents from './migrations/0005_version_from_events.sql';

/** The versioned migration files, in order. A released file is never edited: add the next one. */
const migrations: readonly {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}[] = [
  { version: 1, name: '0001_init', sql: init },
  { version: 2, name: '0002_append_function', sql: appendFunction },
  { version: 3, name: '0003_refusals', sql: refusals },
  { version: 4, name: '0004_append_one_statement', sql: appendOneStatement },
  { version: 5, name: '0005_version_from_events', sql: versionFromEvents },
];

/**
 * The newest version of the store's SQL schema that this package knows: the number of its
 * migration files. A database at a newer version is refused (`schema-too-new`).
 *
 * @example
 * ```ts
 * import { SCHEMA_VERSION } from '@maslul/store';
 *
 * SCHEMA_VERSION; // 5
 * ```
 * @category SQL
 */
export const SCHEMA_VERSION = migrations.length;

/** A PostgreSQL identifier, quoted; only plain names are accepted. */
export function quoteSchema(schema: string): string {
  if (typeof schema !== 'string' || !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw storeError(
      'invalid-option',
      'store.schema-name',
      ['schema'],
      `The schema name ${JSON.stringify(schema)} is not valid: use lower-case letters, digits and "_", starting with a letter or "_" (at most 63).`,
    );
  }
  return `"${schema}"`;
}

/**
 * Brings the schema up to date, once, even when several processes start together: the first
 * takes an advisory lock, the others wait for it and find nothing left to do. `upTo` stops at an
 * older version, as an older package left the schema (for the tests of later migrations).
 */
export async function migrate(
  client: SqlClient,
  schema: string,
  options: { readonly upTo?: number | undefined } = {},
): Promise<void> {
  const quoted = quoteSchema(schema);
  await client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`maslul:${schema}`]);
    await tx.exec(
      `CREATE SCHEMA IF NOT EXISTS ${quoted};
       CREATE TABLE IF NOT EXISTS ${quoted}.migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now()
       );`,
    );
    const { rows } = await tx.query<{ version: number }>(
      `SELECT version FROM ${quoted}.migrations ORDER BY version`,
    );
    const applied = new Set(rows.map((r) => Number(r.version)));
    const newest = Math.max(0, ...applied);
    if (newest > SCHEMA_VERSION) {
      throw storeError(
        'schema-too-new',
        'store.schema-version',
        ['schema'],
        `Schema "${schema}" is at version ${newest}, newer than this @maslul/store knows (${SCHEMA_VERSION}); upgrade @maslul/store.`,
      );
    }
    for (const migration of migrations) {
      if (applied.has(migration.version) || migration.version > (options.upTo ?? Infinity)) {
        continue;
      }
      await tx.exec(migration.sql.replaceAll('{{schema}}', quoted));
      await tx.query(`INSERT INTO ${quoted}.migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
    }
  });
}
