// Values written into SQL text, for the one statement that is sent as text without parameters:
// an append (sql-store.ts). On PGlite a statement with parameters is six calls into the database
// (parse, describe, bind, describe, execute, sync) and one without is two (query, sync): most of
// an append's time. Strings are escape-string constants, E'...', which mean the same whatever
// standard_conforming_strings says: every backslash and quote in the value is escaped.

/** A value as an SQL constant: a string, a safe integer, null, or an array of those. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') {
    return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(`${value} is not a whole number an SQL constant can hold exactly.`);
    }
    // In parentheses when negative: a cast binds tighter than a minus, so `-2147483648::integer`
    // would cast 2147483648 (out of range) and then negate it.
    return value < 0 ? `(${value})` : String(value);
  }
  if (Array.isArray(value)) return `ARRAY[${value.map(sqlLiteral).join(', ')}]`;
  throw new TypeError(`A ${typeof value} cannot be written as an SQL constant here.`);
}
