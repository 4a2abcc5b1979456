import { type DayCalendar, dayCalendarOf, mondayToFriday } from './calendar.js';
import { checkFacts, type DayFact } from './facts.js';
import { type Model, modelOf } from './model.js';
import { type DayNumber, dayOf } from './plain-date.js';
import type { Schedule } from './schedule.js';
import type { SolveOptions } from './solve.js';

/** Everything a solve and a forecast check before planning, so nothing is half-computed. */
export interface Prepared {
  readonly model: Model;
  readonly calendar: DayCalendar;
  readonly start: DayNumber;
  readonly facts: (DayFact | undefined)[];
}

/** Checks the options against the schedule; throws a TimingError before any planning. */
export function prepare(schedule: Schedule, options: SolveOptions): Prepared {
  const model = modelOf(schedule);
  const start = dayOf(options.start, ['start']);
  const calendar = dayCalendarOf(options.calendar ?? mondayToFriday);
  const facts = checkFacts(schedule, options.facts);
  return { model, calendar, start, facts };
}
