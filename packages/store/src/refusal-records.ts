// How refusal-log records become stored text and back, checked like every other row.
import type { RefusalRecord } from '@maslul/core';
import * as z from 'zod';
import { corrupt, storeError } from './errors.js';

const refusalSchema = z.object({
  at: z.string(),
  actor: z.object({ id: z.string(), roles: z.array(z.string()) }),
  type: z.string(),
  item: z.string().optional(),
  code: z.string(),
  rule: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  idempotencyKey: z.string().optional(),
});

/** A refusal record as stored text; `invalid-batch` when it is not one (nothing is written). */
export function toRefusalText(id: string, refusal: RefusalRecord, keep: number): string {
  if (!Number.isInteger(keep) || keep < 1) {
    throw storeError(
      'invalid-option',
      'store.refusal-keep',
      ['keep'],
      `The refusal log of "${id}" keeps ${JSON.stringify(keep)} records; give a whole number of at least 1.`,
    );
  }
  if (!refusalSchema.safeParse(refusal).success) {
    throw storeError(
      'invalid-batch',
      'store.refusal-record',
      ['refusal'],
      `The refusal given for "${id}" is not a refusal record (at, actor, type, code, rule, path, message); nothing was written.`,
    );
  }
  return JSON.stringify(refusal);
}

/** A stored refusal record, parsed and checked; `corrupt-record` when it does not parse. */
export function fromRefusalText(text: string, id: string, n: number): RefusalRecord {
  const path = ['refusals', id, n];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corrupt(
      path,
      `The stored refusal at ${path.join('.')} does not parse (${(error as Error).message}); it was left as it is.`,
    );
  }
  const parsed = refusalSchema.safeParse(value);
  if (!parsed.success) {
    throw corrupt(
      path,
      `The stored refusal at ${path.join('.')} is not valid: ${parsed.error.issues[0]?.message}; it was left as it is.`,
    );
  }
  return parsed.data as RefusalRecord;
}
