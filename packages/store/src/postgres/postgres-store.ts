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
 *   `close()`) or your own `pool` (listen to its `'error'` event, as `pg` asks: a server that
 *   ends an idle connection reports it there); the `schema` (default `"maslul"`); `preparedStatements`
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
  const pool = options.pool ?? ownPool(options.connectionString, options.max ?? 10);
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

/**
 * The pool a store opens for a connection string. `pg` reports an error of an idle connection (the
 * server restarted, failed over, or ended it) on the pool, and drops that connection: the next
 * query opens a new one. Nothing was in flight, so nothing is lost; but an 'error' event with no
 * listener ends the Node process, so the store listens. (A pool you pass in is yours to listen
 * to, as `pg`'s docs ask.)
 */
function ownPool(connectionString: string | undefined, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => undefined);
  return pool;
}
