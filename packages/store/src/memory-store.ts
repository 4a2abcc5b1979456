import {
  type AppendBatch,
  checkId,
  type InstanceListQuery,
  type InstanceSnapshot,
  type LogEntry,
  type NewInstance,
  type RefusalRecord,
  type StoredInstance,
} from '@maslul/core';
import { conflict, instanceExists, unknownInstance } from './errors.js';
import { listRows } from './list-instances.js';
import {
  checkBatch,
  checkNew,
  deliveryKeyOf,
  type EventRow,
  fromDeadlineText,
  fromEventRow,
  fromSnapshotText,
  toEventRow,
} from './records.js';
import { fromRefusalText, toRefusalText } from './refusal-records.js';
import { timerOrder } from './timer-order.js';
import type { DueTimer, MaslulStore, TimerState } from './timer-store.js';

interface TimerRow {
  readonly instanceId: string;
  readonly dueAt: number;
  readonly deadline: string;
  readyAt: number;
  attempts: number;
  claimedBy: string | undefined;
  claimedUntil: number;
  firedAt: number | undefined;
  lastError: string | undefined;
}

interface InstanceRow {
  readonly program: { readonly id: string; readonly version: number };
  readonly start: StoredInstance['start'];
  version: number;
  events: EventRow[];
  /** Snapshots by seq, as JSON text. */
  snapshots: Map<number, string>;
  keys: Map<string, number>;
  /** The refusal log, oldest first, as JSON text. */
  refusals: string[];
}

/**
 * A store in memory, for tests and the browser: the same promises as the SQL stores (expected
 * versions, idempotency keys, atomic appends, claimed timers), and the same JSON text round trip,
 * so what works here works there. Nothing survives the process.
 *
 * @returns the store
 *
 * @example
 * ```ts
 * import { createManualClock, createRuntime, defineProgram } from '@maslul/core';
 * import { createMemoryStore } from '@maslul/store';
 *
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
 *   .build();
 * const runtime = createRuntime(program, {
 *   store: createMemoryStore(),
 *   clock: createManualClock('2027-01-04T09:00:00Z'),
 * });
 * await runtime.create('town-1', { start: '2027-01-04' });
 * ```
 * @category Stores
 */
export function createMemoryStore(): MaslulStore {
  const instances = new Map<string, InstanceRow>();
  const timers = new Map<string, TimerRow>();
  const timerKey = (instanceId: string, key: string) => `${instanceId}\u0000${key}`;

  const rowOf = (id: string): InstanceRow => {
    const row = instances.get(id);
    if (!row) throw unknownInstance(id);
    return row;
  };
  const addTimers = (id: string, deadlines: NewInstance['deadlines']) => {
    for (const deadline of deadlines) {
      const key = timerKey(id, deliveryKeyOf(deadline));
      if (timers.has(key)) continue;
      timers.set(key, {
        instanceId: id,
        dueAt: deadline.at,
        deadline: JSON.stringify(deadline),
        readyAt: deadline.at,
        attempts: 0,
        claimedBy: undefined,
        claimedUntil: 0,
        firedAt: undefined,
        lastError: undefined,
      });
    }
  };
  const stateOf = (row: TimerRow): TimerState => ({
    instanceId: row.instanceId,
    deadline: fromDeadlineText(row.deadline, ['timers', row.instanceId]),
    attempts: row.attempts,
    firedAt: row.firedAt,
    lastError: row.lastError,
  });
  const claimed = (timer: DueTimer, worker: string) => {
    const row = timers.get(timerKey(timer.instanceId, deliveryKeyOf(timer.deadline)));
    return row && row.claimedBy === worker && row.firedAt === undefined ? row : undefined;
  };

  return {
    async create(instance: NewInstance) {
      checkNew(instance);
      if (instances.has(instance.id)) throw instanceExists(instance.id);
      const snapshot = JSON.stringify(instance.snapshot);
      instances.set(instance.id, {
        program: { ...instance.program },
        start: instance.start,
        version: 0,
        events: [],
        snapshots: new Map([[0, snapshot]]),
        keys: new Map(),
        refusals: [],
      });
      addTimers(instance.id, instance.deadlines);
    },

    async load(id: string): Promise<StoredInstance | undefined> {
      checkId(id, ['id']);
      const row = instances.get(id);
      if (!row) return undefined;
      const last = Math.max(...row.snapshots.keys());
      const snapshot = fromSnapshotText(row.snapshots.get(last) as string, id, last);
      return {
        id,
        // The program version is the latest snapshot's: the definition the instance runs now.
        program: { id: row.program.id, version: snapshot.program.version },
        start: row.start,
        version: row.version,
        snapshot,
        events: row.events.filter((e) => e.seq > last).map((e) => fromEventRow(e, id)),
      };
    },

    async version(id: string) {
      checkId(id, ['id']);
      return instances.get(id)?.version;
    },

    async append(id: string, batch: AppendBatch) {
      checkBatch(id, batch);
      const row = rowOf(id);
      if (row.version !== batch.expectedVersion)
        throw conflict(id, batch.expectedVersion, row.version);
      const rows = batch.entries.map(toEventRow);
      if (rows.some((r) => r.idempotency_key !== null && row.keys.has(r.idempotency_key))) {
        throw conflict(id, batch.expectedVersion, undefined);
      }
      const snapshot = batch.snapshot === undefined ? undefined : JSON.stringify(batch.snapshot);
      // Everything is checked and serialised: now write it all.
      for (const r of rows) {
        row.events.push(r);
        if (r.idempotency_key !== null) row.keys.set(r.idempotency_key, r.seq);
      }
      row.version = batch.expectedVersion + rows.length;
      if (snapshot !== undefined) row.snapshots.set(row.version, snapshot);
      for (const deadline of batch.deadlines.removed) {
        const key = timerKey(id, deliveryKeyOf(deadline));
        const timer = timers.get(key);
        // A claimed timer is being delivered: it stays, to be marked fired.
        if (timer && timer.firedAt === undefined && timer.claimedBy === undefined)
          timers.delete(key);
      }
      addTimers(id, batch.deadlines.added);
    },

    async saveSnapshot(id: string, snapshot: InstanceSnapshot) {
      checkId(id, ['id']);
      const row = rowOf(id);
      if (snapshot?.seq !== row.version) throw conflict(id, snapshot?.seq, row.version);
      row.snapshots.set(row.version, JSON.stringify(snapshot));
    },

    async eventByKey(id: string, key: string): Promise<LogEntry | undefined> {
      checkId(id, ['id']);
      checkId(key, ['idempotencyKey']);
      const row = instances.get(id);
      const seq = row?.keys.get(key);
      const event = seq === undefined ? undefined : row?.events[seq - 1];
      return event && fromEventRow(event, id);
    },

    async events(id: string, after = 0) {
      checkId(id, ['id']);
      return (instances.get(id)?.events ?? [])
        .filter((e) => e.seq > after)
        .map((e) => fromEventRow(e, id));
    },

    async appendRefusal(id: string, refusal: RefusalRecord, keep: number) {
      const text = toRefusalText(id, refusal, keep);
      const row = rowOf(id);
      row.refusals.push(text);
      if (row.refusals.length > keep) row.refusals.splice(0, row.refusals.length - keep);
    },

    async refusals(id: string) {
      return (instances.get(id)?.refusals ?? []).map((text, n) => fromRefusalText(text, id, n));
    },

    async list(query: InstanceListQuery) {
      return listRows(instances, query);
    },

    async claimDue({ now, limit, worker, leaseUntil }) {
      const due = [...timers.values()]
        .filter(
          (t) =>
            t.firedAt === undefined &&
            t.readyAt <= now &&
            (t.claimedUntil <= now || t.claimedBy === worker),
        )
        .map((row) => ({ row, timer: stateOf(row) }))
        .sort((a, b) => a.row.readyAt - b.row.readyAt || timerOrder(a.timer, b.timer))
        .slice(0, limit);
      return due
        .map(({ row, timer }): DueTimer => {
          row.claimedBy = worker;
          row.claimedUntil = leaseUntil;
          const { firedAt: _, lastError: __, ...claimed } = timer;
          return claimed;
        })
        .sort(timerOrder);
    },

    async complete(timer, worker, now) {
      const row = claimed(timer, worker);
      if (!row) return false;
      row.firedAt = now;
      row.attempts += 1;
      row.claimedBy = undefined;
      return true;
    },

    async fail(timer, worker, retryAt, error) {
      const row = claimed(timer, worker);
      if (!row) return;
      row.attempts += 1;
      row.readyAt = retryAt;
      row.claimedBy = undefined;
      row.claimedUntil = 0;
      row.lastError = error;
    },

    async nextDue() {
      let next: number | undefined;
      for (const t of timers.values()) {
        const ready = Math.max(t.readyAt, t.claimedUntil);
        if (t.firedAt === undefined && (next === undefined || ready < next)) next = ready;
      }
      return next;
    },

    async timers(instanceId) {
      if (instanceId !== undefined) checkId(instanceId, ['instanceId']);
      return [...timers.values()]
        .filter((t) => instanceId === undefined || t.instanceId === instanceId)
        .map(stateOf)
        .sort(timerOrder);
    },

    async close() {
      instances.clear();
      timers.clear();
    },
  };
}
