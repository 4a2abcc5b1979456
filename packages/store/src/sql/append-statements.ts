// The statements an append is sent as, apart from the store (sql-store.ts) so that the tests of
// later migrations can write with them as an older store did: one INSERT for the one event of
// most appends, and the append_events function for the others.
import type { AppendBatch } from '@maslul/core';
import { type EventRow, toEventRow } from '../records.js';
import { sqlLiteral } from './literal.js';

/** The SQL types of `append_events`'s arguments: they name its one signature. */
const APPEND_TYPES = [
  'text',
  'int',
  'int',
  'text',
  'int[]',
  ...Array.from({ length: 8 }, () => 'text[]'),
  'text[]',
  'bigint[]',
  'text[]',
  'bigint[]',
  'text[]',
];

/** The arguments of `append_events` for `batch`, in its order; the batch is checked before. */
export function appendArguments(id: string, batch: AppendBatch): unknown[] {
  const rows = batch.entries.map(toEventRow);
  const { added, removed } = batch.deadlines;
  const column = <K extends keyof EventRow>(key: K) => rows.map((row) => row[key]);
  return [
    id,
    batch.expectedVersion,
    batch.snapshot?.program.version ?? null,
    batch.snapshot === undefined ? null : JSON.stringify(batch.snapshot),
    column('seq'),
    column('type'),
    column('at'),
    column('date'),
    column('actor'),
    column('payload'),
    column('item'),
    column('idempotency_key'),
    column('trace'),
    removed.map((d) => d.id),
    removed.map((d) => d.at),
    added.map((d) => d.id),
    added.map((d) => d.at),
    added.map((d) => JSON.stringify(d)),
  ];
}

/**
 * The call of `append_events` in schema `s` (quoted) with `args`: with parameters, or as SQL text
 * with the values written in (`asText`). On PGlite the text is one message to the database
 * instead of a parse, a describe, a bind and an execute (./literal.ts says why, and how the values
 * are escaped). A PostgreSQL server takes the parameters in one round trip anyway, and measured
 * slower with the text.
 */
export function appendCall(
  s: string,
  args: readonly unknown[],
  asText: boolean,
): { readonly text: string; readonly params: readonly unknown[] | undefined } {
  const values = asText
    ? args.map((arg, i) => `${sqlLiteral(arg)}::${APPEND_TYPES[i]}`)
    : APPEND_TYPES.map((type, i) => `$${i + 1}::${type}`);
  const text = `SELECT ${s}.append_events(${values.join(', ')}) AS written`;
  return { text, params: asText ? undefined : args };
}

/**
 * Whether an append is one event and nothing else (no snapshot, no timer change): what the
 * runtime hands the store for most events, sent as {@link appendEventText}.
 */
export function isLoneEvent(batch: AppendBatch): boolean {
  const { added, removed } = batch.deadlines;
  return (
    batch.entries.length === 1 &&
    batch.snapshot === undefined &&
    added.length === 0 &&
    removed.length === 0
  );
}

/**
 * The INSERT of a lone event into schema `s` (quoted), kept prepared by the connection: planned
 * once, where the function's statements ran an executor of their own each (most of an append's
 * cost over a plain INSERT). It writes the event only if event #expected is stored (version 0
 * needs none); the primary key refuses the event when another writer stored its seq first, and
 * the foreign key an unknown instance (migration 0005). Its parameters are
 * {@link appendEventArguments}.
 */
export function appendEventText(s: string): string {
  return `INSERT INTO ${s}.events (instance_id, seq, type, at, date, actor, payload, item, idempotency_key, trace)
    SELECT $1::text, $3::integer, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::text, $11::text
     WHERE $2::integer = 0
        OR EXISTS (SELECT FROM ${s}.events WHERE instance_id = $1::text AND seq = $2::integer)`;
}

/** The parameters of {@link appendEventText} for a lone event (see {@link isLoneEvent}). */
export function appendEventArguments(id: string, batch: AppendBatch): unknown[] {
  const row = toEventRow(batch.entries[0] as AppendBatch['entries'][number]);
  return [
    id,
    batch.expectedVersion,
    row.seq,
    row.type,
    row.at,
    row.date,
    row.actor,
    row.payload,
    row.item,
    row.idempotency_key,
    row.trace,
  ];
}
