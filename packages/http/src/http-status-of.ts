/**
 * The HTTP status of each error code the app answers with. Refusals of a well-formed event the
 * program cannot take as things stand (`rule-failed`, `not-now`, `waiting`, `future-event`) are 422:
 * sending the same request again will not help until the instance moves on or the content
 * changes. 409 is kept for writes that lost a race or collide with what is stored
 * (`version-conflict`, `instance-exists`, `already-applied`): read again, then retry.
 */
const STATUS: { readonly [code: string]: number } = {
  // The request is malformed or names nothing the program knows.
  'invalid-request': 400,
  'malformed-json': 400,
  'invalid-payload': 400,
  'invalid-instant': 400,
  'unknown-event': 400,
  'unknown-item': 400,
  'invalid-actor': 400,
  'invalid-instance-id': 400,
  unauthenticated: 401,
  forbidden: 403,
  'unknown-instance': 404,
  'not-found': 404,
  'method-not-allowed': 405,
  'version-conflict': 409,
  'instance-exists': 409,
  'already-applied': 409,
  'body-too-large': 413,
  'unsupported-media-type': 415,
  'rule-failed': 422,
  'not-now': 422,
  waiting: 422,
  'future-event': 422,
  'idempotency-key-reused': 422,
};

/**
 * The HTTP status the app answers an error code with: 400 for malformed requests and payloads,
 * 401 without an actor, 403 for role refusals, 404 for unknown instances and routes, 405 for a
 * method a route does not answer, 409 for version conflicts and taken ids, 413 and 415 for
 * bodies too large or not JSON, 422 for events the program refuses as things stand (a rule, the track order, a join, a future date), and 500 for
 * any other code (a corrupt record, a stored instance of a newer definition).
 *
 * @param code - a `MaslulError` or `Refusal` code, or one of the app's own
 * @returns the status
 *
 * @example
 * ```ts
 * import { httpStatusOf } from '@maslul/http';
 *
 * httpStatusOf('forbidden'); // 403
 * httpStatusOf('rule-failed'); // 422
 * httpStatusOf('corrupt-record'); // 500
 * ```
 * @category Errors
 */
export function httpStatusOf(code: string): number {
  return Object.hasOwn(STATUS, code) ? (STATUS[code] as number) : 500;
}
