import { SPAN } from './model.js';
import { type DayNumber, plainDateOf } from './plain-date.js';
import type { PlanWarning } from './plan.js';
import type { Prepared } from './prepare.js';
import type { Pass } from './propagate.js';

export function warningsOf(p: Prepared, nominal: Pass): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const { model } = p;
  model.steps.forEach((step, i) => {
    const fact = p.facts[i];
    if (step.kind === 'series' && nominal.occurrences[i]?.length === 0 && !fact?.skipped) {
      warnings.push({
        code: 'empty-series',
        step: step.id,
        message: `Series "${step.id}" has no occurrence from ${plainDateOf(nominal.start[i] as number)}: its UNTIL is before its start.`,
      });
    }
    const fixed = model.fixed[i];
    if (fixed !== undefined) warnings.push(...fixedWarnings(p, nominal, i, fixed));
    if (fact?.start === undefined) return;
    for (let e = model.predFrom[i] as number; e < (model.predFrom[i + 1] as number); e++) {
      const other = model.edgeOther[e] as number;
      const fromStart = model.edgeFromStart[e] === 1;
      const anchor = (fromStart ? nominal.start[other] : nominal.finish[other]) as number;
      if (anchor > fact.start) {
        warnings.push({
          code: 'recorded-before-predecessor',
          step: step.id,
          message: `Step "${step.id}" is recorded as started on ${plainDateOf(fact.start)}, before "${model.ids[other]}" ${fromStart ? 'starts' : 'finishes'} (${plainDateOf(anchor)}).`,
        });
      }
    }
  });
  return warnings;
}

/** A fixed date on a day off, or before what the step waits for gives (it is not moved). */
function fixedWarnings(p: Prepared, nominal: Pass, i: number, fixed: DayNumber): PlanWarning[] {
  const id = p.model.ids[i] as string;
  const date = plainDateOf(fixed);
  const what = p.model.kind[i] === SPAN ? 'finish' : 'date';
  const warnings: PlanWarning[] = [];
  const closure = p.calendar.closedOn(fixed);
  if (closure) {
    warnings.push({
      code: 'fixed-on-day-off',
      step: id,
      message: `Step "${id}" has the fixed ${what} ${date}, a day off (${closure.name}) in calendar "${p.calendar.id}"; the calendar does not move a fixed date, so check it is meant.`,
    });
  }
  const fact = p.facts[i];
  if (fact?.start !== undefined || fact?.finish !== undefined) return warnings;
  // What the relations give: a milestone's date before its fixed date replaced it, a span's start.
  const given = nominal.raw[i] as number;
  if ((nominal.driver[i] as number) >= 0 && given > fixed) {
    const other = p.model.ids[p.model.edgeOther[nominal.driver[i] as number] as number];
    warnings.push({
      code: 'fixed-before-predecessor',
      step: id,
      message: `Step "${id}" has the fixed ${what} ${date}, but what it waits for ("${other}") gives ${plainDateOf(given)}: the plan keeps ${date}; move the fixed date or shorten what comes before.`,
    });
  }
  return warnings;
}
