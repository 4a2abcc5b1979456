import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlClient } from '../sql/client.js';
import { sqlLiteral } from '../sql/literal.js';
import { statementName } from '../sql/statement-name.js';

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

/** A database's prepared statements, by name: the SQL types of their parameters, once known. */
type Prepared = Map<string, Promise<readonly string[]>>;

/**
 * Per database: every client over one (a second store, a transaction) shares its session, and
 * with it the statements prepared there.
 */
const preparedOf = new WeakMap<PGlite, Prepared>();

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

function wrap(
  db: Queryable,
  transaction: SqlClient['transaction'],
  close: () => Promise<void>,
  prepared: Prepared,
  inTransaction: boolean,
): SqlClient {
  const prepare = (name: string, text: string): Promise<readonly string[]> => {
    const known = prepared.get(name);
    if (known) return known;
    const types = (async () => {
      try {
        await db.exec(`PREPARE ${name} AS ${text}`);
      } catch (error) {
        // duplicate_prepared_statement: this session has it already (the name is the text's).
        if (codeOf(error) !== '42P05') throw error;
      }
      const { rows } = await db.query<{ type: string }>(
        `SELECT p.type::text AS type
           FROM pg_prepared_statements, unnest(parameter_types) WITH ORDINALITY AS p(type, n)
          WHERE name = $1 ORDER BY p.n`,
        [name],
      );
      return rows.map((row) => row.type);
    })();
    prepared.set(name, types);
    types.catch(() => {
      if (prepared.get(name) === types) prepared.delete(name);
    });
    return types;
  };
  // EXECUTE with the values written in (./sql/literal.ts), each cast to its parameter's type:
  // the simple protocol, two calls into the database, with no parse or plan of the statement.
  const execute = async (name: string, text: string, params: readonly unknown[]) => {
    const types = await prepare(name, text);
    const values = params.map((param, i) => `${sqlLiteral(param)}::${types[i]}`);
    return (await db.exec(`EXECUTE ${name}(${values.join(', ')})`)).at(-1);
  };
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
    async prepared<Row>(text: string, params: readonly unknown[]) {
      const name = statementName(text);
      let result: Awaited<ReturnType<typeof execute>>;
      try {
        result = await execute(name, text, params);
      } catch (error) {
        // invalid_sql_statement_name: the session dropped its prepared statements (DEALLOCATE
        // ALL, DISCARD ALL). EXECUTE ran nothing: prepare again and run it once more (outside a
        // transaction, which the error has aborted).
        if (inTransaction || codeOf(error) !== '26000') throw error;
        prepared.delete(name);
        result = await execute(name, text, params);
      }
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
 * transaction holds it until it ends. A prepared statement is run by `EXECUTE` with its values
 * written in, escaped, and stays prepared until the database closes.
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
  let prepared = preparedOf.get(db);
  if (!prepared) {
    prepared = new Map();
    preparedOf.set(db, prepared);
  }
  const shared = prepared;
  const client: SqlClient = wrap(
    db,
    (work) =>
      db.transaction((tx) => {
        // Inside a transaction, a nested one is the same transaction.
        const inner: SqlClient = wrap(tx, (nested) => nested(inner), close, shared, true);
        return work(inner);
      }),
    close,
    shared,
    false,
  );
  return client;
}
