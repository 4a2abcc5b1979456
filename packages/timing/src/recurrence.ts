// Types only: rrule (about 13 KB gzip of a browser bundle, 45 ms of a cold start in Node) is loaded
// by `@maslul/timing/rrule`, which a program with an RRULE series imports; `rrule()` hands its
// `RRule` class over with the text, and the code here reads the text with it.
import type { RRule as RRuleClass } from 'rrule';
import { parse as parseIso } from 'tinyduration';
import { fail } from './errors.js';
import { addMonthsToDay, type DayNumber } from './plain-date.js';

/**
 * An RFC 5545 RRULE for a series, made by `rrule('FREQ=WEEKLY;BYDAY=SU;COUNT=4')` of
 * `@maslul/timing/rrule`: the text, with the rrule package's `RRule` class that reads it. Only a
 * program that imports that subpath loads rrule.
 *
 * @example
 * ```ts
 * import { defineSchedule } from '@maslul/timing';
 * import { rrule } from '@maslul/timing/rrule';
 *
 * const sundays = rrule('FREQ=WEEKLY;BYDAY=SU;COUNT=4');
 * defineSchedule({ kickoff: {}, meetings: { after: 'kickoff', repeat: sundays } });
 * ```
 * @category Schedules
 */
export interface RRuleSeries<Rule extends string = string> {
  /** The rule, e.g. `'FREQ=WEEKLY;INTERVAL=2;COUNT=4'`: `COUNT` or `UNTIL`, no `DTSTART`. */
  readonly rrule: Rule;
  /** The rrule package's `RRule` class, which reads the text (set by `rrule()`). */
  readonly reader: typeof RRuleClass;
}

/**
 * How a series repeats: a cadence `{ every: 'P2W', count: 4 }`, or an RFC 5545 RRULE made by
 * `rrule('FREQ=WEEKLY;INTERVAL=2;COUNT=4')` of `@maslul/timing/rrule` (with `COUNT` or `UNTIL`,
 * any `BY...` parts, no `DTSTART`: the step's relation sets the first date). A cadence in months
 * adds months as durations do (from 31 January, monthly: 28 February, 31 March); an RRULE follows
 * RFC 5545 and skips months without that day. A cadence needs no rrule: a program without RRULE
 * series does not load it.
 *
 * @example
 * ```ts
 * import type { RecurrenceInput } from '@maslul/timing';
 * import { rrule } from '@maslul/timing/rrule';
 *
 * const teamMeetings: RecurrenceInput = { every: 'P2W', count: 4 };
 * const quarterly: RecurrenceInput = rrule('FREQ=MONTHLY;INTERVAL=3;COUNT=5');
 * ```
 * @category Schedules
 */
export type RecurrenceInput =
  | {
      /** The cadence, an ISO 8601 duration of one unit: `'P2W'`, `'P1M'`, `'P10D'`. */
      readonly every: string;
      /** How many occurrences in all. */
      readonly count: number;
    }
  | RRuleSeries;

/**
 * A checked recurrence, as a schedule shows it: the canonical RRULE text.
 *
 * @example
 * ```ts
 * import { defineSchedule } from '@maslul/timing';
 *
 * const schedule = defineSchedule({ meetings: { repeat: { every: 'P2W', count: 4 } } });
 * schedule.steps.meetings.repeat?.rrule; // 'FREQ=WEEKLY;INTERVAL=2;COUNT=4'
 * ```
 * @category Schedules
 */
export interface RecurrenceRule {
  readonly rrule: string;
}

/** A checked recurrence and how to list its occurrences from a first day. */
export interface Recurrence extends RecurrenceRule {
  /** Occurrence days from a start day (the first is on or after it). */
  occurrences(start: DayNumber): DayNumber[];
}

const MAX_OCCURRENCES = 1000;
const SIMPLE_KEYS = new Set(['freq', 'interval', 'count', 'until', 'wkst']);
const FREQ_OF_UNIT: Record<string, string> = {
  days: 'DAILY',
  weeks: 'WEEKLY',
  months: 'MONTHLY',
  years: 'YEARLY',
};

/** A cadence `{ every, count }` as its RRULE text and its step in months and days. */
function cadenceOf(
  input: { every: string; count: number },
  path: Path,
  step: string,
): { rrule: string; months: number; days: number; count: number } {
  let parts: ReturnType<typeof parseIso> | undefined;
  try {
    parts = parseIso(input.every);
  } catch {
    parts = undefined;
  }
  const used = parts ? Object.entries(parts).filter(([key, n]) => key !== 'negative' && n) : [];
  const [unit, amount] = used[0] ?? [];
  const freq = unit === undefined ? undefined : FREQ_OF_UNIT[unit];
  if (!parts || parts.negative || used.length !== 1 || !freq || !Number.isInteger(amount)) {
    fail({
      code: 'invalid-recurrence',
      path: [...path, 'every'],
      rule: 'timing.recurrence',
      step,
      message: `Step "${step}" repeats every ${JSON.stringify(input.every)}; give one whole unit, e.g. "P2W", "P1M" or "P10D".`,
    });
  }
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_OCCURRENCES) {
    fail({
      code: 'unbounded-series',
      path: [...path, 'count'],
      rule: 'timing.series-ends',
      step,
      message: `Step "${step}" repeats ${JSON.stringify(input.count)} times; give a count from 1 to ${MAX_OCCURRENCES}.`,
    });
  }
  const n = amount as number;
  const months = unit === 'months' ? n : unit === 'years' ? 12 * n : 0;
  const days = unit === 'weeks' ? 7 * n : unit === 'days' ? n : 0;
  return {
    rrule: `FREQ=${freq};INTERVAL=${n};COUNT=${input.count}`,
    months,
    days,
    count: input.count,
  };
}

type Path = readonly (string | number)[];

type Bad = (why: string, code?: string, rule?: string) => never;

/** Fails for a recurrence that cannot be planned, naming the step, the field and the rule. */
function badFor(shown: unknown, path: Path, step: string): Bad {
  return (why, code = 'invalid-recurrence', rule = 'timing.recurrence') =>
    fail({
      code,
      path,
      rule,
      step,
      message: `Step "${step}" has recurrence ${JSON.stringify(shown)}, which ${why}.`,
    });
}

/** Checks and compiles a recurrence; errors name the step and the field. */
export function toRecurrence(input: unknown, path: Path, step: string): Recurrence {
  const bad = badFor(input, path, step);
  if (typeof input === 'object' && input !== null && 'every' in input && 'count' in input) {
    // A cadence adds its step as durations do (31 Jan + 1 month = 28 Feb), where an RRULE would
    // skip the months that have no 31st (RFC 5545).
    const cadence = cadenceOf(input as { every: string; count: number }, path, step);
    const occurrences = (start: DayNumber): DayNumber[] => {
      // A loop: every solve lists them again, and Array.from with a mapper is several times slower.
      const days = new Array<DayNumber>(cadence.count);
      for (let k = 0; k < cadence.count; k++) {
        days[k] = addMonthsToDay(start, k * cadence.months) + k * cadence.days;
      }
      return days;
    };
    return { rrule: cadence.rrule, occurrences };
  }
  if (typeof input === 'string') {
    return bad(
      `is RRULE text; read it with rrule() of @maslul/timing/rrule: \`repeat: rrule(${JSON.stringify(input)})\`, or write a cadence { every, count }`,
    );
  }
  const series = input as Partial<RRuleSeries> | null;
  if (typeof series?.rrule !== 'string' || typeof series.reader?.parseString !== 'function') {
    return bad('is neither rrule("...") of @maslul/timing/rrule nor { every, count }');
  }
  return fromRRule(series.rrule, series.reader, badFor(series.rrule, path, step));
}

/** Reads RRULE text with the rrule package's `RRule` (handed over by `rrule()`). */
function fromRRule(input: string, RRule: typeof RRuleClass, bad: Bad): Recurrence {
  const text = input.replace(/^RRULE:/i, '').trim();
  if (/DTSTART|TZID/i.test(text)) {
    bad("sets DTSTART or TZID; remove it: the step's relation sets the first date");
  }
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(text);
  } catch {
    return bad('cannot be read as an RRULE; write e.g. "FREQ=WEEKLY;INTERVAL=2;COUNT=4"');
  }
  const { freq, count, until } = options;
  if (freq === undefined || freq > RRule.DAILY) {
    bad('needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY (program steps are days apart)');
  }
  if (count == null && until == null) {
    bad('has no end; add COUNT or UNTIL', 'unbounded-series', 'timing.series-ends');
  }
  if (count != null && (count < 1 || count > MAX_OCCURRENCES)) {
    bad(`must have a COUNT from 1 to ${MAX_OCCURRENCES}`, 'unbounded-series', 'timing.series-ends');
  }
  const interval = options.interval ?? 1;
  const daysPerStep =
    freq === RRule.DAILY ? 1 : freq === RRule.WEEKLY ? 7 : (undefined as number | undefined);
  const simple = Object.keys(options).every((key) => SIMPLE_KEYS.has(key));
  const untilDay = until ? Math.floor(until.getTime() / 86_400_000) : undefined;
  const rrule = new RRule(options).toString().replace(/^RRULE:/, '');

  const occurrences = (start: DayNumber): DayNumber[] => {
    if (simple && daysPerStep !== undefined) {
      const days: DayNumber[] = [];
      for (let d = start; days.length < (count ?? MAX_OCCURRENCES); d += daysPerStep * interval) {
        if (untilDay !== undefined && d > untilDay) break;
        days.push(d);
      }
      return days;
    }
    const dtstart = new Date(start * 86_400_000);
    const rule = new RRule({ ...options, dtstart });
    return rule
      .all((_, i) => i < MAX_OCCURRENCES)
      .map((date) => Math.floor(date.getTime() / 86_400_000));
  };
  return { rrule, occurrences };
}
