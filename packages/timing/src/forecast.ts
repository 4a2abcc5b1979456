import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { fail } from './errors.js';
import { type PlainDate, plainDateOf } from './plain-date.js';
import { prepare } from './prepare.js';
import { type Draw, NOMINAL, propagate } from './propagate.js';
import type { Schedule } from './schedule.js';
import type { SolveOptions } from './solve.js';

/**
 * The 10th, 50th and 90th percentile of a date over the forecast's samples: P10 is the date by
 * which 1 run in 10 has got there, P90 the date by which 9 in 10 have.
 *
 * @example
 * ```ts
 * import type { Percentiles } from '@maslul/timing';
 *
 * const review: Percentiles = { p10: '2027-10-04', p50: '2027-10-29', p90: '2027-11-25' };
 * ```
 * @category Forecast
 */
export interface Percentiles {
  readonly p10: PlainDate;
  readonly p50: PlainDate;
  readonly p90: PlainDate;
}

/**
 * A forecast: for each step, percentiles of its start and finish over seeded samples.
 *
 * @example
 * ```ts
 * import type { Forecast } from '@maslul/timing';
 *
 * function finishP90(forecast: Forecast<'S9'>): string {
 *   return forecast.steps.S9.finish.p90;
 * }
 * ```
 * @category Forecast
 */
export interface Forecast<Id extends string = string> {
  readonly samples: number;
  readonly seed: number;
  readonly steps: {
    readonly [K in Id]: { readonly start: Percentiles; readonly finish: Percentiles };
  };
}

/**
 * The options of {@link forecast}: those of `solve`, plus how many samples and the seed.
 *
 * @example
 * ```ts
 * import type { ForecastOptions } from '@maslul/timing';
 *
 * const options: ForecastOptions<'S0'> = { start: '2026-09-01', samples: 2000, seed: 7 };
 * ```
 * @category Forecast
 */
export interface ForecastOptions<Id extends string = string> extends SolveOptions<Id> {
  /** How many runs to sample; 1,000 by default (1 to 100,000). */
  readonly samples?: number | undefined;
  /** The seed: the same seed gives the same forecast; 1 by default. */
  readonly seed?: number | undefined;
}

/** A triangular draw on [low, high] with its mode at `mode`, rounded to a day. */
function triangular(u: number, low: number, mode: number, high: number): number {
  if (high <= low) return mode;
  const span = high - low;
  const cut = (mode - low) / span;
  const x =
    u < cut
      ? low + Math.sqrt(u * span * (mode - low))
      : high - Math.sqrt((1 - u) * span * (high - mode));
  return Math.round(x);
}

function percentiles(values: Int32Array): Percentiles {
  values.sort();
  const at = (p: number): PlainDate =>
    plainDateOf(values[Math.max(0, Math.ceil((p / 100) * values.length) - 1)] as number);
  return { p10: at(10), p50: at(50), p90: at(90) };
}

/**
 * Samples every lag and duration within its window (a triangular distribution peaking at the
 * nominal length), plans each sample with the calendar, and gives P10/P50/P90 dates per step.
 * Seeded, so the same inputs always give the same forecast. Recorded facts stay fixed.
 *
 * @param schedule - a schedule from `defineSchedule`
 * @param options - as for `solve`, plus `samples` and `seed`
 * @returns the forecast
 * @throws TimingError as `solve` does, and `invalid-option` for a bad sample count or seed
 *
 * @example
 * ```ts
 * import { about, defineSchedule, forecast } from '@maslul/timing';
 *
 * const schedule = defineSchedule({
 *   hackathon: {},
 *   review: { after: { step: 'hackathon', lag: about(9, 'months') } },
 * });
 * const { steps } = forecast(schedule, { start: '2027-02-01', samples: 500, seed: 42 });
 * steps.review.start; // { p10: '2027-10-...', p50: '2027-11-...', p90: '2027-11-...' }
 * ```
 * @category Forecast
 */
export function forecast<Id extends string>(
  schedule: Schedule<Id>,
  options: ForecastOptions<Id>,
): Forecast<Id> {
  const samples = options.samples ?? 1000;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(samples) || samples < 1 || samples > 100_000) {
    fail({
      code: 'invalid-option',
      path: ['samples'],
      rule: 'timing.forecast',
      message: `samples is ${JSON.stringify(samples)}; give a whole number from 1 to 100000.`,
    });
  }
  if (!Number.isInteger(seed)) {
    fail({
      code: 'invalid-option',
      path: ['seed'],
      rule: 'timing.forecast',
      message: `seed is ${JSON.stringify(seed)}; give a whole number.`,
    });
  }
  const p = prepare(schedule, options);
  const rng = xoroshiro128plus(seed);
  const draw: Draw = (low, mode, high) => triangular(uniformFloat64(rng), low, mode, high);
  const n = p.model.steps.length;
  const starts = Array.from({ length: n }, () => new Int32Array(samples));
  const finishes = Array.from({ length: n }, () => new Int32Array(samples));
  for (let k = 0; k < samples; k++) {
    const pass = propagate(p.model, p.calendar, p.start, p.facts, NOMINAL, draw);
    for (let i = 0; i < n; i++) {
      (starts[i] as Int32Array)[k] = pass.start[i] as number;
      (finishes[i] as Int32Array)[k] = pass.finish[i] as number;
    }
  }
  const steps: Record<string, { start: Percentiles; finish: Percentiles }> = {};
  p.model.steps.forEach((step, i) => {
    steps[step.id] = {
      start: percentiles(starts[i] as Int32Array),
      finish: percentiles(finishes[i] as Int32Array),
    };
  });
  return { samples, seed, steps: steps as Forecast<Id>['steps'] };
}
