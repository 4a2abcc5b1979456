import type { Duration } from './duration.js';
import type { Recurrence } from './recurrence.js';
import type { Schedule, ScheduledStep } from './schedule.js';

/** A relation by index, for the solver's loops. */
export interface Edge {
  /** The other step's index in `order`. */
  readonly other: number;
  /** Start-to-start (else finish-to-start). */
  readonly fromStart: boolean;
  readonly lag: Duration;
  /** Index of the relation in the step's `after`. */
  readonly index: number;
}

/** A schedule compiled to arrays indexed by topological position. */
export interface Model {
  readonly steps: readonly ScheduledStep[];
  readonly preds: readonly (readonly Edge[])[];
  readonly succs: readonly (readonly Edge[])[];
  readonly durations: readonly (Duration | undefined)[];
  readonly repeats: readonly (Recurrence | undefined)[];
  readonly indexOf: ReadonlyMap<string, number>;
}

const models = new WeakMap<Schedule, Model>();

/** Compiles (once per schedule) the index-based model the passes run on. */
export function modelOf(schedule: Schedule): Model {
  const cached = models.get(schedule);
  if (cached) return cached;
  const steps = schedule.order.map(
    (id) => (schedule.steps as Record<string, ScheduledStep>)[id] as ScheduledStep,
  );
  const indexOf = new Map(steps.map((step, i) => [step.id, i]));
  const succs: Edge[][] = steps.map(() => []);
  const preds = steps.map((step, i) =>
    step.after.map((relation, index) => {
      const other = indexOf.get(relation.step) as number;
      const fromStart = relation.type === 'start-to-start';
      (succs[other] as Edge[]).push({ other: i, fromStart, lag: relation.lag, index });
      return { other, fromStart, lag: relation.lag, index };
    }),
  );
  const model: Model = {
    steps,
    preds,
    succs,
    durations: steps.map((step) => step.duration),
    repeats: steps.map((step) => step.repeat as Recurrence | undefined),
    indexOf,
  };
  models.set(schedule, model);
  return model;
}
