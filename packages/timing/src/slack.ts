import type { DayCalendar } from './calendar.js';
import type { DayFact } from './facts.js';
import { type Model, SPAN } from './model.js';
import { addMonthsToDay, type DayNumber } from './plain-date.js';
import { NOMINAL, type Pass } from './propagate.js';
import { latestBeforeWorkingDays } from './working-days.js';

/** The latest anchor day `a` with `a + months + days <= limit` (months added first). */
export function latestAnchor(limit: DayNumber, months: number, days: number): DayNumber {
  const y = limit - days;
  if (months === 0) return y;
  let a = addMonthsToDay(y, -months);
  while (addMonthsToDay(a + 1, months) <= y) a++;
  while (addMonthsToDay(a, months) > y) a--;
  return a;
}

function previousWorkingDay(calendar: DayCalendar, day: DayNumber, floor: DayNumber): DayNumber {
  let d = day;
  while (d > floor && !calendar.isOpen(d)) d--;
  return d;
}

/**
 * The backward pass: the latest start of each step that keeps the targets' planned finishes;
 * slack is that minus the planned start, in calendar days. With `programEnd`, every step must
 * finish by that day (the classic critical-path method); otherwise only steps that lead to a
 * target get a slack, and the others NaN. A step whose start was recorded constrains nothing
 * before it.
 */
export function slackTo(
  model: Model,
  calendar: DayCalendar,
  pass: Pass,
  facts: readonly (DayFact | undefined)[],
  targets: readonly number[],
  programEnd: DayNumber | undefined,
): Float64Array {
  const n = model.steps.length;
  const { succFrom, succEdges, edgeStep, edgeFromStart } = model;
  const lagMonths = model.lags.months[NOMINAL];
  const lagDays = model.lags.days[NOMINAL];
  const lagWorking = model.lags.working[NOMINAL];
  const lateStart = new Float64Array(n).fill(Number.NaN);
  const lateFinish = new Float64Array(n).fill(programEnd ?? Number.POSITIVE_INFINITY);
  for (const t of targets) lateFinish[t] = pass.finish[t] as number;
  const slack = new Float64Array(n).fill(Number.NaN);
  for (let i = n - 1; i >= 0; i--) {
    const begin = pass.start[i] as number;
    let latestBegin = Number.POSITIVE_INFINITY;
    let latestEnd = lateFinish[i] as number;
    const last = succFrom[i + 1] as number;
    for (let k = succFrom[i] as number; k < last; k++) {
      const e = succEdges[k] as number;
      const next = edgeStep[e] as number;
      const nextStart = lateStart[next] as number;
      if (Number.isNaN(nextStart) || facts[next]?.start !== undefined) continue;
      // Working days are added last, so they are taken off first.
      const limit = latestBeforeWorkingDays(calendar, nextStart, lagWorking[e] as number);
      const bound = latestAnchor(limit, lagMonths[e] as number, lagDays[e] as number);
      if (edgeFromStart[e]) latestBegin = Math.min(latestBegin, bound);
      else latestEnd = Math.min(latestEnd, bound);
    }
    if (latestBegin === Number.POSITIVE_INFINITY && latestEnd === Number.POSITIVE_INFINITY)
      continue;
    // A step shifts whole: a span's or series' length stays as planned. A fixed milestone does
    // not shift at all; a span until a fixed date may start as late as that date.
    const fixed = model.fixed[i];
    const latest =
      fixed === undefined
        ? Math.min(latestBegin, latestEnd - ((pass.finish[i] as number) - begin))
        : model.kind[i] === SPAN
          ? Math.min(latestBegin, fixed)
          : begin;
    lateStart[i] = previousWorkingDay(calendar, latest, begin);
    slack[i] = (lateStart[i] as number) - begin;
  }
  return slack;
}
