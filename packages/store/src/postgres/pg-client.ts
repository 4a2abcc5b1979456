import type { Pool, PoolClient } from 'pg';
import type { SqlClient } from '../sql/client.js';

function onConnection(connection: Pick<PoolClient, 'query'>): SqlClient {
  const client: SqlClient = {
    async query<Row>(text: string, params?: readonly unknown[]) {
      const result = await connection.query(text, params as unknown[] | undefined);
      return { rows: result.rows as Row[], affected: result.rowCount ?? 0 };
    },
    async exec(text: string) {
      await connection.query(text);
    },
    // Inside a transaction, a nested one is the same transaction.
    transaction: (work) => work(client),
    close: async () => {},
  };
  return client;
}

/**
 * A {@link SqlClient} over a `pg` pool: queries take any connection; a transaction holds one
 * connection from `BEGIN` to `COMMIT` (or `ROLLBACK` when the work throws).
 *
 * @param pool - a `pg` pool
 * @param options - whether closing the client ends the pool (default false)
 * @returns the client
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createSqlStore } from '@maslul/store';
 * import { pgClient } from '@maslul/store/postgres';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const store = await createSqlStore(pgClient(pool));
 * ```
 * @category PostgreSQL
 */
export function pgClient(
  pool: Pool,
  options: { readonly endPool?: boolean | undefined } = {},
): SqlClient {
  const direct = onConnection(pool);
  return {
    query: direct.query,
    exec: direct.exec,
    async transaction(work) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work(onConnection(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    async close() {
      if (options.endPool) await pool.end();
    },
  };
}
