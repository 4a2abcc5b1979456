import { utc } from '@date-fns/utc';
import { addDays, addMonths } from 'date-fns';
// fast-check 4 names only part of its API as named exports; the default export has all of it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  about,
  createCalendar,
  criticalPath,
  type Dependency,
  type DurationInput,
  defineSchedule,
  everyDay,
  exactly,
  type Facts,
  forecast,
  type Holiday,
  type Length,
  mondayToFriday,
  type PlainDate,
  type Plan,
  type PlannedStep,
  type RecurrenceInput,
  type Schedule,
  type ScheduleStepDefinition,
  type StepFact,
  solve,
  type Weekday,
  type WorkCalendar,
} from '../index.js';
import { israelCalendar } from '../israel/index.js';
import { rrule } from '../rrule/index.js';

// ---------------------------------------------------------------------------------------------
// Random schedules. The arbitraries build small plain specs (so a shrunk counterexample reads
// well and can be pasted back); `build` turns a spec into the schedule, calendar and options.
// ---------------------------------------------------------------------------------------------

type LagUnit = 'days' | 'weeks' | 'months';
/** `['about', 2, 'weeks']`, `['exactly', 3, 'days']` or an ISO string read as "about". */
type LagSpec = readonly ['about' | 'exactly', number, LagUnit] | 'P2W' | 'P1M' | 'P10D';

interface DependencySpec {
  /** Which earlier step: `pick % index`, so it always names an earlier id. */
  readonly pick: number;
  /** `'plain'` is the bare id: finish-to-start with no lag. */
  readonly from: 'finish' | 'start' | 'plain';
  readonly lag: LagSpec;
}

type KindSpec =
  | { readonly kind: 'milestone' }
  | { readonly kind: 'span'; readonly duration: LagSpec }
  | { readonly kind: 'series'; readonly repeat: RecurrenceInput };

interface StepSpec {
  readonly after: readonly DependencySpec[];
  readonly what: KindSpec;
}

type CalendarSpec =
  | { readonly kind: 'mon-fri' }
  | { readonly kind: 'every-day' }
  | { readonly kind: 'israel'; readonly cholHamoed: boolean; readonly erev: boolean }
  | {
      readonly kind: 'custom';
      readonly weekend: readonly Weekday[];
      /** Days after the program start, or (month, day) pairs closed every year. */
      readonly holidays:
        | { readonly offsets: readonly number[] }
        | { readonly yearly: readonly (readonly [number, number])[] };
    };

interface CaseSpec {
  readonly start: PlainDate;
  readonly calendar: CalendarSpec;
  readonly steps: readonly StepSpec[];
}

/** Which step to record a fact for (`pick % steps`), and how far from its plan. */
interface FactSpec {
  readonly pick: number;
  readonly shift: number;
  readonly finishShift: number;
  readonly occurrenceShifts: readonly number[];
}

const MS_PER_DAY = 86_400_000;
const WEEKDAYS: readonly Weekday[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

const dateOfDay = (day: number): PlainDate =>
  new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as PlainDate;
const dayOfDate = (date: PlainDate): number => Date.parse(date) / MS_PER_DAY;
const shiftDate = (date: PlainDate, days: number): PlainDate => dateOfDay(dayOfDate(date) + days);

const lagArb: fc.Arbitrary<LagSpec> = fc.oneof(
  fc.tuple(
    fc.constantFrom('about' as const, 'exactly' as const),
    fc.integer({ min: 0, max: 30 }),
    fc.constant('days' as const),
  ),
  fc.tuple(
    fc.constantFrom('about' as const, 'exactly' as const),
    fc.integer({ min: 0, max: 8 }),
    fc.constant('weeks' as const),
  ),
  fc.tuple(
    fc.constantFrom('about' as const, 'exactly' as const),
    fc.integer({ min: 0, max: 6 }),
    fc.constant('months' as const),
  ),
  fc.constantFrom('P2W' as const, 'P1M' as const, 'P10D' as const),
);

const dependencyArb: fc.Arbitrary<DependencySpec> = fc.record({
  pick: fc.nat({ max: 1000 }),
  from: fc.constantFrom('finish' as const, 'start' as const, 'plain' as const),
  lag: lagArb,
});

const rruleArb: fc.Arbitrary<RecurrenceInput> = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY'),
    interval: fc.integer({ min: 1, max: 3 }),
    count: fc.integer({ min: 1, max: 5 }),
    byDay: fc.option(fc.constantFrom('MO', 'TU,TH', 'MO,WE,FR', 'SU'), { nil: undefined }),
  })
  .map(({ freq, interval, count, byDay }) =>
    rrule(`FREQ=${freq};INTERVAL=${interval};COUNT=${count}${byDay ? `;BYDAY=${byDay}` : ''}`),
  );

const kindArb: fc.Arbitrary<KindSpec> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'milestone' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('span' as const), duration: lagArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('series' as const),
      repeat: fc.oneof(
        fc.record({
          every: fc.constantFrom('P2W', 'P1W', 'P1M', 'P10D'),
          count: fc.integer({ min: 1, max: 5 }),
        }),
        rruleArb,
      ),
    }),
  },
);

const stepArb: fc.Arbitrary<StepSpec> = fc.record({
  after: fc.array(dependencyArb, { maxLength: 3 }),
  what: kindArb,
});

const calendarArb: fc.Arbitrary<CalendarSpec> = fc.oneof(
  fc.constant({ kind: 'mon-fri' as const }),
  fc.constant({ kind: 'every-day' as const }),
  fc.record({ kind: fc.constant('israel' as const), cholHamoed: fc.boolean(), erev: fc.boolean() }),
  fc.record({
    kind: fc.constant('custom' as const),
    weekend: fc.subarray([...WEEKDAYS], { maxLength: 6 }),
    holidays: fc.oneof(
      fc.record({ offsets: fc.array(fc.integer({ min: 0, max: 900 }), { maxLength: 25 }) }),
      fc.record({
        yearly: fc.array(
          fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })),
          { maxLength: 12 },
        ),
      }),
    ),
  }),
);

const FIRST_START = Date.UTC(1990, 0, 1) / MS_PER_DAY;
const LAST_START = Date.UTC(2100, 11, 31) / MS_PER_DAY;

const caseArb: fc.Arbitrary<CaseSpec> = fc.record({
  start: fc.integer({ min: FIRST_START, max: LAST_START }).map(dateOfDay),
  calendar: calendarArb,
  steps: fc.array(stepArb, { minLength: 1, maxLength: 40 }),
});

const factArb: fc.Arbitrary<FactSpec> = fc.record({
  pick: fc.nat({ max: 1000 }),
  shift: fc.integer({ min: -20, max: 60 }),
  finishShift: fc.integer({ min: -20, max: 60 }),
  occurrenceShifts: fc.array(fc.integer({ min: -20, max: 60 }), { minLength: 1, maxLength: 5 }),
});

// ---------------------------------------------------------------------------------------------
// From specs to the solver's inputs, and the test's own reading of them.
// ---------------------------------------------------------------------------------------------

const idOf = (i: number): string => `s${i}`;

function durationOf(spec: LagSpec): DurationInput {
  if (typeof spec === 'string') return spec;
  const [kind, amount, unit] = spec;
  return kind === 'about' ? about(amount, unit) : exactly(amount, unit);
}

/** The nominal length, read from the spec by the test rather than from the solver. */
function nominalOf(spec: LagSpec): Length {
  if (spec === 'P2W') return { months: 0, days: 14 };
  if (spec === 'P1M') return { months: 1, days: 0 };
  if (spec === 'P10D') return { months: 0, days: 10 };
  const [, amount, unit] = spec;
  if (unit === 'months') return { months: amount, days: 0 };
  return { months: 0, days: unit === 'weeks' ? amount * 7 : amount };
}

interface ExpectedRelation {
  readonly step: string;
  readonly fromStart: boolean;
  readonly lag: Length;
}

/** Each step's relations as the test understands the spec (step 0 waits for nothing). */
function relationsOf(spec: CaseSpec): Map<string, ExpectedRelation[]> {
  return new Map(
    spec.steps.map((step, i) => [
      idOf(i),
      i === 0
        ? []
        : step.after.map((dep) => ({
            step: idOf(dep.pick % i),
            fromStart: dep.from === 'start',
            lag: dep.from === 'plain' ? { months: 0, days: 0 } : nominalOf(dep.lag),
          })),
    ]),
  );
}

function definitionOf(spec: CaseSpec): Record<string, ScheduleStepDefinition> {
  const definition: Record<string, ScheduleStepDefinition> = {};
  spec.steps.forEach((step, i) => {
    const after: Dependency[] =
      i === 0
        ? []
        : step.after.map((dep) => {
            const other = idOf(dep.pick % i);
            if (dep.from === 'plain') return other;
            const lag = durationOf(dep.lag);
            return dep.from === 'start'
              ? { step: other, lag, from: 'start' }
              : { step: other, lag };
          });
    const what = step.what;
    definition[idOf(i)] = {
      ...(after.length > 0 ? { after } : {}),
      ...(what.kind === 'span' ? { duration: durationOf(what.duration) } : {}),
      ...(what.kind === 'series' ? { repeat: what.repeat } : {}),
    };
  });
  return definition;
}

// Israeli calendars are pure and compute holidays lazily per year; share them across runs so
// hebcal runs once per year rather than once per run.
const israelCalendars = new Map<string, WorkCalendar>();

function calendarOf(spec: CalendarSpec, start: PlainDate, fresh = false): WorkCalendar {
  switch (spec.kind) {
    case 'mon-fri':
      return mondayToFriday;
    case 'every-day':
      return everyDay;
    case 'israel': {
      const key = `${spec.cholHamoed}/${spec.erev}`;
      const shared = israelCalendars.get(key);
      if (shared && !fresh) return shared;
      const calendar = israelCalendar({ cholHamoed: spec.cholHamoed, erev: spec.erev });
      if (!shared) israelCalendars.set(key, calendar);
      return calendar;
    }
    case 'custom': {
      const { holidays } = spec;
      const pad = (n: number): string => String(n).padStart(2, '0');
      return createCalendar({
        id: 'random',
        weekend: spec.weekend,
        holidays:
          'offsets' in holidays
            ? holidays.offsets.map((d): Holiday => ({ date: shiftDate(start, d), name: `+${d}` }))
            : (year) =>
                holidays.yearly.map(
                  ([m, d]): Holiday => ({
                    date: `${year}-${pad(m)}-${pad(d)}` as PlainDate,
                    name: `${m}/${d}`,
                  }),
                ),
      });
    }
  }
}

interface Built {
  readonly schedule: Schedule;
  readonly calendar: WorkCalendar;
  readonly start: PlainDate;
}

function build(spec: CaseSpec): Built {
  return {
    schedule: defineSchedule(definitionOf(spec)),
    calendar: calendarOf(spec.calendar, spec.start),
    start: spec.start,
  };
}

function stepOf(plan: Plan, id: string): PlannedStep {
  const step = plan.steps[id];
  if (!step) throw new Error(`plan has no step "${id}"`);
  return step;
}

/** A fact for one step, moved from its plan as the spec says; valid for the step's kind. */
function factFor(
  plan: Plan,
  ids: readonly string[],
  spec: FactSpec,
): [string, StepFact | PlainDate] {
  const id = ids[spec.pick % ids.length] as string;
  const planned = stepOf(plan, id);
  const start = shiftDate(planned.start, spec.shift);
  if (planned.kind === 'milestone') return [id, start];
  if (planned.kind === 'span') {
    const finish = Math.max(dayOfDate(planned.finish) + spec.finishShift, dayOfDate(start));
    return [id, { start, finish: dateOfDay(finish) }];
  }
  const occurrences = (planned.occurrences ?? [])
    .slice(0, spec.occurrenceShifts.length)
    .map((occurrence, k) => shiftDate(occurrence.date, spec.occurrenceShifts[k] ?? 0))
    .sort();
  return [id, { occurrences }];
}

/** The steps that wait, directly or not, for `root`, and `root` itself. */
function dependentsOf(schedule: Schedule, root: string): Set<string> {
  const found = new Set([root]);
  // `order` lists each step after what it waits for, so one pass reaches every dependent.
  for (const id of schedule.order) {
    const step = schedule.steps[id];
    if (step?.after.some((relation) => found.has(relation.step))) found.add(id);
  }
  return found;
}

/** Anchor plus lag as the solver documents it: months first (date-fns, in UTC), then days. */
function plusLag(anchor: PlainDate, lag: Length): PlainDate {
  const months = addMonths(Date.parse(anchor), lag.months, { in: utc });
  return addDays(months, lag.days, { in: utc }).toISOString().slice(0, 10) as PlainDate;
}

/** A case, solved, with at most one recorded fact (none when `fact` is null). */
function solveWith(spec: CaseSpec, fact: FactSpec | null) {
  const built = build(spec);
  const options = { start: built.start, calendar: built.calendar };
  const base = solve(built.schedule, options);
  if (!fact) return { ...built, plan: base, facts: {} as Facts };
  const [id, value] = factFor(base, built.schedule.order, fact);
  const facts: Facts = { [id]: value };
  return { ...built, plan: solve(built.schedule, { ...options, facts }), facts };
}

const RUNS = { numRuns: 200 };
/** Each property takes 0.2-2.5 s here; room for slower machines over vitest's 5 s default. */
const TIMEOUT = 15_000;

describe('solve', { timeout: TIMEOUT }, () => {
  it('plans no step before what it waits for plus the nominal lag', () => {
    fc.assert(
      fc.property(caseArb, fc.option(factArb, { nil: null }), (spec, fact) => {
        const { plan, facts } = solveWith(spec, fact);
        for (const [id, relations] of relationsOf(spec)) {
          if (id in facts) continue;
          const start = stepOf(plan, id).start;
          for (const relation of relations) {
            const other = stepOf(plan, relation.step);
            const anchor = relation.fromStart ? other.start : other.finish;
            const earliest = plusLag(anchor, relation.lag);
            expect(start >= earliest, `${id} at ${start}, before ${earliest}`).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('keeps every planned date inside its window, and each start no later than its finish', () => {
    fc.assert(
      fc.property(caseArb, fc.option(factArb, { nil: null }), (spec, fact) => {
        // This holds for every rule, including RRULEs whose first occurrence is not monotone in
        // the first day (BYDAY with an INTERVAL, monthly by date): the solver widens such windows.
        const { plan } = solveWith(spec, fact);
        for (const id of plan.order) {
          const { start, finish, window, finishWindow } = stepOf(plan, id);
          const where = `${id}: start ${start} in ${window.earliest}..${window.latest}, finish ${finish} in ${finishWindow.earliest}..${finishWindow.latest}`;
          expect(start <= finish, where).toBe(true);
          expect(window.earliest <= start && start <= window.latest, where).toBe(true);
          expect(finishWindow.earliest <= finish && finish <= finishWindow.latest, where).toBe(
            true,
          );
        }
      }),
      RUNS,
    );
  });

  it('moves no step that does not wait for a newly recorded fact', () => {
    fc.assert(
      fc.property(caseArb, factArb, (spec, fact) => {
        const built = build(spec);
        const options = { start: built.start, calendar: built.calendar };
        const before = solve(built.schedule, options);
        const [id, value] = factFor(before, built.schedule.order, fact);
        const after = solve(built.schedule, { ...options, facts: { [id]: value } });
        const moved = dependentsOf(built.schedule, id);
        for (const other of built.schedule.order) {
          if (moved.has(other)) continue;
          const pick = ({ start, finish, window, finishWindow, occurrences }: PlannedStep) => ({
            start,
            finish,
            window,
            finishWindow,
            occurrences,
          });
          expect(pick(stepOf(after, other)), `${other} after a fact for ${id}`).toEqual(
            pick(stepOf(before, other)),
          );
        }
      }),
      RUNS,
    );
  });

  it('plans every date of a step without a fact on a working day', () => {
    fc.assert(
      fc.property(caseArb, fc.option(factArb, { nil: null }), (spec, fact) => {
        const { plan, facts, calendar } = solveWith(spec, fact);
        for (const id of plan.order) {
          if (id in facts) continue;
          const step = stepOf(plan, id);
          const dates = [
            step.start,
            step.finish,
            step.window.earliest,
            step.window.latest,
            step.finishWindow.earliest,
            step.finishWindow.latest,
            ...(step.occurrences ?? []).filter((o) => !o.recorded).map((o) => o.date),
          ];
          for (const date of dates) {
            expect(calendar.isWorkingDay(date), `${id}: ${date} on ${calendar.id}`).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives the same plan and the same seeded forecast every time', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), (spec, seed) => {
        const first = build(spec);
        // A second schedule and calendar built from the same spec: no cache may change a date.
        const second: Built = {
          ...first,
          schedule: defineSchedule(definitionOf(spec)),
          calendar: calendarOf(spec.calendar, spec.start, true),
        };
        const plans = [first, first, second].map((b) =>
          solve(b.schedule, { start: b.start, calendar: b.calendar }),
        );
        expect(plans[1]).toEqual(plans[0]);
        expect(plans[2]).toEqual(plans[0]);
        const forecasts = [first, first, second].map((b) =>
          forecast(b.schedule, { start: b.start, calendar: b.calendar, samples: 50, seed }),
        );
        expect(forecasts[1]).toEqual(forecasts[0]);
        expect(forecasts[2]).toEqual(forecasts[0]);
      }),
      { numRuns: 100 },
    );
  });

  it('gives no step negative slack without facts, and marks the critical path critical', () => {
    fc.assert(
      fc.property(caseArb, (spec) => {
        const { plan } = solveWith(spec, null);
        for (const id of plan.order) {
          const { slack } = stepOf(plan, id);
          expect(slack === null || slack >= 0, `${id}: slack ${slack}`).toBe(true);
        }
        for (const id of criticalPath(plan)) {
          const step = stepOf(plan, id);
          expect(step.critical, `${id} on the critical path has slack ${step.slack}`).toBe(true);
        }
      }),
      // Cheap (about 1 ms a run), and the schedules that break it are rare: the step that
      // finishes last has a successor (start-to-start, or one that finishes the same day).
      { numRuns: 1000 },
    );
  });

  it('orders forecast percentiles: p10 <= p50 <= p90', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), (spec, seed) => {
        const { schedule, calendar, start } = build(spec);
        const { steps } = forecast(schedule, { start, calendar, samples: 50, seed });
        for (const id of schedule.order) {
          const step = steps[id];
          expect(step).toBeDefined();
          for (const p of [step?.start, step?.finish]) {
            expect(p && p.p10 <= p.p50 && p.p50 <= p.p90, `${id}: ${JSON.stringify(p)}`).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});
