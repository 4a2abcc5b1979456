import { MaslulError } from '@maslul/timing';
import type { Refusal, RefusalCode } from './refusal.js';

/**
 * One refused event, as the refusal log keeps it (apart from the event log, which holds facts
 * only): when it was refused, who tried what, and the rule and sentence that refused it.
 *
 * @example
 * ```ts
 * import type { RefusalRecord } from '@maslul/core';
 *
 * const record: RefusalRecord = {
 *   at: '2027-02-18T07:00:00.000Z',
 *   actor: { id: 'head-urban-yair', roles: ['domainHead'] },
 *   type: 'team.meet',
 *   item: 'team-social',
 *   code: 'rule-failed',
 *   rule: 'T2',
 *   path: ['payload'],
 *   message: '"team.meet" for "team-social" refused by rule T2: …',
 * };
 * ```
 * @category Runtime
 */
export interface RefusalRecord {
  /** When it was refused: the clock's now, as an ISO instant. */
  readonly at: string;
  /** Who sent it, as they said; an actor refused as `invalid-actor` is kept as far as it is text. */
  readonly actor: { readonly id: string; readonly roles: readonly string[] };
  /** The event type tried. */
  readonly type: string;
  /** The item an item event named, if any. */
  readonly item?: string | undefined;
  readonly code: RefusalCode;
  /** The rule that refused it: a program's rule id (`'T2'`) or a core check (`'core.roles'`). */
  readonly rule: string;
  /** Where in the event: `['payload', 'budget']`, `['actor', 'roles']`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly idempotencyKey?: string | undefined;
}

/**
 * How many refusals an instance keeps by default: the newest, the oldest go first.
 *
 * @example
 * ```ts
 * import { DEFAULT_REFUSAL_LIMIT } from '@maslul/core';
 *
 * DEFAULT_REFUSAL_LIMIT; // 200
 * ```
 * @category Runtime
 */
export const DEFAULT_REFUSAL_LIMIT = 200;

const text = (value: unknown, max = 200): string =>
  (typeof value === 'string' ? value : value === undefined ? '' : String(value)).slice(0, max);

/** What the log keeps of one refused send: plain JSON, whatever the caller passed. */
export function refusalRecordOf(
  refusal: Refusal,
  event: unknown,
  options: unknown,
  now: number,
): RefusalRecord {
  const e = (event ?? {}) as { type?: unknown; item?: unknown };
  const o = (options ?? {}) as {
    actor?: { id?: unknown; roles?: unknown };
    idempotencyKey?: unknown;
  };
  const roles = Array.isArray(o.actor?.roles) ? o.actor.roles.slice(0, 20).map((r) => text(r)) : [];
  return {
    at: new Date(now).toISOString(),
    actor: { id: text(o.actor?.id), roles },
    type: text(e.type),
    ...(typeof e.item === 'string' ? { item: text(e.item) } : {}),
    code: refusal.code,
    rule: refusal.rule,
    path: [...refusal.path],
    message: refusal.message,
    ...(typeof o.idempotencyKey === 'string' ? { idempotencyKey: text(o.idempotencyKey) } : {}),
  };
}

/** Checks a refusal limit option: a whole number from 1. */
export function checkRefusalLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_REFUSAL_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new MaslulError([
      {
        code: 'invalid-option',
        path: ['refusalLimit'],
        rule: 'core.refusal-limit',
        message: `refusalLimit must be a whole number of at least 1, not ${JSON.stringify(limit)}.`,
      },
    ]);
  }
  return limit;
}
