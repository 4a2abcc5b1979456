import type { Duration } from './duration.js';
import { tryDayOf } from './plain-date.js';
import type { Recurrence } from './recurrence.js';
import type { Relation, Schedule, ScheduledStep } from './schedule.js';

/** Kinds as small numbers, for the passes' typed arrays. */
export const MILESTONE = 0;
export const SPAN = 1;
export const SERIES = 2;

/**
 * The three lengths of a set of durations (nominal, earliest, latest), months and days each, in
 * flat typed arrays: the passes read them in order instead of chasing one object per relation.
 */
export interface Lengths {
  readonly months: readonly [Int32Array, Int32Array, Int32Array];
  readonly days: readonly [Int32Array, Int32Array, Int32Array];
  /** Working days, added last with the calendar; all zero (and `any` false) in most schedules. */
  readonly working: readonly [Int32Array, Int32Array, Int32Array];
  readonly anyWorking: boolean;
}

/**
 * A schedule compiled to arrays indexed by topological position. Relations are edges numbered
 * step by step: the relations of step i are edges `predFrom[i]` to `predFrom[i + 1] - 1`, in the
 * order of its `after`.
 */
export interface Model {
  readonly steps: readonly ScheduledStep[];
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly kind: Uint8Array;
  /** Per step, its relations' first edge; one more entry closes the last step's range. */
  readonly predFrom: Int32Array;
  /** Per edge, the step it waits for, and whether it counts from that step's start. */
  readonly edgeOther: Int32Array;
  readonly edgeFromStart: Uint8Array;
  readonly lags: Lengths;
  /** Per span, its duration (zero for other kinds). */
  readonly durations: Lengths;
  readonly repeats: readonly (Recurrence | undefined)[];
  /** Per step, its fixed day (a milestone's date, a span's finish), or undefined. */
  readonly fixed: readonly (number | undefined)[];
  /** Per step, the edges that wait for it, as edge numbers: from `succFrom[i]` in `succEdges`. */
  readonly succFrom: Int32Array;
  readonly succEdges: Int32Array;
  /** Per edge, the step whose relation it is. */
  readonly edgeStep: Int32Array;
  /** Per step, the ids it waits for (shared by every plan of the schedule). */
  readonly dependsOn: readonly (readonly string[])[];
  /**
   * Per step and per edge, what a plan copies into every planned step, in flat arrays: reading
   * them in order is cheap, where chasing 10,000 step objects misses the cache at every step.
   */
  readonly labels: readonly string[];
  readonly groups: readonly (string | undefined)[];
  readonly kindNames: readonly ScheduledStep['kind'][];
  readonly relations: readonly Relation[];
}

function lengthsOf(durations: readonly (Duration | undefined)[]): Lengths {
  const n = durations.length;
  const months = [new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
  const days = [new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
  const working = [new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
  let anyWorking = false;
  durations.forEach((duration, i) => {
    if (!duration) return;
    [duration.nominal, duration.earliest, duration.latest].forEach((length, k) => {
      (months[k] as Int32Array)[i] = length.months;
      (days[k] as Int32Array)[i] = length.days;
      (working[k] as Int32Array)[i] = length.workingDays ?? 0;
      if (length.workingDays) anyWorking = true;
    });
  });
  return { months, days, working, anyWorking };
}

const models = new WeakMap<Schedule, Model>();

/** Compiles (once per schedule) the index-based model the passes run on. */
export function modelOf(schedule: Schedule): Model {
  const cached = models.get(schedule);
  if (cached) return cached;
  const byId = schedule.steps as Record<string, ScheduledStep>;
  const steps = schedule.order.map((id) => byId[id] as ScheduledStep);
  const n = steps.length;
  const indexOf = new Map(steps.map((step, i) => [step.id, i]));
  const predFrom = new Int32Array(n + 1);
  steps.forEach((step, i) => {
    predFrom[i + 1] = (predFrom[i] as number) + step.after.length;
  });
  const edges = predFrom[n] as number;
  const edgeOther = new Int32Array(edges);
  const edgeFromStart = new Uint8Array(edges);
  const edgeStep = new Int32Array(edges);
  const lagList: Duration[] = [];
  const relations: Relation[] = [];
  const succCount = new Int32Array(n + 1);
  steps.forEach((step, i) => {
    step.after.forEach((relation, k) => {
      const e = (predFrom[i] as number) + k;
      const other = indexOf.get(relation.step) as number;
      edgeOther[e] = other;
      edgeFromStart[e] = relation.type === 'start-to-start' ? 1 : 0;
      edgeStep[e] = i;
      lagList[e] = relation.lag;
      relations[e] = relation;
      succCount[other + 1] = (succCount[other + 1] as number) + 1;
    });
  });
  const succFrom = new Int32Array(n + 1);
  for (let i = 0; i < n; i++)
    succFrom[i + 1] = (succFrom[i] as number) + (succCount[i + 1] as number);
  const filled = succFrom.slice(0, n);
  const succEdges = new Int32Array(edges);
  for (let e = 0; e < edges; e++) {
    const other = edgeOther[e] as number;
    succEdges[filled[other] as number] = e;
    filled[other] = (filled[other] as number) + 1;
  }
  const model: Model = {
    steps,
    ids: schedule.order,
    indexOf,
    kind: Uint8Array.from(steps, (step) =>
      step.kind === 'series' ? SERIES : step.kind === 'span' ? SPAN : MILESTONE,
    ),
    predFrom,
    edgeOther,
    edgeFromStart,
    lags: lengthsOf(lagList),
    durations: lengthsOf(steps.map((step) => step.duration)),
    repeats: steps.map((step) => step.repeat as Recurrence | undefined),
    fixed: steps.map((step) => (step.fixed === undefined ? undefined : tryDayOf(step.fixed))),
    succFrom,
    succEdges,
    edgeStep,
    dependsOn: steps.map((step) => Object.freeze(step.after.map((relation) => relation.step))),
    labels: steps.map((step) => step.label),
    groups: steps.map((step) => step.group),
    kindNames: steps.map((step) => step.kind),
    relations,
  };
  models.set(schedule, model);
  return model;
}
