import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlClient } from '../sql/client.js';

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(
  db: Queryable,
  transaction: SqlClient['transaction'],
  close: () => Promise<void>,
): SqlClient {
  return {
    async query<Row>(text: string, params?: readonly unknown[]) {
      // Without parameters, the simple protocol: two calls into the database, where the extended
      // protocol (parse, describe, bind, describe, execute, sync) takes six.
      const result =
        params === undefined || params.length === 0
          ? (await db.exec(text)).at(-1)
          : await db.query<Row>(text, params as unknown[]);
      return { rows: (result?.rows ?? []) as Row[], affected: result?.affectedRows ?? 0 };
    },
    async exec(text: string) {
      await db.exec(text);
    },
    transaction,
    close,
  };
}

/**
 * A {@link SqlClient} over a PGlite database. PGlite runs one statement at a time; a
 * transaction holds it until it ends.
 *
 * @param db - an open PGlite database
 * @returns the client (closing it closes the database)
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { createSqlStore } from '@maslul/store';
 * import { pgliteClient } from '@maslul/store/pglite';
 *
 * const store = await createSqlStore(pgliteClient(new PGlite()), { closeClient: true });
 * ```
 * @category PGlite
 */
export function pgliteClient(db: PGlite): SqlClient {
  const close = () => db.close();
  const client: SqlClient = wrap(
    db,
    (work) =>
      db.transaction((tx) => {
        // Inside a transaction, a nested one is the same transaction.
        const inner: SqlClient = wrap(tx, (nested) => nested(inner), close);
        return work(inner);
      }),
    close,
  );
  return client;
}
