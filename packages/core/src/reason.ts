import type { MachineEvent } from './events.js';
import type { Verdict } from './guards.js';
import { refuse } from './refusal.js';

/**
 * The verdict on the `{ reason }` an event must give (ending a run, skipping a step): taken with
 * the reason alone as its data, or refused under `rule` when the reason is missing or blank.
 */
export function reasonVerdict(event: MachineEvent, rule: string, why: string): Verdict {
  const reason = (event.payload as { reason?: unknown } | undefined)?.reason;
  if (typeof reason !== 'string' || reason.trim() === '') {
    return {
      ok: false,
      refusal: refuse(
        'invalid-payload',
        rule,
        ['payload', 'reason'],
        `"${event.type}" needs a reason: send { "reason": "…" } saying why ${why}.`,
      ),
    };
  }
  return { ok: true, data: { reason }, rules: [] };
}
