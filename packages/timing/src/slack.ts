import type { DayCalendar } from './calendar.js';
import type { Length } from './duration.js';
import type { DayFact } from './facts.js';
import type { Model } from './model.js';
import { addMonthsToDay, type DayNumber } from './plain-date.js';
import type { Pass } from './propagate.js';

/** The latest anchor day `a` with `a + length <= limit` (months added first, then days). */
export function latestAnchor(limit: DayNumber, length: Length): DayNumber {
  const y = limit - length.days;
  if (length.months === 0) return y;
  let a = addMonthsToDay(y, -length.months);
  while (addMonthsToDay(a + 1, length.months) <= y) a++;
  while (addMonthsToDay(a, length.months) > y) a--;
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
  const lateStart = new Float64Array(n).fill(Number.NaN);
  const lateFinish = new Float64Array(n).fill(programEnd ?? Number.POSITIVE_INFINITY);
  for (const t of targets) lateFinish[t] = pass.finish[t] as number;
  const slack = new Float64Array(n).fill(Number.NaN);
  for (let i = n - 1; i >= 0; i--) {
    const begin = pass.start[i] as number;
    let latestBegin = Number.POSITIVE_INFINITY;
    let latestEnd = lateFinish[i] as number;
    for (const edge of model.succs[i] ?? []) {
      const next = lateStart[edge.other] as number;
      if (Number.isNaN(next) || facts[edge.other]?.start !== undefined) continue;
      const bound = latestAnchor(next, edge.lag.nominal);
      if (edge.fromStart) latestBegin = Math.min(latestBegin, bound);
      else latestEnd = Math.min(latestEnd, bound);
    }
    if (latestBegin === Number.POSITIVE_INFINITY && latestEnd === Number.POSITIVE_INFINITY)
      continue;
    const length = (pass.finish[i] as number) - begin;
    const latest = Math.min(latestBegin, latestEnd - length);
    lateStart[i] = previousWorkingDay(calendar, latest, begin);
    slack[i] = (lateStart[i] as number) - begin;
  }
  return slack;
}
