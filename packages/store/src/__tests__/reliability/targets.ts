/// <reference types="node" />
// Where the reliability tests keep their instances, and the settings the test process and its
// child processes must share to agree on what they see.
import { PGlite } from '@electric-sql/pglite';
import { createManualClock, createRuntime, type Runtime } from '@maslul/core';
import pg from 'pg';
import { sample } from '../../../../core/test-programs/sample-program.js';
import type { MaslulStore } from '../../index.js';
import { createPGliteStore } from '../../pglite/index.js';
import { createPostgresStore } from '../../postgres/index.js';

/** A store that a child process can open again: a PGlite folder or a PostgreSQL schema. */
export type Target =
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };

/** Far after the sample run's event dates, so every event of `runEvents` is in the past. */
export const NOW = '2030-01-01T00:00:00Z';
export const NOW_MS = Date.parse(NOW);
export const INSTANCE = 'town';
/** The crash test's run: `runEvents(MEASURES)`, 87 events (its last snapshot is not at its end). */
export const MEASURES = 82;
/** Small, so that kills land around snapshot writes too. */
export const SNAPSHOT_EVERY = 5;

export function openTarget(target: Target): Promise<MaslulStore> {
  return target.kind === 'pglite'
    ? createPGliteStore({ dataDir: target.dataDir })
    : createPostgresStore({ connectionString: target.url, schema: target.schema, max: 2 });
}

/** A store opened by the test process, with raw SQL for what the store's API does not show. */
export interface OpenedWithSql {
  readonly store: MaslulStore;
  /** The schema the store's tables are in, quoted. */
  readonly schema: string;
  sql<Row>(text: string, params?: unknown[]): Promise<readonly Row[]>;
  close(): Promise<void>;
}

export async function openWithSql(target: Target): Promise<OpenedWithSql> {
  if (target.kind === 'pglite') {
    const db = await PGlite.create(target.dataDir);
    const store = await createPGliteStore({ db });
    return {
      store,
      schema: '"maslul"',
      sql: async <Row>(text: string, params?: unknown[]) =>
        (await db.query<Row>(text, params)).rows,
      close: async () => {
        await store.close();
        await db.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 2 });
  const store = await createPostgresStore({ pool, schema: target.schema });
  return {
    store,
    schema: `"${target.schema}"`,
    sql: async <Row>(text: string, params?: unknown[]) =>
      (await pool.query(text, params)).rows as Row[],
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}

/** A runtime of the sample program as every process of a test makes it. */
export function runtimeOver(store: MaslulStore): Runtime<typeof sample> {
  return createRuntime(sample, {
    store,
    clock: createManualClock(NOW),
    snapshotEvery: SNAPSHOT_EVERY,
  });
}

let counter = 0;

/** A schema of its own for one test: `t_` then lower-case letters, digits and `_`. */
export function newSchema(purpose: string): string {
  return `t_${purpose}_${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** The `code` of a `MaslulError` (or of any error that has one). */
export const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;
