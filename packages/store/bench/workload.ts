// What the bench writes and reads: the batches a real run hands the store, and the raw INSERTs of
// the same rows that the append throughput is compared with.
import {
  type AppendBatch,
  createManualClock,
  createRuntime,
  type InstanceStore,
  type NewInstance,
} from '@maslul/core';
import { sample } from '../../core/test-programs/sample-program.js';
import { runEvents, START } from '../src/__tests__/sample-run.js';
import { createMemoryStore } from '../src/memory-store.js';
import { toEventRow } from '../src/records.js';

/** The bench's only clock: events carry their own instants, so "now" never moves. */
export const clock = createManualClock('2028-01-01T00:00:00Z');

/** A recorded run: the new instance the runtime created, then every batch it appended, in order. */
export interface Workload {
  readonly instance: NewInstance;
  readonly batches: readonly AppendBatch[];
}

/**
 * Runs the sample program through `createRuntime` on a memory store (`runEvents(measures)`:
 * `measures + 5` events) and records what the runtime hands the store: the instance it creates and
 * each append's batch (one entry, its expected version, its deadline changes, a snapshot every
 * `snapshotEvery` events). Appending the batches in order to another instance replays the run.
 */
export async function captureRun(measures: number, snapshotEvery: number): Promise<Workload> {
  const memory = createMemoryStore();
  let instance: NewInstance | undefined;
  const batches: AppendBatch[] = [];
  const recording: InstanceStore = {
    ...memory,
    create: (created) => {
      instance = created;
      return memory.create(created);
    },
    append: (id, batch) => {
      batches.push(batch);
      return memory.append(id, batch);
    },
  };
  const runtime = createRuntime(sample, { store: recording, clock, snapshotEvery });
  await runtime.create('captured', { start: START });
  for (const { event, actor, at } of runEvents(measures)) {
    const result = await runtime.send('captured', event as never, { actor: actor as never, at });
    if (!result.ok) throw new Error(`The sample run was refused: ${result.refusal.message}`);
  }
  if (instance === undefined) throw new Error('The runtime created no instance.');
  return { instance, batches };
}

/** One raw statement; its `$1` is the instance id, given when it runs. */
export interface RawStatement {
  readonly text: string;
  readonly params: readonly unknown[];
}

/**
 * The raw INSERTs of the rows an append of `batch` adds, as an app without the store would write
 * them: the event row (one INSERT, the same text columns the store writes, JSON as text), the
 * added timer rows (one multi-row INSERT, when there are any) and the snapshot row (one INSERT,
 * when there is one). Each runs on its own, in autocommit. Not included, because they are not rows
 * the append adds: the check of the expected version, and the deletion of the removed deadlines'
 * timers. The row texts are made here, before timing; the store makes its own
 * inside `append`.
 */
export function rawInserts(schema: string, batch: AppendBatch): RawStatement[] {
  const s = `"${schema}"`;
  const statements: RawStatement[] = batch.entries.map((entry) => {
    const row = toEventRow(entry);
    return {
      text: `INSERT INTO ${s}.events (instance_id, seq, type, at, date, actor, payload, item, idempotency_key, trace)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      params: [
        row.seq,
        row.type,
        row.at,
        row.date,
        row.actor,
        row.payload,
        row.item,
        row.idempotency_key,
        row.trace,
      ],
    };
  });
  const { added } = batch.deadlines;
  if (added.length > 0) {
    const values = added.map(
      (_, i) => `($1, $${3 * i + 2}, $${3 * i + 3}, $${3 * i + 4}, $${3 * i + 3})`,
    );
    statements.push({
      text: `INSERT INTO ${s}.timers (instance_id, deadline_id, due_at, deadline, ready_at) VALUES ${values.join(', ')}`,
      params: added.flatMap((d) => [d.id, d.at, JSON.stringify(d)]),
    });
  }
  if (batch.snapshot !== undefined) {
    statements.push({
      text: `INSERT INTO ${s}.snapshots (instance_id, seq, program_version, body) VALUES ($1, $2, $3, $4)`,
      params: [batch.snapshot.seq, batch.snapshot.program.version, JSON.stringify(batch.snapshot)],
    });
  }
  return statements;
}
