// How entries, snapshots and deadlines become stored text and back. Everything read back is
// parsed and checked: a row that does not parse is a `corrupt-record` error naming the row and
// field, never a half-loaded instance.
import {
  type AppendBatch,
  checkId,
  type Deadline,
  deadlineKey,
  type InstanceSnapshot,
  type LogEntry,
  type NewInstance,
} from '@maslul/core';
import * as z from 'zod';
import { corrupt, storeError } from './errors.js';

/** One event as a row: its JSON fields as text, written exactly as given. */
export interface EventRow {
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  readonly date: string;
  readonly actor: string;
  readonly payload: string | null;
  readonly item: string | null;
  readonly idempotency_key: string | null;
  readonly trace: string;
}

const actorSchema = z.object({ id: z.string(), roles: z.array(z.string()) });
const traceSchema = z.array(
  z.object({ rule: z.string(), step: z.string(), passed: z.boolean(), reason: z.string() }),
);
const snapshotSchema = z.looseObject({
  program: z.object({ id: z.string(), version: z.number().int() }),
  start: z.string(),
  seq: z.number().int().min(0),
  machine: z.looseObject({ value: z.unknown(), context: z.record(z.string(), z.unknown()) }),
  keys: z.record(z.string(), z.number().int()),
});
const deadlineSchema = z.object({
  id: z.string(),
  step: z.string(),
  kind: z.enum(['opens', 'due', 'overdue']),
  date: z.string(),
  at: z.number(),
  act: z.object({ type: z.string(), item: z.string().optional() }).optional(),
});

function json(text: string, path: readonly (string | number)[]): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw corrupt(
      path,
      `The stored JSON at ${path.join('.')} does not parse (${(error as Error).message}); it was left as it is.`,
    );
  }
}

function checked<T>(schema: z.ZodType<T>, value: unknown, path: readonly (string | number)[]): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const where = [...path, ...(issue?.path ?? []).map(String)];
    throw corrupt(
      where,
      `The stored record at ${where.join('.')} is not valid: ${issue?.message ?? 'unknown problem'}; it was left as it is.`,
    );
  }
  return parsed.data;
}

export function toEventRow(entry: LogEntry): EventRow {
  return {
    seq: entry.seq,
    type: entry.type,
    at: entry.at,
    date: entry.date,
    actor: JSON.stringify(entry.actor),
    payload: entry.payload === undefined ? null : JSON.stringify(entry.payload),
    item: entry.item ?? null,
    idempotency_key: entry.idempotencyKey ?? null,
    trace: JSON.stringify(entry.trace),
  };
}

export function fromEventRow(row: EventRow, instance: string): LogEntry {
  const path = ['events', instance, Number(row.seq)];
  const seq = Number(row.seq);
  if (!Number.isInteger(seq) || typeof row.type !== 'string' || typeof row.at !== 'string') {
    throw corrupt(path, `Stored event ${path.join('.')} lacks its seq, type or instant.`);
  }
  const entry: LogEntry = {
    seq,
    type: row.type,
    payload: row.payload === null ? undefined : json(row.payload, [...path, 'payload']),
    at: row.at,
    date: row.date as LogEntry['date'],
    actor: checked(actorSchema, json(row.actor, [...path, 'actor']), [...path, 'actor']),
    idempotencyKey: row.idempotency_key ?? undefined,
    trace: checked(traceSchema, json(row.trace, [...path, 'trace']), [...path, 'trace']),
    ...(row.item !== null ? { item: row.item } : {}),
  };
  return entry;
}

export function fromSnapshotText(text: string, instance: string, seq: number): InstanceSnapshot {
  const path = ['snapshots', instance, seq];
  return checked(snapshotSchema, json(text, path), path) as unknown as InstanceSnapshot;
}

export function fromDeadlineText(text: string, path: readonly (string | number)[]): Deadline {
  return checked(deadlineSchema, json(text, path), path) as Deadline;
}

const badBatch = (path: readonly (string | number)[], message: string) =>
  storeError('invalid-batch', 'store.batch', path, message);

/** Checks a batch before anything is written: ids and keys, seqs in order from the expected version, a snapshot at its end. */
export function checkBatch(id: string, batch: AppendBatch): void {
  checkId(id, ['id']);
  if (!Number.isInteger(batch?.expectedVersion) || batch.expectedVersion < 0) {
    throw badBatch(
      ['expectedVersion'],
      `The expected version of an append to "${id}" must be a whole number of at least 0, not ${JSON.stringify(batch?.expectedVersion)}.`,
    );
  }
  if (!Array.isArray(batch.entries) || batch.entries.length === 0) {
    throw badBatch(['entries'], `An append to "${id}" needs at least one entry.`);
  }
  batch.entries.forEach((entry, index) => {
    if (entry?.idempotencyKey !== undefined) {
      checkId(entry.idempotencyKey, ['entries', index, 'idempotencyKey']);
    }
    if (entry?.item !== undefined) checkId(entry.item, ['entries', index, 'item']);
    if (entry?.seq !== batch.expectedVersion + index + 1) {
      throw badBatch(
        ['entries', index, 'seq'],
        `Entry ${index} of an append to "${id}" has seq ${JSON.stringify(entry?.seq)}; after version ${batch.expectedVersion} it must be ${batch.expectedVersion + index + 1}.`,
      );
    }
  });
  const last = batch.expectedVersion + batch.entries.length;
  if (batch.snapshot !== undefined && batch.snapshot.seq !== last) {
    throw badBatch(
      ['snapshot', 'seq'],
      `The snapshot of an append to "${id}" is at seq ${batch.snapshot.seq}; it must cover the batch (seq ${last}).`,
    );
  }
}

/** Checks a new instance before it is written. */
export function checkNew(instance: NewInstance): void {
  checkId(instance?.id, ['id']);
  if (instance?.snapshot?.seq !== 0) {
    throw storeError(
      'invalid-batch',
      'store.batch',
      ['snapshot', 'seq'],
      `The first snapshot of "${instance?.id}" must be at seq 0.`,
    );
  }
}

/** A deadline's delivery key: a deadline fires once per key. */
export const deliveryKeyOf: (deadline: Deadline) => string = deadlineKey;
