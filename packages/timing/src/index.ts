/**
 * `@maslul/timing`: program-scale timing. Durations that are "about" so long, with windows;
 * finish-to-start and start-to-start relations, joins, RRULE series and spans; work calendars;
 * a solver that plans every step from the start and the facts so far and says why; forecasts;
 * Gantt rows. Pure and browser-safe: no Node built-ins, no clock reads.
 *
 * @packageDocumentation
 */

export { addLength } from './add-length.js';
export {
  type CalendarOptions,
  type Closure,
  createCalendar,
  everyDay,
  type Holiday,
  mondayToFriday,
  type Weekday,
  type WorkCalendar,
} from './calendar.js';
export { criticalPath } from './critical-path.js';
export {
  about,
  DEFAULT_TOLERANCE,
  type Duration,
  type DurationInput,
  type DurationUnit,
  exactly,
  type Length,
  parseDuration,
  type WindowOptions,
} from './duration.js';
export { type Issue, MaslulError, TimingError } from './errors.js';
export {
  itemCreateType,
  itemEventType,
  spanFinishType,
  spanStartType,
  splitEventType,
  stepSkipType,
} from './event-types.js';
export { explain } from './explain.js';
export type { Facts, StepFact } from './facts.js';
export {
  type Forecast,
  type ForecastOptions,
  forecast,
  type Percentiles,
} from './forecast.js';
export { type GanttRow, toGantt } from './gantt.js';
export { type Instant, toEpoch } from './instant.js';
export { type Label, labelIn } from './label.js';
export type { PlainDate } from './plain-date.js';
export type {
  Basis,
  DateWindow,
  Move,
  Occurrence,
  Plan,
  PlannedStep,
  PlanWarning,
} from './plan.js';
export type { RecurrenceInput, RecurrenceRule, RRuleSeries } from './recurrence.js';
export {
  type Dependency,
  defineSchedule,
  type Relation,
  type Schedule,
  type ScheduleDefinition,
  type ScheduledStep,
  type ScheduleStepDefinition,
  type ScheduleStepKind,
} from './schedule.js';
export { type SolveOptions, solve } from './solve.js';
export {
  dateIn,
  type StepStatus,
  startOfDayIn,
  statusAt,
} from './status.js';
