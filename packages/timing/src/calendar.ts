import { fail } from './errors.js';
import {
  type DayNumber,
  dayOf,
  firstDayOfYear,
  type PlainDate,
  plainDateOf,
  weekdayOf,
  yearOf,
} from './plain-date.js';
import { addWorkingDaysTo } from './working-days.js';

/**
 * A day of the week, by name.
 *
 * @example
 * ```ts
 * import type { Weekday } from '@maslul/timing';
 *
 * const weekend: Weekday[] = ['friday', 'saturday'];
 * ```
 * @category Calendars
 */
export type Weekday =
  | 'sunday'
  | 'monday'
  | 'tuesday'
  | 'wednesday'
  | 'thursday'
  | 'friday'
  | 'saturday';

const WEEKDAYS: readonly Weekday[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

/**
 * A day off in a calendar, with its name for explanations ("moved past Rosh Hashana").
 *
 * @example
 * ```ts
 * import type { Holiday } from '@maslul/timing';
 *
 * const foundersDay: Holiday = { date: '2027-03-02', name: 'Founders day', names: { he: 'יום המייסדים' } };
 * ```
 * @category Calendars
 */
export interface Holiday {
  readonly date: PlainDate;
  /** The name in English. */
  readonly name: string;
  /** The name in other locales, by locale code (`he`, `ar`, ...). */
  readonly names?: Readonly<Record<string, string>> | undefined;
}

/**
 * Why a day is not a working day.
 *
 * @example
 * ```ts
 * import { mondayToFriday } from '@maslul/timing';
 *
 * mondayToFriday.closure('2026-11-28'); // { date: '2026-11-28', kind: 'weekend', name: 'Saturday' }
 * ```
 * @category Calendars
 */
export interface Closure {
  readonly date: PlainDate;
  readonly kind: 'weekend' | 'holiday';
  readonly name: string;
  readonly names?: Readonly<Record<string, string>> | undefined;
}

/**
 * A work calendar: which days steps may be planned on. Build one with {@link createCalendar};
 * {@link mondayToFriday} and `israelCalendar()` (from `@maslul/timing/israel`) are ready-made.
 *
 * @example
 * ```ts
 * import { mondayToFriday } from '@maslul/timing';
 *
 * mondayToFriday.isWorkingDay('2026-11-27'); // true (a Friday)
 * mondayToFriday.nextWorkingDay('2026-11-28'); // '2026-11-30'
 * mondayToFriday.addWorkingDays('2026-11-27', 1); // '2026-11-30'
 * ```
 * @category Calendars
 */
export interface WorkCalendar {
  /** A stable id, e.g. `'mon-fri'` or `'il'`. */
  readonly id: string;
  /** The IANA time zone whose dates the calendar speaks of, e.g. `'Asia/Jerusalem'`. */
  readonly timeZone: string;
  /** Whether steps may be planned on this date. */
  isWorkingDay(date: PlainDate): boolean;
  /** Why the date is not a working day, or undefined when it is one. */
  closure(date: PlainDate): Closure | undefined;
  /** The date itself when it is a working day, else the next working day after it. */
  nextWorkingDay(date: PlainDate): PlainDate;
  /**
   * The `count`-th working day after the date (before it, for a negative count); the date itself
   * for 0. Friday plus 1 working day, Monday to Friday, is Monday.
   */
  addWorkingDays(date: PlainDate, count: number): PlainDate;
}

/**
 * How to build a calendar with {@link createCalendar}.
 *
 * @example
 * ```ts
 * import type { CalendarOptions } from '@maslul/timing';
 *
 * const options: CalendarOptions = {
 *   id: 'de-be',
 *   timeZone: 'Europe/Berlin',
 *   weekend: ['saturday', 'sunday'],
 *   holidays: [{ date: '2027-10-03', name: 'German Unity Day' }],
 * };
 * ```
 * @category Calendars
 */
export interface CalendarOptions {
  /** A stable id for the calendar. */
  readonly id: string;
  /** The IANA time zone of its dates; `'UTC'` by default. */
  readonly timeZone?: string | undefined;
  /** Days of the week that are never working days; Saturday and Sunday by default. */
  readonly weekend?: readonly Weekday[] | undefined;
  /** Days off: a list, or a function giving the days off of one Gregorian year (called once a year). */
  readonly holidays?: readonly Holiday[] | ((year: number) => readonly Holiday[]) | undefined;
}

/** The solver's view of a calendar: day numbers, no string formatting on the hot path. */
export interface DayCalendar {
  readonly id: string;
  readonly timeZone: string;
  isOpen(day: DayNumber): boolean;
  closedOn(day: DayNumber): Closure | undefined;
  next(day: DayNumber): DayNumber;
}

// Symbol.for: one key across bundles and copies of this package, so the fast view is always found.
const DAY_CALENDAR: unique symbol = Symbol.for('maslul.dayCalendar') as typeof DAY_CALENDAR;

/** A calendar built here carries its fast day-number view under a private symbol. */
interface WithDayView {
  readonly [DAY_CALENDAR]: DayCalendar;
}

/** The longest run of days off a calendar may have before it is taken for a mistake. */
const MAX_CLOSED_RUN = 366;

function checkWeekend(weekend: readonly Weekday[], id: string): ReadonlySet<number> {
  const days = new Set<number>();
  weekend.forEach((name, i) => {
    const index = WEEKDAYS.indexOf(name);
    if (index < 0) {
      fail({
        code: 'invalid-calendar',
        path: ['weekend', i],
        rule: 'timing.calendar',
        message: `Calendar "${id}" has weekend day ${JSON.stringify(name)}; use one of ${WEEKDAYS.map((d) => `"${d}"`).join(', ')}.`,
      });
    }
    days.add(index);
  });
  if (days.size === 7) {
    fail({
      code: 'invalid-calendar',
      path: ['weekend'],
      rule: 'timing.calendar',
      message: `Calendar "${id}" makes every day of the week a weekend day; leave at least one working day.`,
    });
  }
  return days;
}

function checkTimeZone(timeZone: string, id: string): string {
  // UTC needs no check, and the built-in calendars are made as the module loads: the first
  // Intl.DateTimeFormat of a process loads the time-zone data (about 40 ms of a cold start).
  if (timeZone === 'UTC') return timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    fail({
      code: 'invalid-calendar',
      path: ['timeZone'],
      rule: 'timing.calendar',
      message: `Calendar "${id}" has time zone ${JSON.stringify(timeZone)}, which is not an IANA time zone; use e.g. "Asia/Jerusalem" or "UTC".`,
    });
  }
  return timeZone;
}

function dayView(options: CalendarOptions): DayCalendar {
  const { id } = options;
  const timeZone = checkTimeZone(options.timeZone ?? 'UTC', id);
  const weekend = checkWeekend(options.weekend ?? ['saturday', 'sunday'], id);
  const closures = new Map<DayNumber, Closure>();
  // Weekend closures are made once a day and shared: moves name the same weekends again and again.
  const weekendClosures = new Map<DayNumber, Closure>();
  const loadedYears = new Set<number>();
  let loadedFrom = 0;
  let loadedTo = -1;

  // A year's holidays are checked whole before any is added, so a bad date leaves nothing half-loaded.
  const addHolidays = (list: readonly Holiday[]): void => {
    const checked = list.map((holiday, i): [DayNumber, Closure] => {
      const day = dayOf(holiday.date, ['holidays', i, 'date']);
      const closure: Closure = { date: plainDateOf(day), kind: 'holiday', name: holiday.name };
      return [day, holiday.names ? { ...closure, names: holiday.names } : closure];
    });
    for (const [day, closure] of checked) closures.set(day, closure);
  };
  const { holidays } = options;
  if (Array.isArray(holidays)) addHolidays(holidays);
  const holidaysOfYear = typeof holidays === 'function' ? holidays : undefined;

  const loadYearOf = (day: DayNumber): void => {
    if (!holidaysOfYear || (day >= loadedFrom && day <= loadedTo)) return;
    const year = yearOf(day);
    if (!loadedYears.has(year)) {
      addHolidays(holidaysOfYear(year));
      loadedYears.add(year);
    }
    // Keep one contiguous loaded range, so the common case is two comparisons.
    const first = firstDayOfYear(year);
    const last = firstDayOfYear(year + 1) - 1;
    if (loadedFrom > loadedTo) {
      loadedFrom = first;
      loadedTo = last;
    } else if (first === loadedTo + 1) loadedTo = last;
    else if (last === loadedFrom - 1) loadedFrom = first;
  };

  const closedOn = (day: DayNumber): Closure | undefined => {
    loadYearOf(day);
    const holiday = closures.get(day);
    if (holiday) return holiday;
    const weekday = weekdayOf(day);
    if (!weekend.has(weekday)) return undefined;
    let closure = weekendClosures.get(day);
    if (!closure) {
      const name = WEEKDAYS[weekday] ?? '';
      const capitalised = name[0]?.toUpperCase() + name.slice(1);
      closure = { date: plainDateOf(day), kind: 'weekend', name: capitalised };
      if (weekendClosures.size > 50_000) weekendClosures.clear();
      weekendClosures.set(day, closure);
    }
    return closure;
  };
  const isOpen = (day: DayNumber): boolean => {
    if (weekend.has(weekdayOf(day))) return false;
    loadYearOf(day);
    return !closures.has(day);
  };
  const next = (day: DayNumber): DayNumber => {
    for (let d = day; d < day + MAX_CLOSED_RUN; d++) if (isOpen(d)) return d;
    return fail({
      code: 'no-working-day',
      path: [],
      rule: 'timing.calendar',
      message: `Calendar "${id}" has no working day in the year from ${plainDateOf(day)}; check its weekend and holidays.`,
    });
  };
  return { id, timeZone, isOpen, closedOn, next };
}

/**
 * Builds a work calendar from a weekend and a list (or a yearly function) of holidays. Holidays
 * given as a function are asked for one year at a time, when the solver first reaches that year.
 *
 * @param options - id, time zone, weekend days and holidays
 * @returns the calendar
 * @throws TimingError `invalid-calendar` for an unknown weekday or a week with no working day,
 *   `invalid-date` for a holiday whose date is not `YYYY-MM-DD`
 *
 * @example
 * ```ts
 * import { createCalendar } from '@maslul/timing';
 *
 * const berlin = createCalendar({
 *   id: 'de-be',
 *   timeZone: 'Europe/Berlin',
 *   holidays: (year) => [
 *     { date: `${year}-10-03`, name: 'German Unity Day' },
 *     { date: `${year}-12-25`, name: 'Christmas Day' },
 *   ],
 * });
 * berlin.nextWorkingDay('2027-10-03'); // '2027-10-04'
 * ```
 * @category Calendars
 */
export function createCalendar(options: CalendarOptions): WorkCalendar {
  const view = dayView(options);
  const day = (date: PlainDate): DayNumber => dayOf(date, ['date']);
  const calendar: WorkCalendar & WithDayView = {
    id: view.id,
    timeZone: view.timeZone,
    isWorkingDay: (date) => view.isOpen(day(date)),
    closure: (date) => view.closedOn(day(date)),
    nextWorkingDay: (date) => plainDateOf(view.next(day(date))),
    addWorkingDays: (date, count) =>
      plainDateOf(addWorkingDaysTo(view, day(date), checkedCount(count, view.id))),
    [DAY_CALENDAR]: view,
  };
  return Object.freeze(calendar);
}

function checkedCount(count: number, id: string): number {
  if (!Number.isInteger(count)) {
    fail({
      code: 'invalid-duration',
      path: ['count'],
      rule: 'timing.duration',
      message: `Calendar "${id}" was asked to add ${JSON.stringify(count)} working days; give a whole number.`,
    });
  }
  return count;
}

/** The day-number view of any calendar: the fast one for calendars built here, else a wrapper. */
export function dayCalendarOf(calendar: WorkCalendar): DayCalendar {
  const own = (calendar as Partial<WithDayView>)[DAY_CALENDAR];
  if (own) return own;
  const isOpen = (day: DayNumber): boolean => calendar.isWorkingDay(plainDateOf(day));
  return {
    id: calendar.id,
    timeZone: calendar.timeZone,
    isOpen,
    closedOn: (day) => calendar.closure(plainDateOf(day)),
    next: (day) => dayOf(calendar.nextWorkingDay(plainDateOf(day)), ['nextWorkingDay']),
  };
}

/**
 * Monday to Friday, no holidays, dates in UTC: the plain default calendar.
 *
 * @example
 * ```ts
 * import { mondayToFriday } from '@maslul/timing';
 *
 * mondayToFriday.nextWorkingDay('2027-01-02'); // '2027-01-04' (Saturday -> Monday)
 * ```
 * @category Calendars
 */
export const mondayToFriday: WorkCalendar = /* @__PURE__ */ createCalendar({ id: 'mon-fri' });

/**
 * Every day is a working day: plans in plain calendar days, with no moves.
 *
 * @example
 * ```ts
 * import { everyDay } from '@maslul/timing';
 *
 * everyDay.isWorkingDay('2027-01-02'); // true
 * ```
 * @category Calendars
 */
export const everyDay: WorkCalendar = /* @__PURE__ */ createCalendar({
  id: 'every-day',
  weekend: [],
});
