import { fail } from './errors.js';
import type { Model } from './model.js';
import type { Prepared } from './prepare.js';
import { EARLIEST, LATEST, NOMINAL, type Pass, propagate } from './propagate.js';
import { slackTo } from './slack.js';
import type { SolveOptions } from './solve.js';

/** The target indices: those named, or by default the steps that finish last (the program end). */
function targetsOf(model: Model, nominal: Pass, target: SolveOptions['target']): number[] {
  if (target === undefined) {
    let end = Number.NEGATIVE_INFINITY;
    for (const day of nominal.finish) end = Math.max(end, day);
    const last: number[] = [];
    for (let i = 0; i < nominal.finish.length; i++) if (nominal.finish[i] === end) last.push(i);
    return last;
  }
  const ids: readonly string[] = typeof target === 'string' ? [target] : target;
  return ids.map((id, i) => {
    const index = model.indexOf.get(id);
    if (index === undefined) {
      fail({
        code: 'unknown-step',
        path: typeof target === 'string' ? ['target'] : ['target', i],
        rule: 'timing.known-reference',
        step: id,
        message: `The target "${id}" is not a step of this schedule.`,
      });
    }
    return index;
  });
}

/**
 * The steps on the chains of driving relations that end in the targets: the critical path, as
 * `criticalPath` walks it.
 */
function drivingChains(p: Prepared, nominal: Pass, targets: readonly number[]): Uint8Array {
  // One flag per step, not a Set: on a 10,000-step plan a Set's table was an eighth of what a
  // solve allocated.
  const chain = new Uint8Array(p.model.ids.length);
  for (const target of targets) {
    let i = target;
    while (chain[i] !== 1) {
      chain[i] = 1;
      const fact = p.facts[i];
      const edge = nominal.driver[i] as number;
      // A fixed date is set by nobody before it, as a recorded one is.
      const fixed = p.model.fixed[i] !== undefined;
      if (edge < 0 || fixed || fact?.start !== undefined || fact?.finish !== undefined) break;
      i = p.model.edgeOther[edge] as number;
    }
  }
  return chain;
}

/** What `solve` computes before it builds the plan from it. */
export interface Passes {
  readonly nominal: Pass;
  readonly early: Pass;
  readonly late: Pass;
  readonly targets: readonly number[];
  /** Per step, calendar days of slack to the targets; NaN where none. */
  readonly slack: Float64Array;
  /** Per step, 1 when it is on the critical path. */
  readonly critical: Uint8Array;
}

/**
 * The planning: the nominal, earliest and latest forward passes, the backward pass for slack, and
 * the critical chain. The bench times it apart from the objects `solve` builds from it.
 */
export function passesOf(p: Prepared, target: SolveOptions['target']): Passes {
  const nominal = propagate(p.model, p.calendar, p.start, p.facts, NOMINAL);
  const targets = targetsOf(p.model, nominal, target);
  const early = propagate(p.model, p.calendar, p.start, p.facts, EARLIEST);
  const late = propagate(p.model, p.calendar, p.start, p.facts, LATEST);
  const programEnd = target === undefined ? nominal.finish[targets[0] as number] : undefined;
  const slack = slackTo(p.model, p.calendar, nominal, p.facts, targets, programEnd);
  const critical = drivingChains(p, nominal, targets);
  return { nominal, early, late, targets, slack, critical };
}
