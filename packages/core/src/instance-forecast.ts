import {
  type Forecast,
  forecast,
  MaslulError,
  type Schedule,
  type SolveOptions,
} from '@maslul/timing';

/**
 * The options of `instance.forecast`: how many runs to sample (1,000 by default, 1 to 100,000)
 * and the seed (1 by default): the same seed and facts give the same forecast.
 *
 * @example
 * ```ts
 * import type { InstanceForecastOptions } from '@maslul/core';
 *
 * const options: InstanceForecastOptions = { runs: 2000, seed: 7 };
 * ```
 * @category Runtime
 */
export interface InstanceForecastOptions {
  readonly runs?: number | undefined;
  readonly seed?: number | undefined;
}

/**
 * A forecast of a running instance: per step, the P10/P50/P90 dates of its start and finish
 * (see `Forecast` in `@maslul/timing`), and how many runs it sampled.
 *
 * @example
 * ```ts
 * import type { InstanceForecast } from '@maslul/core';
 *
 * const approvedBy = (forecast: InstanceForecast) => forecast.steps.S9?.finish.p90;
 * ```
 * @category Runtime
 */
export type InstanceForecast<Id extends string = string> = Forecast<Id>;

/** Forecasts a schedule from an instance's facts; `runs` is timing's `samples`. */
export function forecastOf<Id extends string>(
  schedule: Schedule,
  solveOptions: SolveOptions,
  options: InstanceForecastOptions | undefined,
): InstanceForecast<Id> {
  const runs = options?.runs ?? 1000;
  const seed = options?.seed ?? 1;
  if (typeof runs !== 'number' || !Number.isInteger(runs) || runs < 1 || runs > 100_000) {
    throw new MaslulError([
      {
        code: 'invalid-option',
        path: ['runs'],
        rule: 'core.forecast-runs',
        message: `runs is ${JSON.stringify(runs)}; give a whole number from 1 to 100000.`,
      },
    ]);
  }
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new MaslulError([
      {
        code: 'invalid-option',
        path: ['seed'],
        rule: 'core.forecast-seed',
        message: `seed is ${JSON.stringify(seed)}; give a whole number.`,
      },
    ]);
  }
  return forecast(schedule, { ...solveOptions, samples: runs, seed }) as InstanceForecast<Id>;
}
