import type { LogEntry } from '@maslul/core';

/**
 * Whether a retried request names the instant its Idempotency-Key was first sent with (when it
 * names one). The runtime already refuses another event under a used key (another type, item or
 * payload: `idempotency-key-reused`); an instant is the HTTP request's own, so it is checked here.
 * A key reused for another request is a client bug to answer, not a duplicate to hide: 422, as
 * the IETF draft "The Idempotency-Key HTTP Header Field" advises.
 */
export function sameRequest(entry: LogEntry, request: { at?: string | undefined }): boolean {
  return request.at === undefined || Date.parse(request.at) === Date.parse(entry.at);
}
