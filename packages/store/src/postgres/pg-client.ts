import type { Pool, PoolClient } from 'pg';
import type { SqlClient } from '../sql/client.js';
import { statementName } from '../sql/statement-name.js';

function onConnection(connection: Pick<PoolClient, 'query'>, prepare: boolean): SqlClient {
  const client: SqlClient = {
    async query<Row>(text: string, params?: readonly unknown[]) {
      const result = await connection.query(text, params as unknown[] | undefined);
      return { rows: result.rows as Row[], affected: result.rowCount ?? 0 };
    },
    // A named statement: `pg` parses it once per connection and then only binds and executes.
    ...(prepare && {
      async prepared<Row>(text: string, params: readonly unknown[]) {
        const result = await connection.query({
          name: statementName(text),
          text,
          values: params as unknown[],
        });
        return { rows: result.rows as Row[], affected: result.rowCount ?? 0 };
      },
    }),
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
 * connection from `BEGIN` to `COMMIT` (or `ROLLBACK` when the work throws). Prepared statements
 * are `pg`'s named statements, prepared on each connection that runs them.
 *
 * @param pool - a `pg` pool
 * @param options - whether closing the client ends the pool (default false), and whether it
 *   prepares statements (`preparedStatements`, default true; false behind a pooler that does
 *   not keep them, such as PgBouncer in transaction mode before 1.21)
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
  options: {
    readonly endPool?: boolean | undefined;
    readonly preparedStatements?: boolean | undefined;
  } = {},
): SqlClient {
  const prepare = options.preparedStatements ?? true;
  const direct = onConnection(pool, prepare);
  return {
    query: direct.query,
    ...(direct.prepared && { prepared: direct.prepared }),
    exec: direct.exec,
    async transaction(work) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work(onConnection(connection, prepare));
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
