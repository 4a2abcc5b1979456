import { fail } from './errors.js';
import { type DayNumber, type PlainDate, plainDateOf, tryDayOf } from './plain-date.js';
import type { Schedule } from './schedule.js';

/**
 * What actually happened to a step: when it started, when it finished and, for a series, the
 * dates of the occurrences held so far. Recording a fact re-plans every step after it.
 *
 * @example
 * ```ts
 * import type { StepFact } from '@maslul/timing';
 *
 * const mapping: StepFact = { start: '2026-10-04' };
 * const teamMeetings: StepFact = { occurrences: ['2027-02-07', '2027-02-21'] };
 * const infoEvening: StepFact = { finish: '2027-01-07', skipped: true };
 * ```
 * @category Solver
 */
export interface StepFact {
  readonly start?: PlainDate | undefined;
  readonly finish?: PlainDate | undefined;
  /** Occurrences of a series held so far, in order. */
  readonly occurrences?: readonly PlainDate[] | undefined;
  /**
   * The step was skipped: it did not happen, and is settled on its `finish` (or `start`) day,
   * taking no time. What waits for it plans from that day; its status is `skipped`.
   */
  readonly skipped?: boolean | undefined;
}

/**
 * Recorded facts by step id. A plain date is shorthand for "done on that date".
 *
 * @example
 * ```ts
 * import type { Facts } from '@maslul/timing';
 *
 * const facts: Facts<'S0' | 'S1' | 'S2'> = { S0: '2026-09-01', S2: { start: '2026-10-04' } };
 * ```
 * @category Solver
 */
export type Facts<Id extends string = string> = {
  readonly [K in Id]?: StepFact | PlainDate | undefined;
};

/** A checked fact in day numbers. */
export interface DayFact {
  readonly start: DayNumber | undefined;
  readonly finish: DayNumber | undefined;
  readonly occurrences: readonly DayNumber[];
  readonly skipped: boolean;
}

type Path = readonly (string | number)[];

/**
 * A fact's date as a day number. The path names the field below `path` (`field`, then `index`),
 * and is made only for an error: a solve checks every fact each time.
 */
function dateField(
  value: unknown,
  base: Path,
  step: string,
  field?: string,
  index?: number,
): DayNumber | undefined {
  if (value === undefined) return undefined;
  const day = tryDayOf(value);
  if (day === undefined) {
    const path =
      field === undefined ? base : index === undefined ? [...base, field] : [...base, field, index];
    fail({
      code: 'invalid-date',
      path,
      rule: 'timing.plain-date',
      step,
      message: `${path.join('.')} of step "${step}" is ${JSON.stringify(value)}; write it as "YYYY-MM-DD".`,
    });
  }
  return day;
}

/** A series' occurrences as day numbers; `path` is the fact's (`['facts', step]`). */
function occurrencesOf(value: unknown, path: Path, step: string): DayNumber[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    fail({
      code: 'invalid-fact',
      path: [...path, 'occurrences'],
      rule: 'timing.fact',
      step,
      message: `Step "${step}" has occurrences ${JSON.stringify(value)}; give a list of "YYYY-MM-DD" dates.`,
    });
  }
  const days: DayNumber[] = [];
  value.forEach((date: unknown, i: number) => {
    const day = dateField(date, path, step, 'occurrences', i) as DayNumber;
    const previous = days[days.length - 1];
    if (previous !== undefined && day < previous) {
      fail({
        code: 'end-before-start',
        path: [...path, 'occurrences', i],
        rule: 'timing.fact-order',
        step,
        message: `Occurrence ${i + 1} of step "${step}" (${plainDateOf(day)}) is before occurrence ${i} (${plainDateOf(previous)}); list occurrences in order.`,
      });
    }
    days.push(day);
  });
  return days;
}

function checkFact(input: unknown, step: string, kind: string): DayFact {
  const path: Path = ['facts', step];
  if (typeof input === 'string') {
    const day = dateField(input, path, step);
    return {
      start: kind === 'milestone' ? day : undefined,
      finish: day,
      occurrences: [],
      skipped: false,
    };
  }
  if (typeof input !== 'object' || input === null) {
    fail({
      code: 'invalid-fact',
      path,
      rule: 'timing.fact',
      step,
      message: `The fact of step "${step}" is ${JSON.stringify(input)}; give "YYYY-MM-DD" or { start, finish, occurrences }.`,
    });
  }
  const fact = input as StepFact;
  let start = dateField(fact.start, path, step, 'start');
  let finish = dateField(fact.finish, path, step, 'finish');
  const occurrences = occurrencesOf(fact.occurrences, path, step);
  if (occurrences.length > 0 && kind !== 'series') {
    fail({
      code: 'invalid-fact',
      path: [...path, 'occurrences'],
      rule: 'timing.fact',
      step,
      message: `Step "${step}" is a ${kind}, not a series; it has no occurrences to record.`,
    });
  }
  const first = occurrences[0];
  if (first !== undefined && start !== undefined && first !== start) {
    fail({
      code: 'invalid-fact',
      path: [...path, 'start'],
      rule: 'timing.fact',
      step,
      message: `Series "${step}" started on ${plainDateOf(start)} but its first occurrence is ${plainDateOf(first)}; they must be the same day.`,
    });
  }
  start ??= first;
  const skipped = fact.skipped === true;
  // Skipped: it did not happen, so it takes one day (its finish, or its start) and holds nothing.
  if (
    skipped &&
    ((start ?? finish) === undefined ||
      (finish ?? start) !== (start ?? finish) ||
      first !== undefined)
  ) {
    fail({
      code: 'invalid-fact',
      path: [...path, 'skipped'],
      rule: 'timing.fact',
      step,
      message: `Step "${step}" is skipped: give the one day it was skipped as its finish, and no occurrences (only a step not started may be skipped).`,
    });
  }
  if (kind === 'milestone' || skipped) {
    if (start !== undefined && finish !== undefined && start !== finish) {
      fail({
        code: 'invalid-fact',
        path: [...path, 'finish'],
        rule: 'timing.fact',
        step,
        message: `Milestone "${step}" is one day, but it has start ${plainDateOf(start)} and finish ${plainDateOf(finish)}; record one date.`,
      });
    }
    start ??= finish;
    finish ??= start;
  }
  const last = occurrences[occurrences.length - 1];
  for (const [name, day] of [
    ['start', start],
    ['last occurrence', last],
  ] as const) {
    if (finish !== undefined && day !== undefined && finish < day) {
      fail({
        code: 'end-before-start',
        path: [...path, 'finish'],
        rule: 'timing.end-after-start',
        step,
        message: `Step "${step}" finished on ${plainDateOf(finish)}, before its ${name} (${plainDateOf(day)}); a step cannot end before it starts.`,
      });
    }
  }
  return { start, finish, occurrences, skipped };
}

/** Checks facts against a schedule; index i holds the fact of `schedule.order[i]`. */
export function checkFacts(schedule: Schedule, facts: Facts | undefined): (DayFact | undefined)[] {
  if (facts === undefined) return new Array(schedule.order.length);
  const byId = facts as Record<string, unknown>;
  for (const id of Object.keys(byId)) {
    if (!(id in schedule.steps)) {
      fail({
        code: 'unknown-step',
        path: ['facts', id],
        rule: 'timing.known-reference',
        step: id,
        message: `A fact is recorded for "${id}", which is not a step of this schedule.`,
      });
    }
  }
  return schedule.order.map((id) => {
    const input = byId[id];
    const kind = (schedule.steps as Record<string, { kind: string }>)[id]?.kind ?? 'milestone';
    if (input === undefined) return undefined;
    if (!isFrozenFact(input)) return checkFact(input, id, kind);
    // A frozen fact cannot change: it is checked once per step kind (an instance re-plans from
    // the same facts of its earlier steps at every event).
    const held = checkedFacts.get(input);
    if (held?.kind === kind) return held.fact;
    const fact = checkFact(input, id, kind);
    checkedFacts.set(input, { kind, fact });
    return fact;
  });
}

/** The day facts of frozen facts, by the fact object and the kind of step it was checked for. */
const checkedFacts = new WeakMap<object, { readonly kind: string; readonly fact: DayFact }>();

/** A fact no one can change: the object frozen, and its occurrences too, if it has any. */
function isFrozenFact(input: unknown): input is object {
  if (typeof input !== 'object' || input === null || !Object.isFrozen(input)) return false;
  const { occurrences } = input as StepFact;
  return occurrences === undefined || Object.isFrozen(occurrences);
}
