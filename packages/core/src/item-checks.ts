import { fixedDatesOf } from './fixed-dates.js';
import type { ItemDefinition } from './item.js';
import type { ItemEventRecord, ItemRule, ItemView } from './item-rule.js';
import { ruleOf } from './payload-rule.js';
import type { Program } from './program.js';
import type { ProgramContext } from './program-context.js';
import { recordedDates, recordedPayloads } from './recorded.js';
import type { RefusalCode } from './refusal.js';
import { firstFailing } from './rule-run.js';

/**
 * What an item of the run holds: its kind and state, when it was created, the data it was created
 * with, and the last date and payload of each of its events.
 *
 * @example
 * ```ts
 * import type { ItemRecord } from '@maslul/core';
 *
 * const garden: ItemRecord = {
 *   kind: 'initiative',
 *   state: 'supported',
 *   created: '2027-02-18',
 *   data: { title: 'Community garden' },
 *   events: {},
 * };
 * ```
 * @category Items
 */
export interface ItemRecord {
  readonly kind: string;
  readonly state: string;
  readonly created: string;
  readonly data: unknown;
  readonly events: { readonly [event: string]: ItemEventRecord };
  /** The events recorded since it last entered its state (absent when none), for `requires`. */
  readonly joined?: readonly string[];
}

/** Who sends an event, as rules see it. */
export interface ActorRef {
  readonly id: string;
  readonly roles: readonly string[];
}

/** The sender of a machine event sent without one (straight to the machine, not via `send`). */
export const NO_ACTOR: ActorRef = Object.freeze({ id: '', roles: Object.freeze([]) });

/** Item ids are keys of the context's items and appear in paths: the same shape as step ids. */
const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** A reason an item event cannot be taken, or the parsed payload and the rules that passed. */
export type ItemCheck =
  | {
      readonly ok: false;
      readonly code: RefusalCode;
      readonly rule: string;
      readonly path: readonly (string | number)[];
      readonly message: string;
      readonly issues?: readonly {
        path: readonly (string | number)[];
        rule: string;
        message: string;
      }[];
    }
  | { readonly ok: true; readonly data: unknown; readonly rules: readonly ItemRule[] };

/**
 * Checks an item event against the program and the context, in the order the runtime reports:
 * the item id, whether the item exists (or not, to create it), its state, the program steps it
 * waits for, the payload, then the rules. Roles are checked before, by the runtime.
 */
export function checkItemEvent(
  program: Program,
  context: ProgramContext,
  kind: string,
  event: string,
  item: unknown,
  payload: unknown,
  date: string,
  actor: ActorRef = NO_ACTOR,
  workingDay = true,
): ItemCheck {
  const definition = (program.items as Record<string, ItemDefinition>)[kind] as ItemDefinition;
  const type = `${kind}.${event}`;
  // A name of Object.prototype ("__proto__", "constructor"...) would read as an item that exists.
  if (typeof item !== 'string' || !ITEM_ID.test(item) || item in Object.prototype) {
    return {
      ok: false,
      code: 'unknown-item',
      rule: 'core.item-id',
      path: ['item'],
      message: `"${type}" needs an item id: letters, digits, "_" and "-", e.g. "initiative-3"; got ${JSON.stringify(item)}.`,
    };
  }
  const existing = context.items[item];
  const spec = event === 'create' ? definition.create : definition.events[event];
  if (!spec) {
    return {
      ok: false,
      code: 'unknown-event',
      rule: 'core.known-event',
      path: ['type'],
      message: `"${type}" is not an event of item kind "${kind}".`,
    };
  }
  if (event === 'create' && existing) {
    return {
      ok: false,
      code: 'not-now',
      rule: 'core.item-unique',
      path: ['item'],
      message: `An item "${item}" exists already; give the new ${kind} another id.`,
    };
  }
  if (event !== 'create') {
    if (!existing || existing.kind !== kind) {
      return {
        ok: false,
        code: 'unknown-item',
        rule: 'core.known-item',
        path: ['item'],
        message: `There is no ${kind} "${item}" in this run.`,
      };
    }
    const from = definition.events[event]?.from ?? [];
    if (!from.includes(existing.state)) {
      return {
        ok: false,
        code: 'not-now',
        rule: 'core.item-state',
        path: ['type'],
        message: `"${type}" cannot be sent for "${item}" now: it is "${existing.state}", and the event needs ${from.map((s) => `"${s}"`).join(' or ')}.`,
      };
    }
  }
  const requires = event === 'create' ? [] : (definition.events[event]?.requires ?? []);
  const missing = requires.filter((e) => !existing?.joined?.includes(e));
  if (missing.length > 0) {
    return {
      ok: false,
      code: 'waiting',
      rule: 'core.requires',
      path: ['type'],
      message: `"${type}" for "${item}" waits for ${missing.map((m) => `"${kind}.${m}"`).join(', ')}, not recorded since it entered "${existing?.state}".`,
    };
  }
  const waiting = spec.after.filter((step) => context.steps[step]?.finished === undefined);
  if (waiting.length > 0) {
    return {
      ok: false,
      code: 'waiting',
      rule: 'core.after',
      path: ['type'],
      message: `"${type}" waits for ${waiting.map((w) => `"${w}"`).join(', ')}, not recorded yet.`,
    };
  }
  let data: unknown;
  if (spec.payload) {
    const parsed = spec.payload.safeParse(payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: ['payload', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        rule: ruleOf(issue, spec.payload),
        message: `"${type}" payload${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`,
      }));
      return {
        ok: false,
        code: 'invalid-payload',
        rule: issues[0]?.rule ?? 'core.payload',
        path: ['payload'],
        message: issues[0]?.message ?? `"${type}" payload is invalid.`,
        issues,
      };
    }
    data = parsed.data;
  }
  if (spec.rules.length === 0) return { ok: true, data, rules: spec.rules };
  const view: ItemView = existing
    ? { id: item, data: existing.data, events: existing.events }
    : { id: item, data, events: {} };
  // One input for every rule, built only when there are rules (most item events have none).
  const input = {
    payload: data,
    recorded: recordedPayloads(context),
    item: view,
    date,
    actor,
    workingDay,
    fixed: fixedDatesOf(program),
    dates: recordedDates(context),
  };
  const failing = firstFailing(spec.rules, input);
  if (failing) {
    return {
      ok: false,
      code: failing.code,
      rule: failing.rule,
      path: ['payload'],
      message: `"${type}" for "${item}" refused by ${failing.code === 'rule-failed' ? `rule ${failing.rule}: ` : ''}${failing.reason}.`,
    };
  }
  return { ok: true, data, rules: spec.rules };
}
