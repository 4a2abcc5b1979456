import { type Issue, MaslulError } from '@maslul/timing';

/**
 * Why the runtime refused an event:
 * - `unknown-event`: no step has that event;
 * - `forbidden`: the actor has none of the roles that may send it;
 * - `invalid-payload`: the payload fails the step's schema (one issue per field);
 * - `rule-failed`: a named rule of the step refused it;
 * - `rule-error`: a named rule threw instead of answering (a bug in the program's rule, named
 *   with what it threw; nothing is stored, and the refusal log keeps it);
 * - `not-now`: its track has not reached the step, or has passed it;
 * - `waiting`: the step waits for steps in other tracks that are not recorded yet;
 * - `invalid-instant`: `at` is not a valid instant (or not one of the years 1900 to 2200);
 *   `future-event`: `at` is after the clock's now; `before-start`: `at` is before the program start;
 * - `invalid-id`: the item id or the idempotency key is not an id (see `idIssue`);
 * - `invalid-actor`: the actor has no id or no roles list;
 * - `unknown-item`: an item event names no item of that kind (or an id that cannot be one);
 * - `already-applied`: the idempotency key was applied before this instance object was loaded
 *   (a restored instance keeps the keys, not the entries: a store returns the first result);
 * - `idempotency-key-reused`: the idempotency key was first used for another event (another
 *   type, item or payload): a retry must send the same event, a new event needs a new key.
 *
 * @example
 * ```ts
 * import type { RefusalCode } from '@maslul/core';
 *
 * const code: RefusalCode = 'forbidden';
 * ```
 * @category Runtime
 */
export type RefusalCode =
  | 'unknown-event'
  | 'forbidden'
  | 'invalid-payload'
  | 'rule-failed'
  | 'rule-error'
  | 'not-now'
  | 'waiting'
  | 'invalid-instant'
  | 'future-event'
  | 'before-start'
  | 'invalid-id'
  | 'invalid-actor'
  | 'unknown-item'
  | 'already-applied'
  | 'idempotency-key-reused'
  | 'ended';

/**
 * A refused event: a `MaslulError` whose `code` is a {@link RefusalCode}, with the path of the
 * offending field, the rule id and a sentence. A refusal changes nothing.
 *
 * @example
 * ```ts
 * import { Refusal } from '@maslul/core';
 *
 * function show(error: unknown): string {
 *   return error instanceof Refusal ? `${error.code} (${error.rule}): ${error.message}` : String(error);
 * }
 * ```
 * @category Runtime
 */
export class Refusal extends MaslulError {
  override readonly code: RefusalCode;

  /**
   * @param code - why
   * @param issues - the problems; at least one
   */
  constructor(code: RefusalCode, issues: readonly [Issue, ...Issue[]]) {
    super(issues);
    this.name = 'Refusal';
    this.code = code;
  }
}

/** A refusal with one issue. */
export function refuse(
  code: RefusalCode,
  rule: string,
  path: readonly (string | number)[],
  message: string,
  step?: string,
): Refusal {
  return new Refusal(code, [{ code, rule, path, message, step }]);
}
