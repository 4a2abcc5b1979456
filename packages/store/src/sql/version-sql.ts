// How the SQL stores read an instance's version since migration 0005: from its events.

/**
 * An instance's version in SQL: the seq of its last event, 0 before the first (migration 0005).
 * Read backwards on the events' primary key, one index entry. `s` is the quoted schema and
 * `id` an SQL expression of the instance's id.
 */
export function versionSql(s: string, id: string): string {
  return `COALESCE((SELECT max(seq) FROM ${s}.events WHERE instance_id = ${id}), 0)`;
}
