import type { LogEntry } from './instance.js';
import { type Refusal, refuse } from './refusal.js';

/** Deep equality of JSON values (object keys in any order: a SQL store may reorder them). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (k) =>
      Object.hasOwn(b, k) &&
      sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * Whether an event is the one a stored entry recorded: the same type, item and payload (as JSON).
 * A retry under the same idempotency key must be the same event; another event under a used key
 * is a client bug to refuse, not a duplicate to hide.
 */
export function sameEvent(
  entry: LogEntry,
  event: { readonly type?: unknown; readonly payload?: unknown; readonly item?: unknown },
): boolean {
  return (
    entry.type === event.type &&
    entry.item === event.item &&
    sameJson(entry.payload ?? null, event.payload ?? null)
  );
}

/** The refusal of another event sent under a key already used. */
export function keyReused(key: string, entry: LogEntry): Refusal {
  return refuse(
    'idempotency-key-reused',
    'core.idempotency',
    ['idempotencyKey'],
    `The idempotency key ${JSON.stringify(key)} was first used for another event (#${entry.seq}, "${entry.type}"${entry.item === undefined ? '' : ` of "${entry.item}"`}); a retry sends the same event, a new event needs a new key.`,
  );
}
