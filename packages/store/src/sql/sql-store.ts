import {
  type AppendBatch,
  checkId,
  type InstanceListQuery,
  type InstanceSnapshot,
  type NewInstance,
  type RefusalRecord,
  type StoredInstance,
} from '@maslul/core';
import { conflict, corrupt, instanceExists, unknownInstance } from '../errors.js';
import { listSql } from '../list-instances.js';
import {
  checkBatch,
  checkNew,
  type EventRow,
  fromDeadlineText,
  fromEventRow,
  fromSnapshotText,
} from '../records.js';
import { fromRefusalText, toRefusalText } from '../refusal-records.js';
import { timerOrder } from '../timer-order.js';
import type { DueTimer, MaslulStore, TimerState } from '../timer-store.js';
import {
  appendArguments,
  appendCall,
  appendEventArguments,
  appendEventText,
  isLoneEvent,
} from './append-statements.js';
import type { SqlClient } from './client.js';
import { migrate, quoteSchema } from './migrate.js';
import { versionSql } from './version-sql.js';

const EVENT_COLUMNS = 'seq, type, at, date, actor, payload, item, idempotency_key, trace';
/** The same columns as the pairs of a JSON object (`json_build_object`) of an event row `e`. */
const EVENT_JSON = EVENT_COLUMNS.split(', ')
  .map((column) => `'${column}', e.${column}`)
  .join(', ');

/** PostgreSQL's unique_violation: another writer stored the same seq or idempotency key. */
const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === '23505';

interface TimerRow {
  instance_id: string;
  deadline: string;
  attempts: number | string;
  fired_at?: number | string | null;
  last_error?: string | null;
}

/**
 * A store on any PostgreSQL reached through a {@link SqlClient}: the one SQL implementation
 * behind the PGlite and PostgreSQL stores. Runs the migrations first (once, under an advisory
 * lock, when several processes start together).
 *
 * Each append is one SQL statement, sent as one message: the version check, the events, the
 * snapshot and the timer changes commit together or not at all. An append of one event and
 * nothing else (most of a runtime's) is an INSERT the connection keeps prepared, when the client
 * has `prepared`; the others are a call of the `append_events` function.
 *
 * @param client - the driver
 * @param options - `schema` (default `"maslul"`), whether `close` also closes the client, and
 *   whether the `append_events` call is sent as SQL text with its values written in
 *   (`appendAsText`, default false: with parameters; on PGlite one message instead of six, see
 *   `createPGliteStore`)
 * @returns the store, migrated
 * @throws MaslulError `invalid-option` for a bad schema name, `schema-too-new`
 *
 * @example
 * ```ts
 * import { createSqlStore, type SqlClient } from '@maslul/store';
 *
 * declare const client: SqlClient; // an adapter over your driver
 * const store = await createSqlStore(client, { schema: 'maslul' });
 * ```
 * @category SQL
 */
export async function createSqlStore(
  client: SqlClient,
  options: {
    readonly schema?: string | undefined;
    readonly closeClient?: boolean | undefined;
    readonly appendAsText?: boolean | undefined;
  } = {},
): Promise<MaslulStore> {
  const schemaName = options.schema ?? 'maslul';
  const s = quoteSchema(schemaName);
  await migrate(client, schemaName);

  /**
   * A read the connection keeps prepared when it can (`db`'s, or a transaction's): each of these
   * is parsed and planned once per connection, where a query with parameters is each time (on
   * PGlite, a third of a load's time). Its text types its parameters (`$1::text`).
   */
  const read = <Row>(text: string, params: readonly unknown[], db: SqlClient = client) =>
    db.prepared ? db.prepared<Row>(text, params) : db.query<Row>(text, params);

  const versionOf = async (db: SqlClient, id: string): Promise<number | undefined> => {
    const { rows } = await read<{ version: number }>(
      `SELECT ${versionSql(s, 'i.id')} AS version FROM ${s}.instances i WHERE i.id = $1::text`,
      [id],
      db,
    );
    return rows[0] === undefined ? undefined : Number(rows[0].version);
  };

  /**
   * Why an append wrote nothing, as the error to throw: the statement's own error unless it is
   * one the store names. A unique violation is another writer's event at the next seq (the
   * instance moved: a conflict naming its version) or an idempotency key stored before (it did
   * not move); a foreign key violation, an unknown instance appended at version 0.
   */
  const refusedAppend = async (id: string, expected: number, error: unknown): Promise<unknown> => {
    const code = (error as { code?: unknown } | null)?.code;
    if (error !== undefined && code !== '23505' && code !== '23503') return error;
    const actual = code === '23503' ? undefined : await versionOf(client, id);
    if (actual === undefined) return unknownInstance(id);
    return conflict(id, expected, code === '23505' && actual === expected ? undefined : actual);
  };

  const eventsAfter = async (id: string, after: number) => {
    const { rows } = await read<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE instance_id = $1::text AND seq > $2::integer ORDER BY seq`,
      [id, after],
    );
    return rows.map((row) => fromEventRow(row, id));
  };

  const appendEvent = appendEventText(s);

  const timerOf = (row: TimerRow): DueTimer => ({
    instanceId: row.instance_id,
    deadline: fromDeadlineText(row.deadline, ['timers', row.instance_id]),
    attempts: Number(row.attempts),
  });

  return {
    async create(instance: NewInstance) {
      checkNew(instance);
      const body = JSON.stringify(instance.snapshot);
      try {
        await client.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO ${s}.instances (id, program_id, program_version, start_date) VALUES ($1, $2, $3, $4)`,
            [instance.id, instance.program.id, instance.program.version, instance.start],
          );
          await tx.query(
            `INSERT INTO ${s}.snapshots (instance_id, seq, program_version, body) VALUES ($1, 0, $2, $3)`,
            [instance.id, instance.program.version, body],
          );
          await tx.query(
            `INSERT INTO ${s}.timers (instance_id, deadline_id, due_at, deadline, ready_at)
             SELECT $1, d.id, d.at, d.body, d.at FROM unnest($2::text[], $3::bigint[], $4::text[]) AS d(id, at, body)`,
            [
              instance.id,
              instance.deadlines.map((d) => d.id),
              instance.deadlines.map((d) => d.at),
              instance.deadlines.map((d) => JSON.stringify(d)),
            ],
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw instanceExists(instance.id);
        throw error;
      }
    },

    async load(id: string): Promise<StoredInstance | undefined> {
      checkId(id, ['id']);
      const { rows } = await read<{
        program_id: string;
        program_version: number | null;
        start_date: string;
        seq: number | null;
        body: string | null;
        events: EventRow[] | string | null;
      }>(
        // The program version is the latest snapshot's: the definition the instance runs now.
        // The events after the snapshot come in the same statement (one round trip), each as
        // the row `events()` reads: one statement sees one state, so none is missed between two.
        `SELECT i.program_id, sn.program_version, i.start_date, sn.seq, sn.body,
           (SELECT json_agg(json_build_object(${EVENT_JSON}) ORDER BY e.seq)
              FROM ${s}.events e WHERE e.instance_id = i.id AND e.seq > sn.seq) AS events
         FROM ${s}.instances i
         LEFT JOIN LATERAL (
           SELECT seq, program_version, body FROM ${s}.snapshots
           WHERE instance_id = i.id ORDER BY seq DESC LIMIT 1
         ) sn ON true
         WHERE i.id = $1::text`,
        [id],
      );
      const row = rows[0];
      if (!row) return undefined;
      if (row.seq === null || row.body === null) {
        throw corrupt(
          ['snapshots', id],
          `Instance "${id}" has no stored snapshot; it was left as it is.`,
        );
      }
      const seq = Number(row.seq);
      const snapshot = fromSnapshotText(row.body, id, seq);
      const rowsAfter = typeof row.events === 'string' ? JSON.parse(row.events) : row.events;
      const events = ((rowsAfter ?? []) as EventRow[]).map((event) => fromEventRow(event, id));
      events.forEach((event, index) => {
        if (event.seq !== seq + index + 1) {
          throw corrupt(
            ['events', id, event.seq],
            `Instance "${id}" is missing event #${seq + index + 1}; it was left as it is.`,
          );
        }
      });
      return {
        id,
        program: { id: row.program_id, version: Number(row.program_version) },
        start: row.start_date as StoredInstance['start'],
        version: seq + events.length,
        snapshot,
        events,
      };
    },

    async version(id: string) {
      checkId(id, ['id']);
      return versionOf(client, id);
    },

    async append(id: string, batch: AppendBatch) {
      checkBatch(id, batch);
      if (isLoneEvent(batch)) {
        const params = appendEventArguments(id, batch);
        let affected: number;
        try {
          ({ affected } = client.prepared
            ? await client.prepared(appendEvent, params)
            : await client.query(appendEvent, params));
        } catch (error) {
          throw await refusedAppend(id, batch.expectedVersion, error);
        }
        if (affected !== 1) throw await refusedAppend(id, batch.expectedVersion, undefined);
        return;
      }
      const call = appendCall(s, appendArguments(id, batch), options.appendAsText === true);
      let written: boolean;
      try {
        const { rows: result } = await client.query<{ written: boolean }>(call.text, call.params);
        written = result[0]?.written === true;
      } catch (error) {
        throw await refusedAppend(id, batch.expectedVersion, error);
      }
      // Nothing inserted: event #expected is not stored (the instance is behind it, or unknown).
      if (!written) throw await refusedAppend(id, batch.expectedVersion, undefined);
    },

    async saveSnapshot(id: string, snapshot: InstanceSnapshot) {
      checkId(id, ['id']);
      const body = JSON.stringify(snapshot);
      const { rows } = await client.query<{ n: number }>(
        `WITH at AS (SELECT i.id FROM ${s}.instances i WHERE i.id = $1 AND ${versionSql(s, 'i.id')} = $2),
         saved AS (
           INSERT INTO ${s}.snapshots (instance_id, seq, program_version, body)
           SELECT id, $2, $3, $4 FROM at
           ON CONFLICT (instance_id, seq) DO UPDATE SET body = EXCLUDED.body, program_version = EXCLUDED.program_version
         ),
         moved AS (UPDATE ${s}.instances SET program_version = $3 WHERE id IN (SELECT id FROM at))
         SELECT count(*)::int AS n FROM at`,
        [id, snapshot?.seq, snapshot?.program?.version, body],
      );
      if (Number(rows[0]?.n ?? 0) === 0) {
        const actual = await versionOf(client, id);
        if (actual === undefined) throw unknownInstance(id);
        throw conflict(id, snapshot?.seq, actual);
      }
    },

    async eventByKey(id: string, key: string) {
      checkId(id, ['id']);
      checkId(key, ['idempotencyKey']);
      const { rows } = await client.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE instance_id = $1 AND idempotency_key = $2`,
        [id, key],
      );
      return rows[0] && fromEventRow(rows[0], id);
    },

    async events(id: string, after?: number) {
      checkId(id, ['id']);
      return eventsAfter(id, after ?? 0);
    },

    async appendRefusal(id: string, refusal: RefusalRecord, keep: number) {
      const body = toRefusalText(id, refusal, keep);
      try {
        await client.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${s}.refusals (instance_id, at, body) VALUES ($1, $2, $3)`, [
            id,
            refusal.at,
            body,
          ]);
          await tx.query(
            `DELETE FROM ${s}.refusals WHERE instance_id = $1 AND n NOT IN (
               SELECT n FROM ${s}.refusals WHERE instance_id = $1 ORDER BY n DESC LIMIT $2
             )`,
            [id, keep],
          );
        });
      } catch (error) {
        // foreign_key_violation: there is no such instance.
        if ((error as { code?: unknown } | null)?.code === '23503') throw unknownInstance(id);
        throw error;
      }
    },

    async refusals(id: string) {
      const { rows } = await client.query<{ n: number | string; body: string }>(
        `SELECT n, body FROM ${s}.refusals WHERE instance_id = $1 ORDER BY n`,
        [id],
      );
      return rows.map((row) => fromRefusalText(row.body, id, Number(row.n)));
    },

    async list(query: InstanceListQuery) {
      return listSql(client, s, query);
    },

    async claimDue({ now, limit, worker, leaseUntil }) {
      // SKIP LOCKED: a worker passes over rows another worker is claiming at this moment, and
      // the re-check of the WHERE clause on a locked row sees a claim committed meanwhile. A
      // worker takes back its own claims at once: it is a restart of a worker that died.
      const { rows } = await client.query<TimerRow>(
        `UPDATE ${s}.timers t SET claimed_by = $3, claimed_until = $4
         FROM (
           SELECT instance_id, deadline_id, due_at FROM ${s}.timers
           WHERE fired_at IS NULL AND ready_at <= $1 AND (claimed_until <= $1 OR claimed_by = $3)
           ORDER BY ready_at, due_at, instance_id COLLATE "C", deadline_id COLLATE "C" LIMIT $2
           FOR UPDATE SKIP LOCKED
         ) d
         WHERE t.instance_id = d.instance_id AND t.deadline_id = d.deadline_id AND t.due_at = d.due_at
         RETURNING t.instance_id, t.deadline, t.attempts, t.ready_at`,
        [now, limit, worker, leaseUntil],
      );
      return rows.map(timerOf).sort(timerOrder);
    },

    async complete(timer: DueTimer, worker: string, now: number) {
      const { affected } = await client.query(
        `UPDATE ${s}.timers SET fired_at = $5, attempts = attempts + 1, claimed_by = NULL
         WHERE instance_id = $1 AND deadline_id = $2 AND due_at = $3 AND claimed_by = $4 AND fired_at IS NULL`,
        [timer.instanceId, timer.deadline.id, timer.deadline.at, worker, now],
      );
      return affected > 0;
    },

    async fail(timer: DueTimer, worker: string, retryAt: number, error: string) {
      await client.query(
        `UPDATE ${s}.timers SET attempts = attempts + 1, ready_at = $5, claimed_by = NULL, claimed_until = 0, last_error = $6
         WHERE instance_id = $1 AND deadline_id = $2 AND due_at = $3 AND claimed_by = $4 AND fired_at IS NULL`,
        [timer.instanceId, timer.deadline.id, timer.deadline.at, worker, retryAt, error],
      );
    },

    async nextDue() {
      const { rows } = await client.query<{ next: number | string | null }>(
        `SELECT min(GREATEST(ready_at, claimed_until)) AS next FROM ${s}.timers WHERE fired_at IS NULL`,
      );
      const next = rows[0]?.next;
      return next === null || next === undefined ? undefined : Number(next);
    },

    async timers(instanceId?: string) {
      if (instanceId !== undefined) checkId(instanceId, ['instanceId']);
      const { rows } = await client.query<TimerRow>(
        `SELECT instance_id, deadline, attempts, fired_at, last_error FROM ${s}.timers
         WHERE $1::text IS NULL OR instance_id = $1
         ORDER BY due_at, instance_id COLLATE "C", deadline_id COLLATE "C"`,
        [instanceId ?? null],
      );
      return rows.map(
        (row): TimerState => ({
          ...timerOf(row),
          firedAt:
            row.fired_at === null || row.fired_at === undefined ? undefined : Number(row.fired_at),
          lastError: row.last_error ?? undefined,
        }),
      );
    },

    async close() {
      if (options.closeClient) await client.close();
    },
  };
}
