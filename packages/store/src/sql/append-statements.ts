// The statements an append is sent as, apart from the store (sql-store.ts) so that the tests of
// later migrations can write with them as an older store did.
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
