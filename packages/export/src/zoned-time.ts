import type { PlainDate } from '@maslul/timing';
import { exportError } from './errors.js';

// Wall-clock times in a time zone, with Intl only (no time-zone library, nothing Node-only): an
// event at "17:00 in Asia/Jerusalem" becomes the UTC instant that shows as 17:00 there, on
// either side of a daylight-saving change.

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw exportError({
        code: 'invalid-time-zone',
        rule: 'export.time-zone',
        path: ['plan', 'calendar', 'timeZone'],
        message: `The plan's calendar has time zone ${JSON.stringify(timeZone)}, which is not an IANA time zone this runtime knows; solve the plan with a calendar such as israelCalendar() ("Asia/Jerusalem").`,
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time an instant shows in a zone, written as if it were UTC (whole seconds). */
function wallClockOf(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
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
  const before = wallClockOf(wall - DAY, timeZone) - (wall - DAY);
  const after = wallClockOf(wall + DAY, timeZone) - (wall + DAY);
  const fits = [wall - before, wall - after].filter(
    (instant) => wallClockOf(instant, timeZone) === wall,
  );
  return fits.length > 0 ? Math.min(...fits) : wall - before;
}
