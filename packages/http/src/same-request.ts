import type { LogEntry } from '@maslul/core';

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
 * Whether a retried request is the event its Idempotency-Key was first sent with: the same type,
 * item and payload, and the same instant when it names one. A key reused for another event is a
 * client bug to answer, not a duplicate to hide: 422, as the IETF draft "The Idempotency-Key HTTP
 * Header Field" advises.
 */
export function sameRequest(
  entry: LogEntry,
  request: { type: string; payload?: unknown; item?: string | undefined; at?: string | undefined },
): boolean {
  return (
    entry.type === request.type &&
    entry.item === request.item &&
    sameJson(entry.payload, request.payload) &&
    (request.at === undefined || Date.parse(request.at) === Date.parse(entry.at))
  );
}
