import type { DayCalendar } from './calendar.js';
import { fail } from './errors.js';
import { type DayNumber, plainDateOf } from './plain-date.js';

/** The longest run of days off walked backwards before the calendar is taken for a mistake. */
const MAX_CLOSED_RUN = 366;

/** The working day before `day` (strictly), walking back past days off. */
function previousOpen(calendar: DayCalendar, day: DayNumber): DayNumber {
  for (let d = day - 1; d > day - 1 - MAX_CLOSED_RUN; d--) if (calendar.isOpen(d)) return d;
  return fail({
    code: 'no-working-day',
    path: [],
    rule: 'timing.calendar',
    message: `Calendar "${calendar.id}" has no working day in the year before ${plainDateOf(day)}; check its weekend and holidays.`,
  });
}

/**
 * `count` working days after `day`: the count-th working day after it (before it, for a negative
 * count). Zero gives the day itself, a working day or not: moving it is the solver's business.
 */
export function addWorkingDaysTo(calendar: DayCalendar, day: DayNumber, count: number): DayNumber {
  let d = day;
  for (let k = 0; k < count; k++) d = calendar.next(d + 1);
  for (let k = 0; k > count; k--) d = previousOpen(calendar, d);
  return d;
}

/**
 * The latest day `x` with `addWorkingDaysTo(x, count) <= limit` (count 0 or more): the day before
 * the count-th working day counting back from `limit` (itself included).
 */
export function latestBeforeWorkingDays(
  calendar: DayCalendar,
  limit: DayNumber,
  count: number,
): DayNumber {
  if (count <= 0) return limit;
  const last = calendar.isOpen(limit) ? limit : previousOpen(calendar, limit);
  return addWorkingDaysTo(calendar, last, -(count - 1)) - 1;
}
