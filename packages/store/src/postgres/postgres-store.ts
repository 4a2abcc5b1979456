import pg from 'pg';
import { createSqlStore } from '../sql/sql-store.js';
import type { MaslulStore } from '../timer-store.js';
import { pgClient } from './pg-client.js';

/**
 * The production store: a PostgreSQL server through `pg`, shared by as many app instances as you
 * run. The same SQL as the PGlite store; appends check the expected version in the database, and
 * timer workers claim due timers with `FOR UPDATE SKIP LOCKED`.
 *
 * @param options - a `connectionString` (a pool of `max` connections is opened, and closed by
 *   `close()`) or your own `pool`; the `schema` (default `"maslul"`); `preparedStatements`
 *   (default true: an append of one event is a statement each connection prepares once; false
 *   behind a pooler that does not keep prepared statements, such as PgBouncer in transaction mode
 *   before 1.21)
 * @returns the store, migrated
 *
 * @example
 * ```ts
 * import { createPostgresStore } from '@maslul/store/postgres';
 *
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL });
 * // ... createRuntime(program, { store, clock }) in every app instance
 * await store.close();
 * ```
 * @category PostgreSQL
 */
export async function createPostgresStore(options: {
  readonly connectionString?: string | undefined;
  readonly pool?: pg.Pool | undefined;
  readonly max?: number | undefined;
  readonly schema?: string | undefined;
  readonly preparedStatements?: boolean | undefined;
}): Promise<MaslulStore> {
  const pool =
    options.pool ??
    new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  const client = pgClient(pool, {
    endPool: options.pool === undefined,
    preparedStatements: options.preparedStatements,
  });
  try {
    return await createSqlStore(client, { schema: options.schema, closeClient: true });
  } catch (error) {
    await client.close();
    throw error;
  }
}
