import { dayAfter } from './add-length.js';
import type { DayCalendar } from './calendar.js';
import type { DayFact } from './facts.js';
import { type Lengths, type Model, SERIES, SPAN } from './model.js';
import type { DayNumber } from './plain-date.js';

/** Which length of every window a pass takes: nominal, earliest, latest, or a draw. */
export const NOMINAL = 0;
export const EARLIEST = 1;
export const LATEST = 2;

/** Draws a day in [low, high] around `mode`, for forecasts. */
export type Draw = (low: DayNumber, mode: DayNumber, high: DayNumber) => DayNumber;

/** One forward pass: every step's start and finish, and what drove each start. */
export interface Pass {
  readonly start: Int32Array;
  /** The date before moving to a working day (the relation's or program start's date). Like
   * `rawFinish` and `driver`, kept only by the nominal pass: other passes reuse scratch arrays. */
  readonly raw: Int32Array;
  readonly finish: Int32Array;
  /** The date a span's finish had before moving to a working day. */
  readonly rawFinish: Int32Array;
  /** The edge that set the step's start; -1 for none. */
  readonly driver: Int32Array;
  /**
   * Occurrences of series (held ones first); undefined for other kinds. Kept only by the nominal
   * pass (the only one explained): empty for the others.
   */
  readonly occurrences: readonly (DayNumber[] | undefined)[];
}

const scratchArrays: Int32Array[] = [];
/** The occurrences of a pass that is not explained: none kept. */
const NO_OCCURRENCES: (DayNumber[] | undefined)[] = [];

/** A reusable array of at least n days, for what a pass computes but does not return for use. */
function scratch(n: number, slot: number): Int32Array {
  const current = scratchArrays[slot];
  if (current && current.length >= n) return current;
  const fresh = new Int32Array(n);
  scratchArrays[slot] = fresh;
  return fresh;
}

/** `day` plus length `i` of `lengths` (which: nominal, earliest or latest): months, days, working days. */
export function plusLength(
  calendar: DayCalendar,
  day: DayNumber,
  lengths: Lengths,
  which: number,
  i: number,
): DayNumber {
  return dayAfter(
    calendar,
    day,
    lengths.months[which as 0][i] as number,
    lengths.days[which as 0][i] as number,
    lengths.anyWorking ? (lengths.working[which as 0][i] as number) : 0,
  );
}

/** The end of length `i` from `anchor`: the pass's own length, or a draw between earliest and latest. */
function lengthFrom(
  calendar: DayCalendar,
  anchor: DayNumber,
  lengths: Lengths,
  i: number,
  which: number,
  draw?: Draw,
): DayNumber {
  if (!draw) return plusLength(calendar, anchor, lengths, which, i);
  const low = plusLength(calendar, anchor, lengths, EARLIEST, i);
  const high = plusLength(calendar, anchor, lengths, LATEST, i);
  const mode = plusLength(calendar, anchor, lengths, NOMINAL, i);
  return low === high ? mode : draw(low, mode, high);
}

function seriesOccurrences(
  model: Model,
  i: number,
  start: DayNumber,
  fact: DayFact | undefined,
  calendar: DayCalendar,
): DayNumber[] {
  const repeat = model.repeats[i];
  if (!repeat) return [start];
  const held = fact?.occurrences ?? [];
  // Done, or skipped before it began: what was held is all there is.
  if (fact?.finish !== undefined) return [...held];
  const last = held[held.length - 1];
  if (last === undefined) return repeat.occurrences(start).map((day) => calendar.next(day));
  const total = repeat.occurrences(start).length;
  // The rule's own dates after the last one held: a rule by date (BYMONTHDAY=1) does not fall on
  // a late occurrence, so its first date from there is the next one to keep, not one to drop.
  const planned = repeat
    .occurrences(last)
    .filter((day) => day > last)
    .slice(0, Math.max(0, total - held.length));
  return held.concat(planned.map((day) => calendar.next(day)));
}

/**
 * Plans forward in topological order: a step starts at the latest of its relations (each the
 * other step's finish or start plus the lag), moved to the next working day; recorded facts
 * replace what they cover. `which` picks the nominal, earliest or latest length of every window;
 * with `draw`, each length is drawn within its window instead (forecasts).
 */
export function propagate(
  model: Model,
  calendar: DayCalendar,
  programStart: DayNumber,
  facts: readonly (DayFact | undefined)[],
  which: number,
  draw?: Draw,
): Pass {
  const n = model.steps.length;
  const { predFrom, edgeOther, edgeFromStart, kind, lags, durations } = model;
  const start = new Int32Array(n);
  const finish = new Int32Array(n);
  // Only the nominal pass is explained; the others share scratch arrays for what they do not keep.
  const explained = which === NOMINAL && !draw;
  const raw = explained ? new Int32Array(n) : scratch(n, 0);
  const rawFinish = explained ? new Int32Array(n) : scratch(n, 1);
  const driver = explained ? new Int32Array(n) : scratch(n, 2);
  const occurrences: (DayNumber[] | undefined)[] = explained ? new Array(n) : NO_OCCURRENCES;
  for (let i = 0; i < n; i++) {
    let date = programStart;
    let by = -1;
    const last = predFrom[i + 1] as number;
    for (let e = predFrom[i] as number; e < last; e++) {
      const other = edgeOther[e] as number;
      const anchor = edgeFromStart[e] ? (start[other] as number) : (finish[other] as number);
      const candidate = lengthFrom(calendar, anchor, lags, e, which, draw);
      if (by < 0 || candidate > date) {
        date = candidate;
        by = e;
      }
    }
    raw[i] = date;
    driver[i] = by;
    const fact = facts[i];
    // A fixed date is kept as given: neither the relations nor the calendar move it.
    const fixed = model.fixed[i];
    let begin =
      fact?.start ?? (fixed !== undefined && kind[i] !== SPAN ? fixed : calendar.next(date));
    let end: DayNumber;
    if (kind[i] === SERIES) {
      const days = seriesOccurrences(model, i, begin, fact, calendar);
      if (explained) occurrences[i] = days;
      begin = days[0] ?? begin;
      end = fact?.finish ?? days[days.length - 1] ?? begin;
      rawFinish[i] = end;
    } else if (kind[i] === SPAN) {
      const planned = fixed ?? lengthFrom(calendar, begin, durations, i, which, draw);
      rawFinish[i] = planned;
      end = fact?.finish ?? fixed ?? calendar.next(planned);
    } else {
      end = fact?.finish ?? begin;
      rawFinish[i] = end;
    }
    // A recorded finish, or a fixed one, before the planned start: the step is squeezed to it.
    if (fact?.start === undefined && begin > end) begin = end;
    start[i] = begin;
    finish[i] = end;
  }
  return { start, raw, finish, rawFinish, driver, occurrences };
}
