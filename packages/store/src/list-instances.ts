// Listing stored instances (InstanceStore.list): one query check and one order for every store,
// so a page means the same in memory, on PGlite and on PostgreSQL.
import { checkId, type InstanceListQuery, type InstanceRef } from '@maslul/core';
import { storeError } from './errors.js';
import { fromSnapshotText } from './records.js';
import type { SqlClient } from './sql/client.js';
import { versionSql } from './sql/version-sql.js';

/** The most a store lists at once. */
const MAX_LIMIT = 1000;

/** Checks a list query before anything is read. */
export function checkListQuery(query: InstanceListQuery): void {
  const limit = query?.limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw storeError(
      'invalid-option',
      'store.list-limit',
      ['limit'],
      `A list of instances takes a limit, a whole number from 1 to ${MAX_LIMIT}, not ${JSON.stringify(limit)}.`,
    );
  }
  if (query.program !== undefined) checkId(query.program, ['program']);
  if (query.after !== undefined) checkId(query.after, ['after']);
}

/**
 * Code point order, what PostgreSQL's `COLLATE "C"` gives for UTF-8 text. (`<` on strings
 * compares UTF-16 code units, which puts U+E000..U+FFFF after the astral planes.)
 */
export function compareIds(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** What the memory store keeps of an instance that a list shows. */
export interface ListedRow {
  readonly program: { readonly id: string };
  readonly start: InstanceRef['start'];
  readonly version: number;
  /** Snapshots by seq, as JSON text. */
  readonly snapshots: ReadonlyMap<number, string>;
}

/** The program version of the latest snapshot, as load gives it. */
function programVersion(id: string, row: ListedRow): number {
  const last = Math.max(...row.snapshots.keys());
  return fromSnapshotText(row.snapshots.get(last) as string, id, last).program.version;
}

/** A page of the memory store's instances. */
export function listRows(
  rows: ReadonlyMap<string, ListedRow>,
  query: InstanceListQuery,
): readonly InstanceRef[] {
  checkListQuery(query);
  const { program, after, limit } = query;
  return [...rows.entries()]
    .filter(
      ([id, row]) =>
        (program === undefined || row.program.id === program) &&
        (after === undefined || compareIds(id, after) > 0),
    )
    .sort(([a], [b]) => compareIds(a, b))
    .slice(0, limit)
    .map(([id, row]) => ({
      id,
      program: { id: row.program.id, version: programVersion(id, row) },
      start: row.start,
      version: row.version,
    }));
}

/** A page of a SQL store's instances (`s` is the quoted schema). */
export async function listSql(
  client: SqlClient,
  s: string,
  query: InstanceListQuery,
): Promise<readonly InstanceRef[]> {
  checkListQuery(query);
  const { rows } = await client.query<{
    id: string;
    program_id: string;
    program_version: number | string | null;
    start_date: string;
    version: number | string;
  }>(
    // The program version is the latest snapshot's, as load gives it.
    `SELECT i.id, i.program_id, sn.program_version, i.start_date, ${versionSql(s, 'i.id')} AS version
       FROM ${s}.instances i
       LEFT JOIN LATERAL (
         SELECT program_version FROM ${s}.snapshots
          WHERE instance_id = i.id ORDER BY seq DESC LIMIT 1
       ) sn ON true
      WHERE ($1::text IS NULL OR i.program_id = $1)
        AND ($2::text IS NULL OR i.id COLLATE "C" > $2::text COLLATE "C")
      ORDER BY i.id COLLATE "C"
      LIMIT $3`,
    [query.program ?? null, query.after ?? null, query.limit],
  );
  return rows.map((row) => ({
    id: row.id,
    program: { id: row.program_id, version: Number(row.program_version) },
    start: row.start_date as InstanceRef['start'],
    version: Number(row.version),
  }));
}
