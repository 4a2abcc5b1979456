// How fast `solve` is, per step, on program-like schedules of 100, 1,000 and 10,000 steps, and how
// that compares with the floor of the work: one date-fns `addDays` plus one working-day check.
//
// It imports the built package (`@maslul/timing`, i.e. dist/) so it measures what users get:
// build first (`npm run build -w @maslul/timing`; the root `npm run bench` builds for you). Only
// the planning task, which times the solver's passes without its output, takes internals from the
// sources, because the package does not export them.
//
// Every time is tinybench's MEDIAN latency (p50), not the mean: a 10,000-step solve allocates
// enough to meet a garbage collection in some samples, and the median keeps those out without
// dropping samples by hand. Each task is measured in ROUNDS rounds, taken in turn with the other
// tasks. A time printed is the median of its round medians. A ratio is the median of the ratios
// taken round by round: the two tasks of a ratio ran seconds apart in each round, under the same
// load, so a change in load during the run (this is a 2-core virtual machine) cancels out instead
// of landing on one side of the ratio.
// Targets are printed as `ok` or `MISSED` and the run exits 0 either way: benchmarks are read by
// people, and CI must not flake on a busy machine's timings.
import {
  about,
  type Dependency,
  type Duration,
  defineSchedule,
  mondayToFriday,
  type Plan,
  type ScheduleDefinition,
  type ScheduleStepDefinition,
  solve,
  type WorkCalendar,
} from '@maslul/timing';
import { israelCalendar } from '@maslul/timing/israel';
import { addDays, isWeekend } from 'date-fns';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { Bench, type Task } from 'tinybench';
import { passesOf } from '../src/passes.js';
// For the planning task only (see the top): internals, from the sources, which tsx compiles.
import { plainDateOf } from '../src/plain-date.js';
import { prepare } from '../src/prepare.js';

const START = '2026-09-01';
const SIZES = [100, 1_000, 10_000] as const;
const SEED = 20260901;
/** Steps per track: a workstream's chain of milestones, about a year and a half long. */
const TRACK_LENGTH = 25;
/** Tracks per programme: the first starts at the program start, the others staggered after it. */
const TRACKS_PER_PROGRAMME = 10;
const FLOOR_TASK = 'floor: date-fns addDays + isWeekend';
/** The output floors: the plan's objects by hand, keyed by id as `plan.steps` is, or in an array. */
const outputFloorTask = (n: number, into: 'record' | 'array' = 'record'): string =>
  `floor: the ${n}-step plan's objects, by hand, into ${into === 'record' ? 'a record' : 'an array'}`;

/** Everything `solve` does but build the plan's objects: its passes, slack and critical chain. */
const planningTask = (n: number): string =>
  `planning: the ${n}-step solve's passes, no plan objects`;
/** The hash-table floor: a Map of n numbers keyed by numbers, no plan in it at all. */
const hashTableFloorTask = (n: number): string => `floor: a Map of ${n} numbers`;

/** Rounds per task; see above. */
const ROUNDS = 5;
/** Floor operations per sample: one takes a few hundred ns, too close to the clock's own cost. */
const FLOOR_BATCH = 1_000;

// The growth target is relative to the output floor's growth measured in the same run: the
// absolute growth t(10,000)/t(1,000) is V8's hash-table, cache and GC cost on the machine (a bare
// record or Map of n keys grows 20-40x here), which no solver can be held to (#2, #13).
const TARGETS = {
  'solver-growth-over-output-floor-growth': 1.0,
  'solver-step-over-floor': 25,
  'solver-step-over-floor-1000': 25,
} as const;

interface Shape {
  readonly relations: number;
  readonly joins: number;
  readonly startToStart: number;
  readonly spans: number;
  readonly series: number;
}

/**
 * A seeded program of `n` steps: tracks (Gantt groups) of TRACK_LENGTH steps, each a chain of
 * milestones `about` some days, weeks or a month apart, with spans, a few two-weekly series, and
 * joins on 1-2 steps of other tracks (mostly finish-to-start, some start-to-start). A join only
 * waits for steps at earlier positions than its own, so every relation moves forward along the
 * tracks and the program stays a few years long however many tracks it has.
 */
function programOf(n: number, seed: number): { definition: ScheduleDefinition; shape: Shape } {
  if (n % TRACK_LENGTH !== 0) throw new Error(`size ${n} is not a multiple of ${TRACK_LENGTH}`);
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number): number => uniformInt(rng, from, to);
  const percent = (p: number): boolean => int(0, 99) < p;
  const lag = (): Duration => {
    const roll = int(0, 9);
    if (roll < 6) return about(int(1, 4), 'weeks');
    if (roll < 9) return about(int(1, 10), 'days');
    return about(1, 'months');
  };
  const tracks = n / TRACK_LENGTH;
  const id = (track: number, position: number): string => `t${track}.s${position}`;
  const steps: Record<string, ScheduleStepDefinition> = {};
  const shape = { relations: 0, joins: 0, startToStart: 0, spans: 0, series: 0 };

  for (let track = 0; track < tracks; track++) {
    const group = `programme ${Math.floor(track / TRACKS_PER_PROGRAMME)} / track ${track}`;
    for (let position = 0; position < TRACK_LENGTH; position++) {
      const label = `Track ${track}, milestone ${position}`;
      if (position === 0) {
        const first = track % TRACKS_PER_PROGRAMME === 0;
        steps[id(track, 0)] = first
          ? { label, group }
          : {
              label,
              group,
              after: { step: id(track - 1, 0), from: 'start', lag: about(int(1, 3), 'weeks') },
            };
        if (!first) {
          shape.relations++;
          shape.startToStart++;
        }
        continue;
      }
      const after: Dependency[] = [{ step: id(track, position - 1), lag: lag() }];
      if (tracks > 1 && percent(15)) {
        const extra = int(1, 2);
        for (let k = 0; k < extra; k++) {
          const other = (track + int(1, tracks - 1)) % tracks;
          const step = id(other, int(Math.max(0, position - 6), position - 1));
          if (after.some((d) => typeof d !== 'string' && d.step === step)) continue;
          const fromStart = percent(30);
          after.push(fromStart ? { step, from: 'start', lag: lag() } : { step, lag: lag() });
          if (fromStart) shape.startToStart++;
        }
        if (after.length > 1) shape.joins++;
      }
      shape.relations += after.length;
      const kind = int(0, 99);
      if (kind < 3) {
        shape.series++;
        steps[id(track, position)] = { label, group, after, repeat: { every: 'P2W', count: 4 } };
      } else if (kind < 18) {
        shape.spans++;
        const duration = percent(60) ? about(int(2, 8), 'weeks') : about(int(1, 3), 'months');
        steps[id(track, position)] = { label, group, after, duration };
      } else {
        steps[id(track, position)] = { label, group, after };
      }
    }
  }
  return { definition: steps, shape };
}

// Timed results land here and are checked after the run, so no timed call is dead code. Only the
// finish date is kept: holding on to whole plans would leave the heap fuller than an app's.
const finishes = new Map<string, string>();
let floorSink = 0;
let outputSink = 0;

// Per task and round: 0.8 s and at least 10 samples; warmed up once, for 1 s and 10 calls. The
// whole run takes about 45 s on a 2-core machine.
const bench = new Bench({
  name: '@maslul/timing solve',
  time: 800,
  iterations: 10,
  warmupTime: 1_000,
  warmupIterations: 10,
  throws: true,
});

interface Case {
  readonly task: string;
  readonly n: number;
  readonly shape: Shape;
  /**
   * The dates of the plan solved once before timing, to check the timed runs against. Not the
   * plan itself: two 10,000-step plans kept alive (~7 MB of small objects) make every full
   * garbage collection during the timed runs mark them, a cost of the bench, not of `solve`.
   */
  readonly plan: Pick<Plan, 'start' | 'finish'>;
}

const calendars: readonly { readonly name: string; readonly calendar: WorkCalendar }[] = [
  { name: 'mon-fri', calendar: mondayToFriday },
  // One instance for all its solves: it computes a year's holidays once, when first asked.
  { name: 'israel', calendar: israelCalendar() },
];
const cases: Case[] = [];
for (const { name, calendar } of calendars) {
  for (const n of SIZES) {
    const { definition, shape } = programOf(n, SEED + n);
    // Built outside the timed function: only `solve` is measured. It compiles the schedule to
    // its index model once per schedule (cached), as it does for an app that re-plans one
    // schedule as facts come in; warmup pays that once.
    const schedule = defineSchedule(definition);
    const task = `solve ${n} steps (${name})`;
    const solved = solve(schedule, { start: START, calendar });
    if (Object.keys(solved.steps).length !== n) {
      throw new Error(`"${task}" did not plan every step.`);
    }
    cases.push({ task, n, shape, plan: { start: solved.start, finish: solved.finish } });
    bench.add(task, () => {
      finishes.set(task, solve(schedule, { start: START, calendar }).finish);
    });
    if (name === 'mon-fri' && n !== SIZES[0]) {
      addOutputFloor(n, solved);
      addHashTableFloor(n);
      addPlanning(n, schedule, calendar, solved.finish);
    }
    if (name === 'mon-fri' && n === SIZES[SIZES.length - 1]) addFloor();
  }
}

/** What a plan's output floor task keeps of it: each step's field values, flat. */
type Row = readonly unknown[];

/**
 * The output floors: the objects `solve` hands back, allocated by a hand-written loop from values
 * computed before timing (per step an object with the PlannedStep fields, its window objects and
 * its basis), into a record keyed by id as `plan.steps` is, and, for comparison, into an array.
 * No planning at all: the least any solver returning this plan shape does. Their growth
 * t(10,000)/t(1,000) is what building the output alone costs in V8 on this machine, the baseline
 * the solver's growth is compared with: a 10,000-key record is a hash table far larger than the
 * CPU's caches, where a 1,000-key one is not, and a young-generation collection during a build
 * copies what is live, which a bigger plan has more of.
 */
function addOutputFloor(n: number, plan: Plan): void {
  const rows: Row[] = Object.values(plan.steps).map((step) => {
    const basis = step.basis;
    return [
      step.id,
      step.kind,
      step.label,
      step.group,
      step.start,
      step.finish,
      step.window.earliest,
      step.window.latest,
      step.finishWindow === step.window ? undefined : step.finishWindow.earliest,
      step.finishWindow.latest,
      step.occurrences,
      step.dependsOn,
      step.recorded,
      step.slack,
      step.critical,
      basis.kind,
      basis.kind === 'relation' ? basis.relation : undefined,
      basis.kind === 'relation' ? basis.anchor : undefined,
      basis.date,
      basis.kind === 'recorded' ? undefined : basis.moved,
      basis.kind === 'relation' ? basis.others : undefined,
      step.finishMoved,
    ];
  });
  const last = (rows[rows.length - 1] as Row)[0] as string;
  /** One step's objects, as `solve` builds them. */
  const stepOf = (r: Row): unknown => {
    const window = { earliest: r[6], latest: r[7] };
    return {
      id: r[0],
      kind: r[1],
      label: r[2],
      group: r[3],
      start: r[4],
      finish: r[5],
      window,
      finishWindow: r[8] === undefined ? window : { earliest: r[8], latest: r[9] },
      occurrences: r[10],
      dependsOn: r[11],
      recorded: r[12],
      slack: r[13],
      critical: r[14],
      basis:
        r[15] === 'relation'
          ? {
              kind: r[15],
              relation: r[16],
              anchor: r[17],
              date: r[18],
              moved: r[19],
              others: r[20],
            }
          : r[15] === 'recorded'
            ? { kind: r[15], date: r[18] }
            : { kind: r[15], date: r[18], moved: r[19] },
      finishMoved: r[21],
    };
  };
  bench.add(outputFloorTask(n), () => {
    const steps: Record<string, unknown> = {};
    for (const r of rows) steps[r[0] as string] = stepOf(r);
    if (steps[last] !== undefined) outputSink++;
  });
  bench.add(outputFloorTask(n, 'array'), () => {
    const steps: unknown[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) steps[i] = stepOf(rows[i] as Row);
    if (steps[rows.length - 1] !== undefined) outputSink++;
  });
}

/**
 * The planning task: what `solve` computes (three forward passes, the backward pass for slack,
 * the critical chain), none of what it builds from that (the PlannedStep objects, `plan.steps`,
 * the warnings). Its growth is the planning's own; the solver's growth minus it is the plan's.
 */
function addPlanning(
  n: number,
  schedule: ReturnType<typeof defineSchedule>,
  calendar: WorkCalendar,
  finish: string,
): void {
  const plan = () => passesOf(prepare(schedule, { start: START, calendar }), undefined);
  const { nominal, targets } = plan();
  const end = plainDateOf(nominal.finish[targets[0] as number] as number);
  if (end !== finish) {
    throw new Error(`"${planningTask(n)}" ends on ${end}, where solve ends on ${finish}.`);
  }
  bench.add(planningTask(n), () => {
    const { slack, critical } = plan();
    if (slack.length === n && critical.length === n) outputSink++;
  });
}

/**
 * The hash-table floor: n numbers set into a new Map under number keys (no strings, no objects, no
 * plan). Its growth t(10,000)/t(1,000) is what V8 and this machine charge for a table of 10,000
 * entries against one of 1,000; `plan.steps` is such a table (a record keyed by id).
 */
function addHashTableFloor(n: number): void {
  bench.add(hashTableFloorTask(n), () => {
    const table = new Map<number, number>();
    for (let i = 0; i < n; i++) table.set(i * 7919, i);
    if (table.size === n) outputSink++;
  });
}

/**
 * The floor: date-fns `addDays(date, 1)` on a plain Date, then date-fns `isWeekend` on the result:
 * the least a date library does per step to move a date and ask whether it is a working day.
 * Not `calendar.isWorkingDay`, the package's public check: it parses a 'YYYY-MM-DD' string first,
 * which `solve` does not do per step, and a dearer floor would flatter the ratio. Not `{ in: utc }`
 * either (the solver's months arithmetic uses it), for the same reason: it adds a UTCDate per call.
 * The days are chained (each from the last) and the working days counted, so neither call can be
 * dropped. One call is too short to time, so a sample is a batch of FLOOR_BATCH and reports the
 * batch's mean per operation.
 */
function addFloor(): void {
  const from = new Date(2026, 8, 1);
  bench.add(FLOOR_TASK, () => {
    let date = from;
    let open = 0;
    const began = bench.now();
    for (let i = 0; i < FLOOR_BATCH; i++) {
      date = addDays(date, 1);
      if (!isWeekend(date)) open++;
    }
    const elapsed = bench.now() - began;
    floorSink += open + date.getDate();
    return { overriddenDuration: elapsed / FLOOR_BATCH, overriddenIterationCost: elapsed };
  });
}

/** The median latency of a task's last run, in nanoseconds. */
function medianNs(task: Task): number {
  const result = task.result;
  if (!('latency' in result)) throw new Error(`Task "${task.name}" ended ${result.state}.`);
  return result.latency.p50 * 1e6;
}

/** The median of a few numbers. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** A latency for people: in ns, us or ms. */
function readable(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  return ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} us` : `${ns.toFixed(1)} ns`;
}

/**
 * Warms each task up once, then runs them in turn ROUNDS times.
 *
 * @returns each task's round medians, in nanoseconds, round by round
 */
async function measure(tasks: readonly Task[]): Promise<Map<string, number[]>> {
  for (const task of tasks) await task.warmup();
  const rounds = new Map<string, number[]>(tasks.map((task) => [task.name, []]));
  const samples = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const task of tasks) {
      task.reset();
      await task.run();
      rounds.get(task.name)?.push(medianNs(task));
      samples.set(task.name, (samples.get(task.name) ?? 0) + task.runs);
    }
  }
  for (const [name, values] of rounds) {
    const each = values.map(readable).join(', ');
    console.log(`# ${name}: p50 by round ${each} (${samples.get(name)} samples)`);
  }
  return rounds;
}

console.log(`# @maslul/timing solve, node ${process.version}, ${process.platform}/${process.arch}`);
console.log(`# median (p50) latency in ${ROUNDS} rounds; start ${START}; seed ${SEED}+n`);
for (const { task, n, shape } of cases.slice(0, SIZES.length)) {
  console.log(
    `# ${task}: ${shape.relations} relations, ${shape.joins} joins, ${shape.startToStart} start-to-start, ${shape.spans} spans, ${shape.series} series (${n / TRACK_LENGTH} tracks)`,
  );
}

// Monday-to-Friday and the floor first, on their own: the main numbers are measured before the
// Israeli calendar's code paths (yearly holidays from @hebcal/core) have run in this process.
const israel = (task: Task): boolean => task.name.endsWith('(israel)');
const ns = new Map([
  ...(await measure(bench.tasks.filter((task) => !israel(task)))),
  ...(await measure(bench.tasks.filter(israel))),
]);

// The checks that consume every result: each timed solve gave the plan solved before timing (a
// solve is pure), and the floor counted working days.
for (const { task, plan } of cases) {
  if (finishes.get(task) !== plan.finish) {
    throw new Error(`"${task}" finished on ${finishes.get(task)}, not ${plan.finish}.`);
  }
  console.log(`# ${task}: plan ${plan.start} to ${plan.finish}`);
}
if (!(floorSink > 0)) throw new Error('The floor task counted no working days.');
if (!(outputSink > 0)) throw new Error('The output floor task built no plan.');

const roundsOf = (task: string): number[] => {
  const values = ns.get(task);
  if (values === undefined) throw new Error(`No time for task "${task}".`);
  return values;
};
const solveTask = (name: string, n: number): string => `solve ${n} steps (${name})`;
const perStep = (name: string, n: number): number => median(roundsOf(solveTask(name, n))) / n;
/** The median over rounds of a / b, each round's times taken together. */
const pairedRatio = (a: string, b: string, scale = 1): number => {
  const bs = roundsOf(b);
  return median(roundsOf(a).map((value, round) => (value * scale) / (bs[round] as number)));
};

const format = (value: number, digits: number): string => value.toFixed(digits);
for (const n of SIZES) console.log(`time-per-step ${n} ${format(perStep('mon-fri', n), 1)}`);
for (const n of SIZES) console.log(`time-per-step-israel ${n} ${format(perStep('israel', n), 1)}`);
console.log(`floor ${format(median(roundsOf(FLOOR_TASK)), 1)}`);

const ratios = {
  'solver-growth-10000-over-1000': pairedRatio(
    solveTask('mon-fri', 10_000),
    solveTask('mon-fri', 1_000),
  ),
  'solver-step-over-floor': pairedRatio(solveTask('mon-fri', 10_000), FLOOR_TASK, 1 / 10_000),
  'solver-step-over-floor-1000': pairedRatio(solveTask('mon-fri', 1_000), FLOOR_TASK, 1 / 1_000),
  'output-floor-growth-10000-over-1000': pairedRatio(
    outputFloorTask(10_000),
    outputFloorTask(1_000),
  ),
  'output-floor-growth-10000-over-1000-array': pairedRatio(
    outputFloorTask(10_000, 'array'),
    outputFloorTask(1_000, 'array'),
  ),
  'planning-growth-10000-over-1000': pairedRatio(planningTask(10_000), planningTask(1_000)),
  'hash-table-floor-growth-10000-over-1000': pairedRatio(
    hashTableFloorTask(10_000),
    hashTableFloorTask(1_000),
  ),
  // Above 1 only by what the solver's own growth adds to the growth its output costs.
  'solver-growth-over-output-floor-growth': median(
    roundsOf(solveTask('mon-fri', 10_000)).map((value, round) => {
      const at = (task: string): number => roundsOf(task)[round] as number;
      const solver = value / at(solveTask('mon-fri', 1_000));
      return solver / (at(outputFloorTask(10_000)) / at(outputFloorTask(1_000)));
    }),
  ),
  'solver-growth-10000-over-1000-israel': pairedRatio(
    solveTask('israel', 10_000),
    solveTask('israel', 1_000),
  ),
};
for (const [name, value] of Object.entries(ratios)) {
  console.log(`ratio ${name} ${format(value, 2)}`);
}
for (const [name, limit] of Object.entries(TARGETS)) {
  const value = ratios[name as keyof typeof TARGETS];
  console.log(`target ${name} ${limit} ${value <= limit ? 'ok' : 'MISSED'}`);
}
