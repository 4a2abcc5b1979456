import { type Issue, MaslulError } from '@maslul/timing';

/** The longest id, in UTF-16 code units (what `String.length` counts). */
const MAX_LENGTH = 200;

/** A surrogate half with no partner: not Unicode text; the SQL stores would store U+FFFD for it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 and C1 control characters, NUL among them (PostgreSQL's text cannot hold NUL). */
const CONTROL = /\p{Cc}/u;

/**
 * Why a value is not an id, or undefined when it is one. An id (an instance id, an item id, an
 * idempotency key) is a string of 1 to 200 characters of well-formed Unicode, with no control
 * characters (NUL among them): the one rule every store and the HTTP API keep, so an id means
 * the same instance everywhere and never breaks a store.
 *
 * @param value - the id to check
 * @param path - the path of the field that holds it, e.g. `['idempotencyKey']`
 * @returns the issue (`invalid-id`, naming the field), or undefined when the id is well-formed
 *
 * @example
 * ```ts
 * import { idIssue } from '@maslul/core';
 *
 * idIssue('ramat-hateenim', ['id']); // undefined
 * idIssue('a\u0000b', ['id'])?.message; // 'The id "a\u0000b" ... holds a control character ...'
 * ```
 * @category Runtime
 */
export function idIssue(value: unknown, path: readonly (string | number)[]): Issue | undefined {
  const problem =
    typeof value !== 'string'
      ? 'is not a string'
      : value.length === 0
        ? 'is empty'
        : value.length > MAX_LENGTH
          ? `is ${value.length} characters long`
          : LONE_SURROGATE.test(value)
            ? 'holds half of a surrogate pair (it is not well-formed Unicode)'
            : CONTROL.test(value)
              ? 'holds a control character (such as NUL or a line break)'
              : undefined;
  if (problem === undefined) return undefined;
  const field = path.length > 0 ? path.join('.') : 'id';
  // JSON escapes NUL, C0 controls and lone surrogates; C1 controls are escaped here.
  const shown =
    typeof value === 'string'
      ? JSON.stringify(value.slice(0, 60)).replace(
          /\p{Cc}/gu,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        )
      : String(value);
  return {
    code: 'invalid-id',
    path,
    rule: 'core.id-text',
    message: `The ${field} ${shown}${typeof value === 'string' && value.length > 60 ? '...' : ''} ${problem}: give 1 to ${MAX_LENGTH} characters of text without control characters.`,
  };
}

/**
 * Throws `invalid-id` unless `value` is an id (the rule of {@link idIssue}): what every store
 * and the runtime call on an id before they read or write anything with it.
 *
 * @param value - the id to check
 * @param path - the path of the field that holds it, e.g. `['idempotencyKey']`
 * @returns nothing: after it returns, `value` is known to be a string id
 * @throws MaslulError with the `invalid-id` issue naming the field
 *
 * @example
 * ```ts
 * import { checkId } from '@maslul/core';
 *
 * const id: unknown = 'ramat-hateenim';
 * checkId(id, ['id']);
 * id.toUpperCase(); // a string from here on
 * ```
 * @category Runtime
 */
export function checkId(
  value: unknown,
  path: readonly (string | number)[],
): asserts value is string {
  const issue = idIssue(value, path);
  if (issue) throw new MaslulError([issue]);
}
