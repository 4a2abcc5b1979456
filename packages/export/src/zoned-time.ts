import { tzOffset } from '@date-fns/tz/tzOffset';
import type { PlainDate } from '@maslul/timing';
import { exportError } from './errors.js';

// Wall-clock times in a time zone: an event at "17:00 in Asia/Jerusalem" becomes the UTC instant
// that shows as 17:00 there, on either side of a daylight-saving change. The zone's offsets come
// from @date-fns/tz (as @maslul/timing's statuses do); the choice for times a change skips or
// repeats is made here, since `new TZDate(y, m, d, h, min, zone)` settles a repeated time
// differently from zone to zone (the later 01:30 in Jerusalem, the earlier in New York).

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const minutes = tzOffset(timeZone, new Date(instant));
  if (!Number.isFinite(minutes)) {
    throw exportError({
      code: 'invalid-time-zone',
      rule: 'export.time-zone',
      path: ['plan', 'calendar', 'timeZone'],
      message: `The plan's calendar has time zone ${JSON.stringify(timeZone)}, which is not an IANA time zone this runtime knows; solve the plan with a calendar such as israelCalendar() ("Asia/Jerusalem").`,
    });
  }
  return minutes * MINUTE;
}

/**
 * The instant a wall-clock time on a date shows in a zone. A time the clocks skip (02:30 on the
 * night they spring forward) is read with the offset before the change, so it lands as far past
 * the change as it was meant to be after 02:00 (03:30), as Temporal's `'compatible'` does; a time
 * that happens twice (the night they fall back) is the earlier one.
 */
export function instantIn(date: PlainDate, minutes: number, timeZone: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day) + minutes * MINUTE;
  // Real zones change offset at most once within a day: the offsets a day before and a day after
  // are the only candidates.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const fits = [wall - before, wall - after].filter(
    (instant) => instant + offsetAt(instant, timeZone) === wall,
  );
  return fits.length > 0 ? Math.min(...fits) : wall - before;
}
