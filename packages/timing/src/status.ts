// By its path, one function (about 400 bytes): the zone's offset at an instant, all that a local
// date needs. The root also loads tzScan, tzName and the TZDate classes (about 3 KB minified).
import { tzOffset } from '@date-fns/tz/tzOffset';
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
    date = plainDateOf(Math.floor((time + offsetAt(timeZone, time)) / MS_PER_DAY));
    if (localDates.size > 20_000) localDates.clear();
    localDates.set(key, date);
  }
  return date;
}

const QUARTER_HOUR = 15 * 60 * 1000;
const MS_PER_DAY = 86_400_000;
const localDates = new Map<string, PlainDate>();

/**
 * The zone's offset from UTC at an instant, in milliseconds (`NaN` for a zone Intl does not
 * know). tzOffset gives minutes, with the seconds of old local mean times as a fraction: rounded
 * to the second here, as TZDate did.
 */
function offsetAt(timeZone: string, time: number): number {
  return Math.round(tzOffset(timeZone, new Date(time)) * 60) * 1000;
}

/**
 * The instant a plain date begins in a time zone (its first moment, 00:00 local, or later on the
 * rare days a clock change skips midnight; for a day a zone skipped altogether, the next day's
 * start), as epoch milliseconds.
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
    instant = firstInstantOf(dayOf(date, ['date']) * MS_PER_DAY, timeZone);
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

/**
 * The first instant whose local time in the zone is `midnight` (a day's 00:00, as epoch
 * milliseconds read as UTC) or later. Midnight is `midnight - offset` for the offset in force
 * then, which is the offset a day before or the one a day after (no zone changes twice in two
 * days):
 * - one of the two fits: that instant; both, when the clock went back over midnight and it came
 *   twice: the earlier, which is the larger offset's;
 * - neither fits: the clock skipped midnight, and the day begins when the clock changed (01:00
 *   where it springs forward at 00:00; for a day the zone skipped, like Apia's 2011-12-30, the
 *   next day's start). That instant is found by halving, to the millisecond: changes from local
 *   mean time fall on odd seconds.
 */
function firstInstantOf(midnight: number, timeZone: string): number {
  const before = offsetAt(timeZone, midnight - MS_PER_DAY);
  const after = offsetAt(timeZone, midnight + MS_PER_DAY);
  const larger = Math.max(before, after);
  if (offsetAt(timeZone, midnight - larger) === larger) return midnight - larger;
  const smaller = Math.min(before, after);
  if (offsetAt(timeZone, midnight - smaller) === smaller) return midnight - smaller;
  if (Number.isNaN(larger)) return Number.NaN; // a zone Intl does not know
  // In the gap: at `midnight - after` the old offset is still in force, at `midnight - before`
  // the new one is; the change is in between.
  let old = midnight - after;
  let changed = midnight - before;
  while (changed - old > 1) {
    const middle = Math.floor((old + changed) / 2);
    if (offsetAt(timeZone, middle) === before) old = middle;
    else changed = middle;
  }
  return changed;
}

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
