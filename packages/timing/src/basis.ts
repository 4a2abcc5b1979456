import type { DayCalendar } from './calendar.js';
import { MILESTONE, type Model, SERIES } from './model.js';
import { type DayNumber, plainDateOf } from './plain-date.js';
import type { Basis, Move } from './plan.js';
import type { Prepared } from './prepare.js';
import { NOMINAL, type Pass, plusLength } from './propagate.js';
import type { Relation } from './schedule.js';

const moves = new WeakMap<DayCalendar, Map<number, Move>>();

/**
 * The move from a day off to the next working day. Moves are frozen and shared, one per calendar
 * and pair of days: a plan moves many steps past the same weekends, and sharing keeps a large
 * plan small.
 */
export function moveOf(calendar: DayCalendar, from: DayNumber, to: DayNumber): Move | undefined {
  if (from >= to) return undefined;
  let byDays = moves.get(calendar);
  if (!byDays) {
    byDays = new Map();
    moves.set(calendar, byDays);
  }
  const key = from * 512 + Math.min(to - from, 511);
  let move = byDays.get(key);
  if (move === undefined || move.to !== plainDateOf(to)) {
    const closures = [];
    for (let d = from; d < to; d++) {
      const closure = calendar.closedOn(d);
      if (closure) closures.push(closure);
    }
    move = Object.freeze({
      from: plainDateOf(from),
      to: plainDateOf(to),
      closures: Object.freeze(closures),
    });
    if (byDays.size > 50_000) byDays.clear();
    byDays.set(key, move);
  }
  return move;
}

const NO_OTHERS: readonly never[] = Object.freeze([]);

function anchorOf(model: Model, nominal: Pass, e: number): DayNumber {
  const other = model.edgeOther[e] as number;
  return (model.edgeFromStart[e] ? nominal.start[other] : nominal.finish[other]) as number;
}

type RelationBasis = Extract<Basis, { kind: 'relation' }>;

function othersOf(p: Prepared, nominal: Pass, i: number, driver: number): RelationBasis['others'] {
  const { model } = p;
  const others = [];
  for (let e = model.predFrom[i] as number; e < (model.predFrom[i + 1] as number); e++) {
    if (e === driver) continue;
    const date = plainDateOf(
      plusLength(p.calendar, anchorOf(model, nominal, e), model.lags, NOMINAL, e),
    );
    others.push({ step: model.ids[model.edgeOther[e] as number] as string, date });
  }
  return others;
}

export function basisOf(p: Prepared, nominal: Pass, i: number): Basis {
  const fact = p.facts[i];
  if (fact?.start !== undefined || fact?.finish !== undefined) {
    return { kind: 'recorded', date: plainDateOf(nominal.start[i] as number) };
  }
  const { model } = p;
  const fixed = model.fixed[i];
  if (fixed !== undefined && model.kind[i] === MILESTONE)
    return { kind: 'fixed', date: plainDateOf(fixed), moved: undefined };
  const raw = nominal.raw[i] as number;
  // Only the calendar moves a date; a series may start later still, on its rule's first day.
  const moved = moveOf(
    p.calendar,
    raw,
    model.kind[i] === SERIES ? p.calendar.next(raw) : (nominal.start[i] as number),
  );
  const driver = nominal.driver[i] as number;
  if (driver < 0) return { kind: 'program-start', date: plainDateOf(raw), moved };
  const joined = (model.predFrom[i + 1] as number) - (model.predFrom[i] as number) > 1;
  return {
    kind: 'relation',
    relation: model.relations[driver] as Relation,
    anchor: plainDateOf(anchorOf(model, nominal, driver)),
    date: plainDateOf(raw),
    moved,
    others: joined ? othersOf(p, nominal, i, driver) : NO_OTHERS,
  };
}
