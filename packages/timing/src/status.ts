// By its path, the mini class: the root also loads tzScan, tzName and the formatting TZDate.
import { TZDateMini } from '@date-fns/tz/date/mini';
import { fail } from './errors.js';
import { type Instant, toEpoch } from './instant.js';
import { type DayNumber, dayOf, type PlainDate, plainDateOf, tryDayOf } from './plain-date.js';
import type { Plan, PlannedStep } from './plan.js';

/**
 * Where a step stands on a given day:
 * - `done`: its finish is recorded;
 * - `skipped`: it was skipped (it did not happen, and is settled);
 * - `in-progress`: its start is recorded, its finish is not, and its finish window is still open;
 * - `upcoming`: not started, and its start window has not opened;
 * - `open`: not started, and today is inside its start window (its `opens` deadline has passed,
 *   its `overdue` one has not; a deadline's `due` is the planned date inside that window);
 * - `overdue`: past the latest start (not started) or the latest finish (started).
 *
 * @example
 * ```ts
 * import type { StepStatus } from '@maslul/timing';
 *
 * const status: StepStatus = 'open';
 * ```
 * @category Solver
 */
export type StepStatus = 'done' | 'skipped' | 'in-progress' | 'upcoming' | 'open' | 'overdue';

/**
 * The plain date an instant falls on in a time zone (a plain date is returned as it is).
 *
 * @param at - the instant, or a plain date
 * @param timeZone - an IANA time zone, e.g. `'Asia/Jerusalem'`
 * @returns the date in that zone
 * @throws TimingError `invalid-instant` when `at` is not a valid instant
 *
 * @example
 * ```ts
 * import { dateIn } from '@maslul/timing';
 *
 * dateIn('2027-03-25T22:30:00Z', 'Asia/Jerusalem'); // '2027-03-26'
 * dateIn('2027-03-25T22:30:00Z', 'Europe/London'); // '2027-03-25'
 * ```
 * @category Dates
 */
export function dateIn(at: Instant, timeZone: string): PlainDate {
  const plain = tryDayOf(at);
  if (plain !== undefined) return plainDateOf(plain);
  const time = toEpoch(at);
  if (!Number.isFinite(time)) {
    fail({
      code: 'invalid-instant',
      path: ['at'],
      rule: 'timing.instant',
      message: `The instant ${JSON.stringify(at)} is not a valid date-time; give a Date, epoch milliseconds or an ISO string such as "2027-01-10T09:30:00+02:00".`,
    });
  }
  // Every zone's offset is a whole number of quarter hours and changes only on a quarter hour, so
  // all instants of one UTC quarter hour fall on the same local date: one Intl look-up serves them.
  const key = `${timeZone} ${Math.floor(time / QUARTER_HOUR)}`;
  let date = localDates.get(key);
  if (date === undefined) {
    const local = new TZDateMini(time, timeZone);
    date = plainDateOf(
      Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / 86_400_000,
    );
    if (localDates.size > 20_000) localDates.clear();
    localDates.set(key, date);
  }
  return date;
}

const QUARTER_HOUR = 15 * 60 * 1000;
const localDates = new Map<string, PlainDate>();

/**
 * The instant a plain date begins in a time zone (its first moment, 00:00 local, or later on the
 * rare days a clock change skips midnight), as epoch milliseconds.
 *
 * @param date - the plain date
 * @param timeZone - an IANA time zone, e.g. `'Asia/Jerusalem'`
 * @returns epoch milliseconds
 * @throws TimingError `invalid-date` when the date is not `YYYY-MM-DD`
 *
 * @example
 * ```ts
 * import { startOfDayIn } from '@maslul/timing';
 *
 * new Date(startOfDayIn('2027-03-26', 'Asia/Jerusalem')).toISOString(); // '2027-03-25T22:00:00.000Z'
 * new Date(startOfDayIn('2027-03-27', 'Asia/Jerusalem')).toISOString(); // '2027-03-26T21:00:00.000Z'
 * ```
 * @category Dates
 */
export function startOfDayIn(date: PlainDate, timeZone: string): number {
  let starts = dayStarts.get(timeZone);
  if (!starts) {
    starts = new Map();
    if (dayStarts.size > 1_000) dayStarts.clear();
    dayStarts.set(timeZone, starts);
  }
  let instant = starts.get(date);
  if (instant === undefined) {
    const day = dayOf(date, ['date']);
    const utc = new Date(day * 86_400_000);
    instant = new TZDateMini(
      utc.getUTCFullYear(),
      utc.getUTCMonth(),
      utc.getUTCDate(),
      timeZone,
    ).getTime();
    if (starts.size > 20_000) starts.clear();
    starts.set(date, instant);
  }
  return instant;
}

/**
 * Day starts by zone, then date: time-zone arithmetic through Intl is slow, and plans repeat
 * days (a map per zone, so a look-up builds no key).
 */
const dayStarts = new Map<string, Map<PlainDate, number>>();

function statusOn(step: PlannedStep, today: DayNumber): StepStatus {
  const day = (date: PlainDate): DayNumber => tryDayOf(date) as DayNumber;
  if (step.recorded.finish) return step.recorded.skipped ? 'skipped' : 'done';
  if (step.recorded.start) return today > day(step.finishWindow.latest) ? 'overdue' : 'in-progress';
  if (today > day(step.window.latest)) return 'overdue';
  return today >= day(step.window.earliest) ? 'open' : 'upcoming';
}

/**
 * The status of every step of a plan at an instant, read in the plan calendar's time zone.
 *
 * @param plan - a plan from `solve`
 * @param at - the instant (from your clock) or a plain date
 * @returns each step's status by id
 *
 * @example
 * ```ts
 * import { defineSchedule, solve, statusAt } from '@maslul/timing';
 *
 * const plan = solve(defineSchedule({ a: {}, b: { after: { step: 'a', lag: 'P2W' } } }), {
 *   start: '2027-01-04',
 *   facts: { a: '2027-01-04' },
 * });
 * statusAt(plan, '2027-01-05'); // { a: 'done', b: 'upcoming' }
 * statusAt(plan, '2027-01-18'); // { a: 'done', b: 'open' }
 * statusAt(plan, '2027-02-01'); // { a: 'done', b: 'overdue' }
 * ```
 * @category Solver
 */
export function statusAt<Id extends string>(plan: Plan<Id>, at: Instant): Record<Id, StepStatus> {
  const today = tryDayOf(dateIn(at, plan.calendar.timeZone)) as DayNumber;
  const statuses = {} as Record<Id, StepStatus>;
  for (const id of plan.order) statuses[id] = statusOn(plan.steps[id], today);
  return statuses;
}
