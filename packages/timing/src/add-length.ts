import { type DayCalendar, dayCalendarOf, mondayToFriday, type WorkCalendar } from './calendar.js';
import type { Length } from './duration.js';
import { fail } from './errors.js';
import {
  addMonthsToDay,
  type DayNumber,
  dayOf,
  inDateRange,
  type PlainDate,
  plainDateOf,
} from './plain-date.js';
import { addWorkingDaysTo } from './working-days.js';

/**
 * `day` plus a length: the months (as date-fns adds them, 31 Jan + 1 month = 28/29 Feb), then
 * the days, then the working days of the calendar. Every lag, span and act is added here, so a
 * plan and its deadlines count a length the same way.
 */
export function dayAfter(
  calendar: DayCalendar,
  day: DayNumber,
  months: number,
  days: number,
  workingDays: number,
): DayNumber {
  const sum = (months === 0 ? day : addMonthsToDay(day, months)) + days;
  return workingDays === 0 ? sum : addWorkingDaysTo(calendar, sum, workingDays);
}

const PARTS = ['months', 'days', 'workingDays'] as const;
/** More days than 1900-2200 holds: a longer part cannot give a date in range (nor is counted). */
const LONGEST = 120_000;

/**
 * Adds a length to a date as a plan adds a lag: the months first (31 January plus one month is
 * 28 February, or 29 in a leap year), then the days, then the working days of the calendar. The
 * result is where the length puts it, a working day or not: moving it is the solver's business.
 *
 * @param date - the date to count from
 * @param length - whole months, days and working days (each may be negative), e.g. a
 *   duration's `nominal`
 * @param calendar - whose working days `length.workingDays` counts; {@link mondayToFriday} by
 *   default
 * @returns the date `length` after `date`
 * @throws TimingError `invalid-date` (a date that is not `YYYY-MM-DD`, or a result outside
 *   1900-2200), `invalid-duration` (a part that is not a whole number), `no-working-day`
 *
 * @example
 * ```ts
 * import { about, addLength, exactly, mondayToFriday } from '@maslul/timing';
 *
 * addLength('2027-01-31', about(1, 'months').nominal); // '2027-02-28'
 * addLength('2028-01-31', { months: 1, days: 0 }); // '2028-02-29'
 * addLength('2027-01-29', { months: 0, days: 14 }); // '2027-02-12'
 * // Friday plus one working day, Monday to Friday, is Monday.
 * addLength('2027-01-01', exactly(1, 'workingDays').nominal, mondayToFriday); // '2027-01-04'
 * ```
 * @category Durations
 */
export function addLength(
  date: PlainDate,
  length: Length,
  calendar?: WorkCalendar | undefined,
): PlainDate {
  const day = dayOf(date, ['date']);
  for (const part of PARTS) {
    const value = length[part] ?? 0;
    if (!Number.isSafeInteger(value)) {
      fail({
        code: 'invalid-duration',
        path: ['length', part],
        rule: 'timing.duration',
        message: `The length ${JSON.stringify(length)} has ${part} ${JSON.stringify(value)}; give a whole number.`,
      });
    }
  }
  const { months, days, workingDays = 0 } = length;
  const sum =
    Math.max(Math.abs(months), Math.abs(days), Math.abs(workingDays)) > LONGEST
      ? Number.NaN
      : dayAfter(dayCalendarOf(calendar ?? mondayToFriday), day, months, days, workingDays);
  if (!inDateRange(sum)) {
    fail({
      code: 'invalid-date',
      path: ['length'],
      rule: 'timing.plain-date',
      message: `${date} plus ${JSON.stringify(length)} is not a date between 1900 and 2200; check the length.`,
    });
  }
  return plainDateOf(sum);
}
