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
 * The backward pass: for each step that leads to a target, the latest start that keeps every
 * target's planned finish (or, `together`, the latest finish of all targets: the program's end); slack is that minus the planned start, in calendar days. NaN marks
 * steps that lead to no target. A step whose start was recorded constrains nothing before it.
 */
export function slackTo(
  model: Model,
  calendar: DayCalendar,
  pass: Pass,
  facts: readonly (DayFact | undefined)[],
  targets: readonly number[],
  together: boolean,
): Float64Array {
  const n = model.steps.length;
  const lateStart = new Float64Array(n).fill(Number.NaN);
  const lateFinish = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let end = Number.NEGATIVE_INFINITY;
  for (const t of targets) end = Math.max(end, pass.finish[t] as number);
  for (const t of targets) lateFinish[t] = together ? end : (pass.finish[t] as number);
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
