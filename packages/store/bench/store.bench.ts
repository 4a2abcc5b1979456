// The store against raw SQL on the same database, on PGlite in memory and on PostgreSQL: the server
// DATABASE_URL names, or one started from npm's binaries (../scripts/postgres-server.ts). Runs the package's sources (as tsx compiles them, with the
// migrations loaded as text by ../scripts/register-sql.ts); `@maslul/core` is its built dist/, as for the
// tests (the root `npm run bench` builds it first).
//
// 1. Append throughput. The workload is recorded once: the sample program's first 100 events,
//    run through `createRuntime` on a memory store, which hands the store 100 batches of one entry
//    each with its expected version and deadline changes (3 of them add or remove timers), and
//    a snapshot with every 25th (the runtime's default snapshot policy). One sample appends the 100 batches,
//    in order, to a new instance with `store.append` (each one SQL statement in autocommit). The
//    baseline sample writes the same rows to the same tables of the same database, for another
//    new instance: one plain INSERT per event row (the store's text columns, JSON as text), one
//    multi-row INSERT of the timer rows a batch adds, one INSERT of the snapshot row: 106
//    statements, each in autocommit, through the same driver. The baseline does not check the
//    instance's version nor delete the removed deadlines' timers: the store's cost for those is
//    counted against it. Creating each sample's instance is not timed. On PostgreSQL both
//    sides wait for a WAL flush at every commit (synchronous_commit on), most of their time there.
// 2. Restore against replay, on a 1,000-event log with its latest snapshot at event 1,000. Restore
//    is what a runtime does for an instance it does not hold: `runtime.open(id)` after
//    `runtime.evict()` (load the latest snapshot and the events after it, parse and check them,
//    restore the instance). Full replay is `store.events(id)` (every event, parsed and checked)
//    then `replay(sample, events)` from `@maslul/core`.
// 3. Open in the worst case of the default policy: a 1,024-event log whose latest snapshot is at
//    1,000 (24 events to replay after it), in milliseconds against a 5 ms budget, beside a full
//    replay of the same log.
//
// Every time is tinybench's median latency (p50) of a contender in a round. Both contenders of a
// ratio run in each of ROUNDS rounds, taking turns at going first; a ratio is the median of the
// rounds' ratios, each a throughput ratio: baseline time over store time, so higher is better and
// 1.0 is as fast as the baseline. Targets print `ok` or `MISSED`; the run exits 0 either way.
import '../scripts/register-sql.js';
import { PGlite } from '@electric-sql/pglite';
import { createRuntime, type InstanceView, type ProgramInstance, replay } from '@maslul/core';
import pg from 'pg';
import { sample } from '../../core/test-programs/sample-program.js';
import { startPostgresServer } from '../scripts/postgres-server.js';
import { START } from '../src/__tests__/sample-run.js';
import type { MaslulStore } from '../src/timer-store.js';
import { median, pairedRatio, pairedRounds, readable } from './rounds.js';
import { captureRun, clock, rawInserts } from './workload.js';

// Loaded after ../scripts/register-sql.js has registered its hook: they import the migration files.
const { createPGliteStore } = await import('../src/pglite/index.js');
const { createPostgresStore } = await import('../src/postgres/index.js');

const ROUNDS = 5;
/** The runtime's default snapshot policy. */
const SNAPSHOT_EVERY = 25;
const APPEND_EVENTS = 100;
const LOG_EVENTS = 1_000;
const TARGETS = { append: 0.8, restore: 20, openMs: 5 } as const;

/** A database to measure: the store on it, and raw statements on the same connection(s). */
interface Target {
  readonly name: string;
  readonly store: MaslulStore;
  readonly schema: string;
  readonly sql: (text: string, params: unknown[]) => Promise<unknown>;
  /** The same store for untimed setup writes (the 1,000-event log), maybe faster to commit. */
  readonly setup: MaslulStore;
}

const began = performance.now();
// The 1,000-event run; its first 100 batches are the append workload (the same events).
const run = await captureRun(LOG_EVENTS + SNAPSHOT_EVERY - 1 - 5, SNAPSHOT_EVERY);
const appendBatches = run.batches.slice(0, APPEND_EVENTS);
const timerChanges = appendBatches.filter(
  (b) => b.deadlines.added.length + b.deadlines.removed.length > 0,
).length;
if (
  run.batches.length !== LOG_EVENTS + SNAPSHOT_EVERY - 1 ||
  appendBatches.at(-1)?.snapshot === undefined
) {
  throw new Error('The recorded run does not have the expected events and snapshot.');
}

let sink = 0;

async function measureAppend(target: Target): Promise<number> {
  const { store } = target;
  const statements = appendBatches.map((batch) => rawInserts(target.schema, batch));
  let count = 0;
  let appendId = '';
  let rawId = '';
  const fresh = async (prefix: string): Promise<string> => {
    const id = `${prefix}-${count++}`;
    await store.create({ ...run.instance, id });
    return id;
  };
  const [append, raw] = await pairedRounds(
    {
      name: `${target.name}: store.append x${APPEND_EVENTS}`,
      beforeEach: async () => {
        appendId = await fresh('append');
      },
      fn: async () => {
        for (const batch of appendBatches) await store.append(appendId, batch);
      },
    },
    {
      name: `${target.name}: raw INSERTs of the same rows (${statements.flat().length} statements)`,
      beforeEach: async () => {
        rawId = await fresh('raw');
      },
      fn: async () => {
        for (const batch of statements) {
          for (const { text, params } of batch) await target.sql(text, [rawId, ...params]);
        }
      },
    },
    { rounds: ROUNDS, time: 300, iterations: 2 },
  );
  // Both sides wrote the same event rows: the store reads the raw ones back as its own.
  const [stored, inserted] = [await store.events(appendId), await store.events(rawId)];
  if (stored.length !== APPEND_EVENTS || JSON.stringify(stored) !== JSON.stringify(inserted)) {
    throw new Error(`${target.name}: the appended and the inserted events differ.`);
  }
  console.log(
    `# ${target.name} append: ${readable(median(append) / APPEND_EVENTS)} per event with store.append, ${readable(median(raw) / APPEND_EVENTS)} per event with raw INSERTs (median of ${ROUNDS} rounds)`,
  );
  return pairedRatio(raw, append);
}

async function measureRestore(target: Target): Promise<number> {
  const { store, setup } = target;
  const id = 'log-1000';
  await setup.create({ ...run.instance, id });
  for (const batch of run.batches.slice(0, LOG_EVENTS)) await setup.append(id, batch);
  const stored = await store.load(id);
  if (stored?.snapshot.seq !== LOG_EVENTS || stored.events.length !== 0) {
    throw new Error(`${target.name}: the log's latest snapshot is not at event ${LOG_EVENTS}.`);
  }
  const runtime = createRuntime(sample, { store, clock, snapshotEvery: SNAPSHOT_EVERY });
  let restored: InstanceView | undefined;
  let replayed: ProgramInstance | undefined;
  const [restore, full] = await pairedRounds(
    {
      name: `${target.name}: restore (runtime.open from the snapshot at ${LOG_EVENTS})`,
      beforeEach: async () => runtime.evict(),
      fn: async () => {
        restored = await runtime.open(id);
      },
    },
    {
      name: `${target.name}: full replay (store.events + replay of ${LOG_EVENTS} events)`,
      fn: async () => {
        const events = await store.events(id);
        replayed = replay(sample, events, { start: START, clock });
      },
    },
    { rounds: ROUNDS, time: 300, iterations: 3 },
  );
  if (JSON.stringify(restored?.snapshot()) !== JSON.stringify(replayed?.snapshot())) {
    throw new Error(`${target.name}: the restored and the replayed instances differ.`);
  }
  sink += restored?.version ?? 0;
  console.log(
    `# ${target.name} restore: ${readable(median(restore))} from the snapshot (${JSON.stringify(stored.snapshot).length} bytes), ${readable(median(full))} by full replay (median of ${ROUNDS} rounds)`,
  );
  return pairedRatio(full, restore);
}

/**
 * The worst case of the default snapshot policy: opening an instance whose latest snapshot is
 * `SNAPSHOT_EVERY - 1` events back (a log of 1,024 events, snapshots every 25: the latest at
 * 1,000). Its milliseconds (the median of the rounds' medians).
 */
async function measureWorstOpen(target: Target): Promise<number> {
  const { store, setup } = target;
  const id = `log-${run.batches.length}`;
  await setup.create({ ...run.instance, id });
  for (const batch of run.batches) await setup.append(id, batch);
  const stored = await store.load(id);
  if (stored?.snapshot.seq !== LOG_EVENTS || stored.events.length !== SNAPSHOT_EVERY - 1) {
    throw new Error(
      `${target.name}: the log's latest snapshot is not ${SNAPSHOT_EVERY - 1} events back.`,
    );
  }
  const runtime = createRuntime(sample, { store, clock });
  const [open, full] = await pairedRounds(
    {
      name: `${target.name}: open (snapshot at ${LOG_EVENTS}, ${SNAPSHOT_EVERY - 1} events after it)`,
      beforeEach: async () => runtime.evict(),
      fn: async () => {
        sink += (await runtime.open(id)).version;
      },
    },
    {
      name: `${target.name}: full replay of the ${run.batches.length} events`,
      fn: async () => {
        sink += replay(sample, await store.events(id), { start: START, clock }).snapshot().seq;
      },
    },
    { rounds: ROUNDS, time: 300, iterations: 3 },
  );
  console.log(
    `# ${target.name} open, worst case of the default policy: ${readable(median(open))} (${run.batches.length} events, latest snapshot at ${LOG_EVENTS}), ${readable(median(full))} by full replay`,
  );
  return median(open);
}

async function measure(target: Target): Promise<void> {
  const append = await measureAppend(target);
  const restore = await measureRestore(target);
  const open = await measureWorstOpen(target);
  console.log(
    `target store-open-worst-ms-${target.name} ${TARGETS.openMs} ${open <= TARGETS.openMs ? 'ok' : 'MISSED'}`,
  );
  const ratios = [
    [`store-append-over-raw-insert-${target.name}`, append, TARGETS.append],
    [`store-restore-over-replay-${target.name}`, restore, TARGETS.restore],
  ] as const;
  for (const [name, value] of ratios) console.log(`ratio ${name} ${value.toFixed(2)}`);
  for (const [name, value, limit] of ratios) {
    console.log(`target ${name} ${limit} ${value >= limit ? 'ok' : 'MISSED'}`);
  }
}

console.log(`# @maslul/store, node ${process.version}, ${process.platform}/${process.arch}`);
console.log(
  `# append workload: the sample run's first ${APPEND_EVENTS} events as the runtime batches them (${timerChanges} with timer changes, a snapshot with the last); restore: a ${LOG_EVENTS}-event log, snapshots every ${SNAPSHOT_EVERY}`,
);
const added = appendBatches.reduce((n, b) => n + b.deadlines.added.length, 0);
const removed = appendBatches.reduce((n, b) => n + b.deadlines.removed.length, 0);
console.log(
  `# raw baseline per ${APPEND_EVENTS} events: single-row INSERTs of the ${APPEND_EVENTS} event rows, a multi-row INSERT of the batch's added timer rows (${added} rows in all), an INSERT of the snapshot row, each in autocommit; no version check, and not the ${removed} timer deletes the appends make`,
);

const db = await PGlite.create('memory://');
const pgliteStore = await createPGliteStore({ db, schema: 'bench' });
try {
  await measure({
    name: 'pglite',
    store: pgliteStore,
    schema: 'bench',
    sql: (text, params) => db.query(text, params),
    setup: pgliteStore,
  });
} finally {
  await pgliteStore.close();
  await db.close();
}

const given = process.env.DATABASE_URL;
const server = given === undefined ? await startPostgresServer({ durable: true }) : undefined;
const url = given ?? (server?.url as string);
try {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // Writes the 1,000-event log without waiting for a WAL flush per append (the same rows, written
  // in a few seconds less); nothing timed runs on it.
  const setupPool = new pg.Pool({
    connectionString: url,
    max: 1,
    options: '-c synchronous_commit=off',
  });
  // `pg` ends a pool's idle connections without waiting for their sockets to close, so the
  // server's shutdown below can still reach one (57P01) and the pool reports it: expected once
  // the pools have ended, and a failure before.
  let ended = false;
  for (const each of [pool, setupPool]) {
    each.on('error', (error) => {
      if (!ended) throw error;
    });
  }
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  try {
    const store = await createPostgresStore({ pool, schema });
    const setup = await createPostgresStore({ pool: setupPool, schema });
    try {
      const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
      console.log(
        `# postgres: server ${rows[0]?.server_version}, schema "${schema}" (dropped at the end)`,
      );
      await measure({
        name: 'postgres',
        store,
        schema,
        sql: (text, params) => pool.query(text, params),
        setup,
      });
    } finally {
      await setup.close();
      await store.close();
    }
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all([pool.end(), setupPool.end()]);
    ended = true;
  }
} finally {
  await server?.stop();
}
if (sink <= 0) throw new Error('nothing ran');
console.log(`# done in ${((performance.now() - began) / 1000).toFixed(0)} s`);
