// The stores every contract test runs against: in memory, PGlite, and a real PostgreSQL server
// (DATABASE_URL's, or the one the global setup starts from npm's binaries). Each test gets its own
// schema.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { createMemoryStore, type MaslulStore, type SqlClient } from '../index.js';
import { createPGliteStore, pgliteClient } from '../pglite/index.js';
import { createPostgresStore, pgClient } from '../postgres/index.js';

export interface StoreKind {
  readonly name: string;
  /** A new, empty store (in `schema` when given and the store is a SQL one). */
  open(schema?: string): Promise<MaslulStore>;
  /** Opens the last opened store's database and schema again (SQL stores only). */
  reopen?: () => Promise<MaslulStore>;
  /** Runs raw SQL on the last opened store's database (SQL stores only). */
  sql?: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  /** The schema of the last opened store. */
  schema?: () => string;
  /** A client on the SQL stores' database, opened by a store first (SQL stores only). */
  client?: () => SqlClient;
  /** Closes what the kind opened for all its stores. */
  close(): Promise<void>;
}

let counter = 0;
const nextSchema = () => `t_${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}`;

function memory(): StoreKind {
  return { name: 'memory', open: async () => createMemoryStore(), close: async () => {} };
}

function pglite(): StoreKind {
  let db: PGlite | undefined;
  let schema = '';
  return {
    name: 'pglite',
    async open(named) {
      db ??= await PGlite.create('memory://');
      schema = named ?? nextSchema();
      return createPGliteStore({ db, schema });
    },
    reopen: () => createPGliteStore({ db, schema }),
    sql: async (text, params) => (await (db as PGlite).query(text, params)) as never,
    schema: () => schema,
    client: () => pgliteClient(db as PGlite),
    close: async () => db?.close(),
  };
}

function postgres(url: string): StoreKind {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const schemas: string[] = [];
  return {
    name: 'postgres',
    async open(named) {
      const schema = named ?? nextSchema();
      schemas.push(schema);
      return createPostgresStore({ pool, schema });
    },
    reopen: () => createPostgresStore({ pool, schema: schemas.at(-1) }),
    sql: async (text, params) => pool.query(text, params),
    schema: () => schemas.at(-1) as string,
    client: () => pgClient(pool),
    async close() {
      for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

/** The URL of the PostgreSQL server of this test run (see scripts/postgres-global-setup.ts). */
export function postgresUrl(): string {
  return inject('databaseUrl');
}

/** The kinds to test: memory, PGlite and PostgreSQL. */
export function storeKinds(): StoreKind[] {
  return [memory(), pglite(), postgres(postgresUrl())];
}

/** The SQL kinds only. */
export function sqlKinds(): StoreKind[] {
  return storeKinds().filter((kind) => kind.sql !== undefined);
}
