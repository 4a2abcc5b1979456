// Written by scripts/public-exports/generate.mjs: the public API of @maslul/timing, pinned. Do
// not edit by hand; change the index, run `npm run public-exports`, and review this diff.
import { expectTypeOf, test } from 'vitest';

// @maslul/timing
import type * as entry0 from '../index.js';

test('@maslul/timing exports exactly these values', () => {
  expectTypeOf<keyof typeof entry0>().toEqualTypeOf<
    | 'DEFAULT_TOLERANCE'
    | 'MaslulError'
    | 'TimingError'
    | 'about'
    | 'addLength'
    | 'createCalendar'
    | 'criticalPath'
    | 'dateIn'
    | 'defineSchedule'
    | 'everyDay'
    | 'exactly'
    | 'explain'
    | 'forecast'
    | 'itemCreateType'
    | 'itemEventType'
    | 'labelIn'
    | 'mondayToFriday'
    | 'parseDuration'
    | 'solve'
    | 'spanFinishType'
    | 'spanStartType'
    | 'splitEventType'
    | 'startOfDayIn'
    | 'statusAt'
    | 'stepSkipType'
    | 'toEpoch'
    | 'toGantt'
  >();
});

test('@maslul/timing exports these types', () => {
  type Named = [
    entry0.Basis,
    entry0.CalendarOptions,
    entry0.Closure,
    entry0.DateWindow,
    entry0.Dependency,
    entry0.Duration,
    entry0.DurationInput,
    entry0.DurationUnit,
    entry0.Facts,
    entry0.Forecast,
    entry0.ForecastOptions,
    entry0.GanttRow,
    entry0.Holiday,
    entry0.Instant,
    entry0.Issue,
    entry0.Label,
    entry0.Length,
    entry0.Move,
    entry0.Occurrence,
    entry0.Percentiles,
    entry0.PlainDate,
    entry0.Plan,
    entry0.PlanWarning,
    entry0.PlannedStep,
    entry0.RRuleSeries,
    entry0.RecurrenceInput,
    entry0.RecurrenceRule,
    entry0.Relation,
    entry0.Schedule,
    entry0.ScheduleDefinition,
    entry0.ScheduleStepDefinition,
    entry0.ScheduleStepKind,
    entry0.ScheduledStep,
    entry0.SolveOptions,
    entry0.StepFact,
    entry0.StepStatus,
    entry0.Weekday,
    entry0.WindowOptions,
    entry0.WorkCalendar,
  ];
  expectTypeOf<Named>().not.toBeNever();
});

// @maslul/timing/israel
import type * as entry1 from '../israel/index.js';

test('@maslul/timing/israel exports exactly these values', () => {
  expectTypeOf<keyof typeof entry1>().toEqualTypeOf<'israelCalendar' | 'israeliHolidays'>();
});

test('@maslul/timing/israel exports these types', () => {
  type Named = [entry1.IsraelCalendarOptions];
  expectTypeOf<Named>().not.toBeNever();
});

// @maslul/timing/rrule
import type * as entry2 from '../rrule/index.js';

test('@maslul/timing/rrule exports exactly these values', () => {
  expectTypeOf<keyof typeof entry2>().toEqualTypeOf<'rrule'>();
});

test('@maslul/timing/rrule exports these types', () => {
  type Named = [entry2.RRuleSeries];
  expectTypeOf<Named>().not.toBeNever();
});

// @maslul/timing/names
import type * as entry3 from '../names/index.js';

test('@maslul/timing/names exports exactly these values', () => {
  expectTypeOf<keyof typeof entry3>().toEqualTypeOf<
    | 'itemCreateType'
    | 'itemEventType'
    | 'labelIn'
    | 'spanFinishType'
    | 'spanStartType'
    | 'splitEventType'
    | 'stepSkipType'
    | 'toEpoch'
  >();
});

test('@maslul/timing/names exports these types', () => {
  type Named = [entry3.Instant, entry3.Label];
  expectTypeOf<Named>().not.toBeNever();
});
