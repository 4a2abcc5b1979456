// Both by their paths: date-fns' root imports all of date-fns (about 125 ms of a cold start in
// Node), and @date-fns/utc's root the full UTCDate, which builds three Intl formatters as it loads
// (about 50 ms); the mini class does the arithmetic, which is all a day number needs.
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addMonths } from 'date-fns/addMonths';
import { fail } from './errors.js';

/**
 * A calendar date with no time and no time zone, written `YYYY-MM-DD` (ISO 8601).
 * Program steps happen on days, not instants, so the solver works on plain dates and no
 * daylight-saving change can move a step.
 *
 * @example
 * ```ts
 * import type { PlainDate } from '@maslul/timing';
 *
 * const launch: PlainDate = '2027-01-10';
 * ```
 * @category Dates
 */
export type PlainDate = `${number}-${number}-${number}`;

/** Days since 1970-01-01; the solver's internal date. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 1900-01-01 and 2200-12-31: outside this range a date is surely a typo. */
const MIN_DAY = -25_567;
const MAX_DAY = 84_370;

/** Parsed dates: facts and plans name the same few hundred dates again and again. */
const parsed = new Map<string, DayNumber>();

/** Parses a plain date without throwing; undefined when it is not a real `YYYY-MM-DD` date. */
export function tryDayOf(value: unknown): DayNumber | undefined {
  if (typeof value !== 'string') return undefined;
  const known = parsed.get(value);
  if (known !== undefined) return known;
  const day = parseDay(value);
  if (day !== undefined) {
    if (parsed.size > 100_000) parsed.clear();
    parsed.set(value, day);
  }
  return day;
}

function parseDay(value: string): DayNumber | undefined {
  const match = PLAIN_DATE.exec(value);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const date = Number(d);
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return undefined;
  const day = ms / MS_PER_DAY;
  return inDateRange(day) ? day : undefined;
}

/** Whether a day number is inside the range of dates that `dayOf` accepts. */
export function inDateRange(day: DayNumber): boolean {
  return day >= MIN_DAY && day <= MAX_DAY;
}

/** Parses a plain date or throws a TimingError naming the field. */
export function dayOf(
  value: unknown,
  path: readonly (string | number)[],
  step?: string | undefined,
): DayNumber {
  const day = tryDayOf(value);
  if (day === undefined) {
    fail({
      code: 'invalid-date',
      path,
      rule: 'timing.plain-date',
      step,
      message: `${path.join('.') || 'date'} is ${JSON.stringify(value)}, which is not a date between 1900 and 2200. Write it as "YYYY-MM-DD", e.g. "2027-01-10".`,
    });
  }
  return day;
}

/** Formatted dates by day number from MIN_DAY: an array index is cheaper than a Map lookup. */
let formatted: (PlainDate | undefined)[] | undefined;

/** Formats a day number as `YYYY-MM-DD` (memoised: plans repeat the same few hundred days). */
export function plainDateOf(day: DayNumber): PlainDate {
  const index = day - MIN_DAY;
  formatted ??= new Array(MAX_DAY - MIN_DAY + 1);
  let text = formatted[index];
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as PlainDate;
    if (index >= 0 && index <= MAX_DAY - MIN_DAY) formatted[index] = text;
  }
  return text;
}

/** Day of the week of a day number: 0 Sunday ... 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Gregorian year of a day number. */
export function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** First day of a Gregorian year. */
export function firstDayOfYear(year: number): DayNumber {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

const monthSums = new Map<number, DayNumber>();

/**
 * Adds calendar months in UTC with date-fns (31 Jan + 1 month = 28/29 Feb), memoised: a plan adds
 * the same few lags to the same few hundred days.
 */
export function addMonthsToDay(day: DayNumber, months: number): DayNumber {
  if (months === 0) return day;
  const key = Math.abs(months) < 4096 ? day * 8192 + months : Number.NaN;
  let sum = monthSums.get(key);
  if (sum === undefined) {
    sum = Math.round(addMonths(new UTCDateMini(day * MS_PER_DAY), months).getTime() / MS_PER_DAY);
    if (monthSums.size > 200_000) monthSums.clear();
    monthSums.set(key, sum);
  }
  return sum;
}
