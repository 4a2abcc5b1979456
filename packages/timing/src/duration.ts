import { parse as parseIso } from 'tinyduration';
import { fail, TimingError } from './errors.js';

/**
 * A length of time: whole months (added first, as date-fns `addMonths` does), then calendar
 * days, then working days of the plan's work calendar (left out when there are none).
 *
 * @example
 * ```ts
 * import type { Length } from '@maslul/timing';
 *
 * const aboutSixWeeks: Length = { months: 1, days: 14 };
 * const tenWorkingDays: Length = { months: 0, days: 0, workingDays: 10 };
 * ```
 * @category Durations
 */
export interface Length {
  readonly months: number;
  readonly days: number;
  /** Working days of the work calendar the length is planned on, counted after the days. */
  readonly workingDays?: number | undefined;
}

/**
 * The units a duration can be written in.
 *
 * @example
 * ```ts
 * import { about, type DurationUnit } from '@maslul/timing';
 *
 * const unit: DurationUnit = 'weeks';
 * about(2, unit);
 * ```
 * @category Durations
 */
export type DurationUnit = 'days' | 'workingDays' | 'weeks' | 'months' | 'years';

/**
 * "About N units": the nominal length plus the window it may fall in. Built by {@link about},
 * {@link exactly} or {@link parseDuration}; every lag, span and interval in a schedule is one.
 *
 * @example
 * ```ts
 * import { about } from '@maslul/timing';
 *
 * const twoWeeks = about(2, 'weeks');
 * twoWeeks.nominal; // { months: 0, days: 14 }
 * twoWeeks.earliest; // { months: 0, days: 10 }
 * twoWeeks.latest; // { months: 0, days: 18 }
 * ```
 * @category Durations
 */
export interface Duration {
  readonly nominal: Length;
  readonly earliest: Length;
  readonly latest: Length;
  /** How people say it: "about 2 weeks", "exactly 3 days", "about P1M2W". */
  readonly text: string;
}

/**
 * A duration as a schedule accepts it: a {@link Duration}, or an ISO 8601 string (`'P2W'`,
 * `'P3M'`, `'P1M15D'`) read as "about" that long.
 *
 * @example
 * ```ts
 * import { about, type DurationInput } from '@maslul/timing';
 *
 * const lags: DurationInput[] = ['P2W', about(1, 'months')];
 * ```
 * @category Durations
 */
export type DurationInput = Duration | string;

/**
 * Overrides of an about-duration's window: the shortest and the longest it may be.
 *
 * @example
 * ```ts
 * import { about, type WindowOptions } from '@maslul/timing';
 *
 * const window: WindowOptions = { earliest: 'P10D', latest: 'P3W' };
 * about(2, 'weeks', window);
 * ```
 * @category Durations
 */
export interface WindowOptions {
  /** The shortest it may be (an exact length). */
  readonly earliest?: Length | string | undefined;
  /** The longest it may be (an exact length). */
  readonly latest?: Length | string | undefined;
}

/**
 * The default window of "about N units", as a share of the nominal length on each side with a
 * floor in days: about 2 weeks may be 10 to 18 days; about 9 months, 41 days either way. A window
 * of working days is in working days: about 10 working days may be 8 to 12 of them.
 *
 * @example
 * ```ts
 * import { DEFAULT_TOLERANCE } from '@maslul/timing';
 *
 * DEFAULT_TOLERANCE.weeks; // { share: 0.25, minDays: 2 }
 * ```
 * @category Durations
 */
export const DEFAULT_TOLERANCE: Readonly<
  Record<DurationUnit, { readonly share: number; readonly minDays: number }>
> = {
  days: { share: 0.2, minDays: 1 },
  workingDays: { share: 0.2, minDays: 1 },
  weeks: { share: 0.25, minDays: 2 },
  months: { share: 0.15, minDays: 7 },
  years: { share: 0.1, minDays: 14 },
};

/** Average days in a month, used only to compare and size lengths, never to add them. */
const DAYS_PER_MONTH = 30.436875;
/** Calendar days per working day in a five-day week, used only to compare lengths. */
const DAYS_PER_WORKING_DAY = 7 / 5;

const UNIT_NAMES: Record<DurationUnit, readonly [string, string]> = {
  days: ['day', 'days'],
  workingDays: ['working day', 'working days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  years: ['year', 'years'],
};

function lengthOf(amount: number, unit: DurationUnit): Length {
  switch (unit) {
    case 'days':
      return { months: 0, days: amount };
    case 'workingDays':
      return { months: 0, days: 0, workingDays: amount };
    case 'weeks':
      return { months: 0, days: amount * 7 };
    case 'months':
      return { months: amount, days: 0 };
    case 'years':
      return { months: amount * 12, days: 0 };
  }
}

/** Approximate size in days, to compare lengths and size windows. */
export function approxDays(length: Length): number {
  return (
    length.months * DAYS_PER_MONTH + length.days + (length.workingDays ?? 0) * DAYS_PER_WORKING_DAY
  );
}

function describe(amount: number, unit: DurationUnit): string {
  return `${amount} ${UNIT_NAMES[unit][amount === 1 ? 0 : 1]}`;
}

function checkAmount(amount: number, unit: string, where: string): void {
  if (!Number.isInteger(amount) || amount < 0) {
    fail({
      code: amount < 0 ? 'negative-duration' : 'invalid-duration',
      path: [],
      rule: 'timing.duration',
      message: `${where} has amount ${amount} ${unit}; a duration is a whole number of ${unit} that is 0 or more.`,
    });
  }
  if (!Object.hasOwn(UNIT_NAMES, unit)) {
    fail({
      code: 'invalid-duration',
      path: [],
      rule: 'timing.duration',
      message: `${where} has unit ${JSON.stringify(unit)}; use "days", "workingDays", "weeks", "months" or "years".`,
    });
  }
}

function lengthFromInput(value: Length | string, what: string): Length {
  if (typeof value === 'string') return parseDuration(value).nominal;
  if (
    !Number.isInteger(value.months) ||
    !Number.isInteger(value.days) ||
    !Number.isInteger(value.workingDays ?? 0) ||
    value.months < 0 ||
    (value.workingDays ?? 0) < 0 ||
    approxDays(value) < 0
  ) {
    fail({
      code: 'negative-duration',
      path: [what],
      rule: 'timing.duration',
      message: `The ${what} length ${JSON.stringify(value)} must have whole months and working days (0 or more) and days, and come to 0 or more.`,
    });
  }
  return value;
}

/** `length` with `by` added to its days, or to its working days when it counts working days. */
function widened(length: Length, by: number): Length {
  return length.workingDays === undefined
    ? { months: length.months, days: length.days + by }
    : { ...length, workingDays: length.workingDays + by };
}

function withWindow(
  nominal: Length,
  text: string,
  window: WindowOptions,
  tolerance: number,
): Duration {
  const size = nominal.workingDays ?? approxDays(nominal);
  const earliest =
    window.earliest !== undefined
      ? lengthFromInput(window.earliest, 'earliest')
      : widened(nominal, -Math.min(tolerance, size));
  const latest =
    window.latest !== undefined
      ? lengthFromInput(window.latest, 'latest')
      : widened(nominal, tolerance);
  if (approxDays(earliest) > approxDays(nominal) || approxDays(latest) < approxDays(nominal)) {
    fail({
      code: 'window-excludes-nominal',
      path: [],
      rule: 'timing.window-contains-nominal',
      message: `The window of "${text}" (earliest ${JSON.stringify(earliest)}, latest ${JSON.stringify(latest)}) must contain the nominal length ${JSON.stringify(nominal)}.`,
    });
  }
  return Object.freeze({ nominal, earliest, latest, text });
}

/**
 * "About N units": a nominal length with a window around it (see {@link DEFAULT_TOLERANCE}),
 * or the window you give.
 *
 * @param amount - a whole number, 0 or more
 * @param unit - days, working days (of the plan's work calendar), weeks, months or years
 * @param window - optional earliest/latest overrides (exact lengths or ISO strings)
 * @returns the duration
 * @throws TimingError `negative-duration`, `invalid-duration` or `window-excludes-nominal`
 *
 * @example
 * ```ts
 * import { about } from '@maslul/timing';
 *
 * about(2, 'weeks'); // 14 days, 10 to 18
 * about(3, 'months'); // 3 months, give or take 14 days
 * about(1, 'months', { earliest: 'P3W', latest: 'P6W' });
 * about(10, 'workingDays'); // 10 working days of the calendar, 8 to 12
 * ```
 * @category Durations
 */
export function about(amount: number, unit: DurationUnit, window: WindowOptions = {}): Duration {
  checkAmount(amount, unit, `about(${amount}, "${unit}")`);
  const nominal = lengthOf(amount, unit);
  const { share, minDays } = DEFAULT_TOLERANCE[unit];
  const size = nominal.workingDays ?? approxDays(nominal);
  const tolerance = size === 0 ? 0 : Math.max(minDays, Math.round(size * share));
  return withWindow(nominal, `about ${describe(amount, unit)}`, window, tolerance);
}

/**
 * Exactly N units: a duration whose window is the nominal length alone.
 *
 * @param amount - a whole number, 0 or more
 * @param unit - days, working days (of the plan's work calendar), weeks, months or years
 * @returns the duration
 *
 * @example
 * ```ts
 * import { exactly } from '@maslul/timing';
 *
 * exactly(2, 'weeks').latest; // { months: 0, days: 14 }
 * exactly(10, 'workingDays').latest; // { months: 0, days: 0, workingDays: 10 }
 * ```
 * @category Durations
 */
export function exactly(amount: number, unit: DurationUnit): Duration {
  checkAmount(amount, unit, `exactly(${amount}, "${unit}")`);
  const nominal = lengthOf(amount, unit);
  return Object.freeze({
    nominal,
    earliest: nominal,
    latest: nominal,
    text: `exactly ${describe(amount, unit)}`,
  });
}

/**
 * Reads an ISO 8601 duration of whole days, weeks, months and years (`P2W`, `P3M`, `P1M15D`,
 * `P1Y`) as "about" that long; each part brings its unit's default window.
 *
 * @param text - the ISO 8601 duration
 * @param window - optional earliest/latest overrides
 * @returns the duration
 * @throws TimingError `invalid-duration` (unparsable, or with hours/minutes/seconds or fractions)
 *   or `negative-duration`
 *
 * @example
 * ```ts
 * import { parseDuration } from '@maslul/timing';
 *
 * parseDuration('P2W').text; // "about 2 weeks"
 * parseDuration('P1M15D').nominal; // { months: 1, days: 15 }
 * ```
 * @category Durations
 */
export function parseDuration(text: string, window: WindowOptions = {}): Duration {
  const bad = (why: string, code = 'invalid-duration'): never =>
    fail({
      code,
      path: [],
      rule: 'timing.duration',
      message: `Duration ${JSON.stringify(text)} ${why}. Write an ISO 8601 duration of whole days, weeks, months or years, e.g. "P2W", "P3M" or "P1M15D".`,
    });
  let parts: ReturnType<typeof parseIso>;
  try {
    parts = parseIso(text);
  } catch {
    return bad('cannot be read');
  }
  if (parts.negative) bad('is negative', 'negative-duration');
  if (parts.hours || parts.minutes || parts.seconds)
    bad('has a time part; program steps are days apart');
  const units: [DurationUnit, number][] = (
    [
      ['years', parts.years ?? 0],
      ['months', parts.months ?? 0],
      ['weeks', parts.weeks ?? 0],
      ['days', parts.days ?? 0],
    ] as [DurationUnit, number][]
  ).filter(([, n]) => n !== 0);
  if (units.some(([, n]) => !Number.isInteger(n))) bad('has a fraction');
  const used = units.length ? units : ([['days', 0]] as [DurationUnit, number][]);
  const durations = used.map(([unit, n]) => about(n, unit));
  const nominal = {
    months: durations.reduce((sum, d) => sum + d.nominal.months, 0),
    days: durations.reduce((sum, d) => sum + d.nominal.days, 0),
  };
  const tolerance = durations.reduce((sum, d) => sum + (d.latest.days - d.nominal.days), 0);
  const label = used.length === 1 && used[0] ? describe(used[0][1], used[0][0]) : text;
  return withWindow(nominal, `about ${label}`, window, tolerance);
}

/** Turns a DurationInput into a Duration, naming the field on failure. */
export function toDuration(
  input: unknown,
  path: readonly (string | number)[],
  step?: string | undefined,
): Duration {
  try {
    if (typeof input === 'string') return parseDuration(input);
    if (isDuration(input)) return checked(input);
  } catch (error) {
    const issue = error instanceof TimingError ? error.issues[0] : undefined;
    if (issue) fail({ ...issue, path, step });
    throw error;
  }
  return fail({
    code: 'invalid-duration',
    path,
    rule: 'timing.duration',
    step,
    message: `${path.join('.')} is ${JSON.stringify(input)}; give a duration such as about(2, "weeks") or "P2W".`,
  });
}

/** Checks a hand-built Duration: never negative, window around the nominal length. */
function checked(duration: Duration): Duration {
  if (approxDays(duration.earliest) < 0) {
    fail({
      code: 'negative-duration',
      path: [],
      rule: 'timing.duration',
      message: `Duration "${duration.text}" may be shorter than zero (earliest ${JSON.stringify(duration.earliest)}); a duration is 0 or more.`,
    });
  }
  return withWindow(duration.nominal, duration.text, duration, 0);
}

function isLength(value: unknown): value is Length {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger((value as Length).months) &&
    Number.isInteger((value as Length).days) &&
    ((value as Length).workingDays === undefined || Number.isInteger((value as Length).workingDays))
  );
}

function isDuration(value: unknown): value is Duration {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Duration;
  return isLength(d.nominal) && isLength(d.earliest) && isLength(d.latest);
}
