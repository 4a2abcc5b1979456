// A PostgreSQL server that closes a store's idle connections (a restart, a failover, an
// `idle_session_timeout`, an administrator) must not end the app: `pg` reports such a connection's
// error on its pool, and Node ends a process on an 'error' event nobody listens to.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../postgres/index.js';
import { newSampleInstance } from '../sample-run.js';
import { postgresUrl } from '../stores.js';

const APP = `maslul_idle_${process.pid}`;
const schema = `idle_${process.pid}_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: postgresUrl() });

/** The server ends every connection of the store's pool and reports them gone. */
async function terminateStoreConnections(): Promise<number> {
  const { rows } = await admin.query<{ ended: boolean }>(
    'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1',
    [APP],
  );
  // Wait until the backends are gone: each round trip also lets the store's sockets read the
  // server's FATAL message, so the pool has seen it before the store is used again.
  for (;;) {
    const { rows: left } = await admin.query<{ n: string }>(
      'SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1',
      [APP],
    );
    if (Number(left[0]?.n) === 0) return rows.filter((row) => row.ended).length;
  }
}

describe('createPostgresStore with a connection string', () => {
  afterAll(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  it('survives the server closing its idle connections, and opens new ones for the next call', async () => {
    await admin.connect();
    const url = new URL(postgresUrl());
    url.searchParams.set('application_name', APP);
    const store = await createPostgresStore({ connectionString: url.toString(), schema, max: 3 });
    try {
      await store.create(newSampleInstance('town'));
      expect(await terminateStoreConnections()).toBeGreaterThan(0);
      expect(await store.version('town')).toBe(0);
      await store.create(newSampleInstance('village'));
      expect((await store.list({ limit: 10 })).map((ref) => ref.id)).toEqual(['town', 'village']);
    } finally {
      await store.close();
    }
  });
});
