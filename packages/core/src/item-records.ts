import type { ItemRecord } from './item-checks.js';
import type { ItemEventRecord } from './item-rule.js';

/**
 * An item event's record after one more time it is sent: O(1) whatever the history (the last
 * date and payload, the first date, the count), with the dates a planned event's series holds,
 * up to the plan's count.
 */
export function nextEventRecord(
  previous: ItemEventRecord | undefined,
  date: string,
  payload: unknown,
  plannedCount: number | undefined,
): ItemEventRecord {
  const count = (previous?.count ?? 0) + 1;
  const held = previous?.occurrences ?? [];
  const occurrences =
    plannedCount === undefined ? undefined : held.length < plannedCount ? [...held, date] : held;
  return {
    date,
    payload,
    first: previous?.first ?? date,
    count,
    ...(occurrences ? { occurrences } : {}),
  };
}

/** An event record as an earlier version stored it: every date in `dates`. */
interface StoredEventRecord {
  readonly date: string;
  readonly payload: unknown;
  readonly dates?: readonly string[];
  readonly first?: string;
  readonly count?: number;
  readonly occurrences?: readonly string[];
}

/**
 * The items of a stored context in today's shape: a record stored with every date (`dates`)
 * becomes its first date, count and (for a planned event) the occurrences its plan holds. Items
 * already in this shape are returned as they are.
 */
export function upgradeItems(
  items: { readonly [id: string]: ItemRecord },
  plannedCount: (kind: string, event: string) => number | undefined,
): { readonly [id: string]: ItemRecord } {
  let upgraded: Record<string, ItemRecord> | undefined;
  for (const [id, item] of Object.entries(items)) {
    let events: Record<string, ItemEventRecord> | undefined;
    for (const [name, stored] of Object.entries(item.events as Record<string, StoredEventRecord>)) {
      if (!Array.isArray(stored.dates) || typeof stored.count === 'number') continue;
      const dates = stored.dates as readonly string[];
      const planned = plannedCount(item.kind, name);
      events ??= { ...item.events };
      events[name] = {
        date: stored.date,
        payload: stored.payload,
        first: dates[0] ?? stored.date,
        count: dates.length,
        ...(planned === undefined ? {} : { occurrences: dates.slice(0, planned) }),
      };
    }
    if (events) {
      upgraded ??= { ...items };
      upgraded[id] = { ...item, events };
    }
  }
  return upgraded ?? items;
}
