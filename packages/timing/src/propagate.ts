import type { DayCalendar } from './calendar.js';
import type { Duration } from './duration.js';
import type { DayFact } from './facts.js';
import type { Model } from './model.js';
import type { DayNumber } from './plain-date.js';

/** Chooses where in its window a lag or duration lands, from an anchor day. */
export type Pick = (anchor: DayNumber, duration: Duration) => DayNumber;

/** One forward pass: every step's start and finish, and what drove each start. */
export interface Pass {
  readonly start: Int32Array;
  /** The date before moving to a working day (the relation's or program start's date). */
  readonly raw: Int32Array;
  readonly finish: Int32Array;
  /** The date a span's finish had before moving to a working day. */
  readonly rawFinish: Int32Array;
  /** Index into the step's relations of the one that set its start; -1 for none. */
  readonly driver: Int32Array;
  /** Occurrences of series (held ones first); undefined for other kinds. */
  readonly occurrences: (DayNumber[] | undefined)[];
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
  const total = repeat.occurrences(start).length;
  const last = held[held.length - 1];
  const planned =
    last === undefined
      ? repeat.occurrences(start)
      : fact?.finish !== undefined
        ? []
        : repeat.occurrences(last).slice(1, 1 + Math.max(0, total - held.length));
  return held.concat(planned.map((day) => calendar.next(day)));
}

/**
 * Plans forward in topological order: a step starts at the latest of its relations (each the
 * other step's finish or start plus the picked lag), moved to the next working day; recorded
 * facts replace what they cover.
 */
export function propagate(
  model: Model,
  calendar: DayCalendar,
  programStart: DayNumber,
  facts: readonly (DayFact | undefined)[],
  pick: Pick,
): Pass {
  const n = model.steps.length;
  const start = new Int32Array(n);
  const raw = new Int32Array(n);
  const finish = new Int32Array(n);
  const rawFinish = new Int32Array(n);
  const driver = new Int32Array(n).fill(-1);
  const occurrences: (DayNumber[] | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const preds = model.preds[i] as Model['preds'][number];
    let date = programStart;
    let by = -1;
    for (let e = 0; e < preds.length; e++) {
      const edge = preds[e] as Model['preds'][number][number];
      const anchor = edge.fromStart
        ? (start[edge.other] as number)
        : (finish[edge.other] as number);
      const candidate = pick(anchor, edge.lag);
      if (by < 0 || candidate > date) {
        date = candidate;
        by = e;
      }
    }
    raw[i] = date;
    driver[i] = by;
    const fact = facts[i];
    let begin = fact?.start ?? calendar.next(date);
    const kind = model.steps[i]?.kind;
    let end: DayNumber;
    if (kind === 'series') {
      const days = seriesOccurrences(model, i, begin, fact, calendar);
      occurrences[i] = days;
      begin = days[0] ?? begin;
      end = fact?.finish ?? days[days.length - 1] ?? begin;
      rawFinish[i] = end;
    } else if (kind === 'span') {
      const planned = pick(begin, model.durations[i] as Duration);
      rawFinish[i] = planned;
      end = fact?.finish ?? calendar.next(planned);
    } else {
      end = fact?.finish ?? begin;
      rawFinish[i] = end;
    }
    if (fact?.finish !== undefined && fact.start === undefined && begin > end) begin = end;
    start[i] = begin;
    finish[i] = end;
  }
  return { start, raw, finish, rawFinish, driver, occurrences };
}
