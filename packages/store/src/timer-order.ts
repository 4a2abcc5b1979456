import { compareIds } from './list-instances.js';
import type { DueTimer } from './timer-store.js';

/**
 * The one order of due timers in every store: by the deadline's instant, then instance id, then
 * deadline id, both in code point order (PostgreSQL's `COLLATE "C"`). A collation would follow
 * the database's locale, so deadlines falling due at one instant would be delivered in another
 * order on another machine, and in insertion order from memory.
 */
export function timerOrder(a: DueTimer, b: DueTimer): number {
  return (
    a.deadline.at - b.deadline.at ||
    compareIds(a.instanceId, b.instanceId) ||
    compareIds(a.deadline.id, b.deadline.id)
  );
}
