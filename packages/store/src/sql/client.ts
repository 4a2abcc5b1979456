/**
 * The little a SQL store needs from a PostgreSQL driver: parameterised queries (`$1`, `$2`...),
 * scripts of several statements, and transactions. `@maslul/store/pglite` and
 * `@maslul/store/postgres` make one from PGlite and `pg`; write one to use another driver.
 *
 * @example
 * ```ts
 * import type { SqlClient } from '@maslul/store';
 *
 * async function count(client: SqlClient): Promise<number> {
 *   const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM maslul.events');
 *   return rows[0]?.n ?? 0;
 * }
 * ```
 * @category SQL
 */
export interface SqlClient {
  /** Runs one statement with parameters; resolves to its rows and how many rows it changed. */
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[] | undefined,
  ): Promise<{ readonly rows: readonly Row[]; readonly affected: number }>;
  /**
   * Optional: runs a statement the connection keeps parsed and planned under a name (a prepared
   * statement), preparing it the first time the connection runs this text. The text types its
   * parameters itself (`$1::text`). A store sends the statements it runs most this way (an
   * append of one event, the reads of a load and of a version); a client without it gets them
   * through `query`.
   */
  prepared?<Row = Record<string, unknown>>(
    text: string,
    params: readonly unknown[],
  ): Promise<{ readonly rows: readonly Row[]; readonly affected: number }>;
  /** Runs a script of statements without parameters. */
  exec(text: string): Promise<void>;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** Closes the connection or pool, if the client opened it. */
  close(): Promise<void>;
}
