import type { RefusalCode } from '@maslul/core';

/**
 * Every code a `MaslulError` thrown on the server can carry: the runtime's refusals (from
 * `@maslul/core`, so a new refusal code does not compile here until it has a status), and the
 * codes of errors thrown by timing, core, the stores, this app and the `@maslul/export`
 * functions an app may give it. `src/__tests__/http-status-of.test.ts` reads those packages'
 * sources and fails on a code that is missing here.
 */
type ServerErrorCode =
  | RefusalCode
  // the HTTP layer
  | 'invalid-request'
  | 'malformed-json'
  | 'unauthenticated'
  | 'not-found'
  | 'method-not-allowed'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'internal-error'
  | 'invalid-authenticated-actor'
  // the runtime and the stores
  | 'invalid-date'
  | 'unknown-instance'
  | 'instance-exists'
  | 'version-conflict'
  | 'corrupt-record'
  | 'version-mismatch'
  | 'wrong-program'
  | 'invalid-snapshot'
  | 'replay-refused'
  | 'schema-too-new'
  | 'folder-in-use'
  | 'invalid-batch'
  | 'invalid-option'
  // a program, calendar, clock or export the server was built with
  | 'clock-backwards'
  | 'cycle'
  | 'duplicate-item'
  | 'duplicate-step'
  | 'duplicate-track'
  | 'empty-program'
  | 'empty-schedule'
  | 'empty-series'
  | 'empty-track'
  | 'end-before-start'
  | 'fixed-before-predecessor'
  | 'fixed-on-day-off'
  | 'invalid-advance'
  | 'invalid-calendar'
  | 'invalid-calendar-id'
  | 'invalid-dependency'
  | 'invalid-duration'
  | 'invalid-event'
  | 'invalid-event-mode'
  | 'invalid-fact'
  | 'invalid-length'
  | 'invalid-recurrence'
  | 'invalid-refresh'
  | 'invalid-step'
  | 'invalid-time'
  | 'invalid-time-zone'
  | 'invalid-version'
  | 'negative-duration'
  | 'no-previous-step'
  | 'no-role'
  | 'no-working-day'
  | 'recorded-before-predecessor'
  | 'status-without-instant'
  | 'timer-delay-out-of-range'
  | 'unbounded-series'
  | 'unknown-column'
  | 'unknown-field'
  | 'unknown-role'
  | 'unknown-state'
  | 'unknown-step'
  | 'unreachable-state'
  | 'window-excludes-nominal';

/**
 * The HTTP status of each error code. Refusals of a well-formed event the program cannot take as
 * things stand (`rule-failed`, `not-now`, `waiting`, `future-event`, `before-start`) are 422:
 * sending the same request again will not help until the instance moves on or the content
 * changes. 409 is kept for writes that lost a race or collide with what is stored
 * (`version-conflict`, `instance-exists`, `already-applied`): read again, then retry; and for a
 * run that was cancelled or closed (`ended`), which takes no more events. 500 is for
 * what no request can cause or fix: stored data, the server's own program, calendar and options.
 */
export const STATUS = {
  // The request is malformed or names nothing the program knows.
  'invalid-request': 400,
  'malformed-json': 400,
  'invalid-payload': 400,
  'invalid-instant': 400,
  'invalid-date': 400,
  'invalid-id': 400,
  'unknown-event': 400,
  'unknown-item': 400,
  'invalid-actor': 400,
  unauthenticated: 401,
  forbidden: 403,
  'unknown-instance': 404,
  'not-found': 404,
  'method-not-allowed': 405,
  'version-conflict': 409,
  'instance-exists': 409,
  'already-applied': 409,
  // The run was cancelled or closed: no request will change that.
  ended: 409,
  'body-too-large': 413,
  'unsupported-media-type': 415,
  'rule-failed': 422,
  // A rule of the program threw: its bug, but answered, never a 500 (nothing was stored).
  'rule-error': 422,
  'not-now': 422,
  waiting: 422,
  'future-event': 422,
  'before-start': 422,
  'idempotency-key-reused': 422,
  // The server's fault: stored data, its store, its authenticate hook.
  'internal-error': 500,
  'invalid-authenticated-actor': 500,
  'corrupt-record': 500,
  'version-mismatch': 500,
  'wrong-program': 500,
  'invalid-snapshot': 500,
  'replay-refused': 500,
  'schema-too-new': 500,
  'folder-in-use': 500,
  'invalid-batch': 500,
  'invalid-option': 500,
  // The program, calendar, clock or export it was built with.
  'clock-backwards': 500,
  cycle: 500,
  'duplicate-item': 500,
  'duplicate-step': 500,
  'duplicate-track': 500,
  'empty-program': 500,
  'empty-schedule': 500,
  'empty-series': 500,
  'empty-track': 500,
  'end-before-start': 500,
  'fixed-before-predecessor': 500,
  'fixed-on-day-off': 500,
  'invalid-advance': 500,
  'invalid-calendar': 500,
  'invalid-calendar-id': 500,
  'invalid-dependency': 500,
  'invalid-duration': 500,
  'invalid-event': 500,
  'invalid-event-mode': 500,
  'invalid-fact': 500,
  'invalid-length': 500,
  'invalid-recurrence': 500,
  'invalid-refresh': 500,
  'invalid-step': 500,
  'invalid-time': 500,
  'invalid-time-zone': 500,
  'invalid-version': 500,
  'negative-duration': 500,
  'no-previous-step': 500,
  'no-role': 500,
  'no-working-day': 500,
  'recorded-before-predecessor': 500,
  'status-without-instant': 500,
  'timer-delay-out-of-range': 500,
  'unbounded-series': 500,
  'unknown-column': 500,
  'unknown-field': 500,
  'unknown-role': 500,
  'unknown-state': 500,
  'unknown-step': 500,
  'unreachable-state': 500,
  'window-excludes-nominal': 500,
} as const satisfies { readonly [C in ServerErrorCode]: number };

/**
 * The HTTP status the app answers an error code with: 400 for malformed requests, payloads, ids
 * and dates, 401 without an actor, 403 for role refusals, 404 for unknown instances and routes,
 * 405 for a method a route does not answer, 409 for version conflicts and taken ids, 413 and 415
 * for bodies too large or not JSON, 422 for events the program refuses as things stand (a rule,
 * the track order, a join, a date after now or before the start), and 500 for what no request can
 * cause (a corrupt record, a stored instance of a newer definition, the server's own program or
 * options) and for any code it does not know.
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
  return Object.hasOwn(STATUS, code) ? STATUS[code as ServerErrorCode] : 500;
}
