import {
  addLength,
  type Duration,
  mondayToFriday,
  type PlainDate,
  type Plan,
  type PlannedStep,
  startOfDayIn,
  type WorkCalendar,
} from '@maslul/timing';

/**
 * A moment the program cares about, computed from the plan and stored as data: a step's window
 * `opens`, it is `due` (its planned date), or it is `overdue` (its window closed). A scheduler
 * delivers each once at `at`; a re-planned deadline keeps its `id` and gets a new `at`.
 *
 * @example
 * ```ts
 * import type { Deadline } from '@maslul/core';
 *
 * const due: Deadline = { id: 'S4:due', step: 'S4', kind: 'due', date: '2027-01-05', at: 1799100000000 };
 * const closes: Deadline = {
 *   id: 'window:overdue', step: 'window', kind: 'overdue', date: '2027-04-01', at: 1806451200000,
 *   act: { type: 'window.finish' },
 * };
 * ```
 * @category Runtime
 */
export interface Deadline {
  readonly id: string;
  readonly step: string;
  readonly kind: 'opens' | 'due' | 'overdue';
  /** The plain date, in the calendar's time zone. */
  readonly date: PlainDate;
  /** The instant the date begins there, in epoch milliseconds. */
  readonly at: number;
  /** An acting deadline: the event the timer worker records when it passes (see `onOverdue`). */
  readonly act?: DeadlineAct | undefined;
}

/**
 * The event an acting deadline records, by `TIMER_ACTOR`: a step's own event, or an item event
 * with its item.
 *
 * @example
 * ```ts
 * import type { DeadlineAct } from '@maslul/core';
 *
 * const expire: DeadlineAct = { type: 'application.expire', item: 'a-17' };
 * ```
 * @category Runtime
 */
export interface DeadlineAct {
  readonly type: string;
  readonly item?: string | undefined;
}

/** What a step of the plan does when overdue: the event, and how long after the overdue date. */
export interface ActPlan extends DeadlineAct {
  readonly after?: Duration | undefined;
}

const nextDays = new Map<PlainDate, PlainDate>();

function nextDay(date: PlainDate): PlainDate {
  let next = nextDays.get(date);
  if (next === undefined) {
    const day = new Date(`${date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1);
    next = day.toISOString().slice(0, 10) as PlainDate;
    if (nextDays.size > 20_000) nextDays.clear();
    nextDays.set(date, next);
  }
  return next;
}

/** The ids `<step>:<kind>` by step, made once: every plan lists the same ones again. */
const ids = new Map<string, Record<Deadline['kind'], string>>();

function idOf(step: string, kind: Deadline['kind']): string {
  let of = ids.get(step);
  if (!of) {
    of = { opens: `${step}:opens`, due: `${step}:due`, overdue: `${step}:overdue` };
    if (ids.size > 20_000) ids.clear();
    ids.set(step, of);
  }
  return of[kind];
}

/** The deadlines of each plan, made once: a plan kept because nothing it reads changed keeps them. */
const ofPlan = new WeakMap<Plan, readonly Deadline[]>();

/**
 * Ties in time are ordered by id, code unit by code unit: the same order on every machine (a
 * collation follows the environment's locale and ICU version), and far cheaper to compare.
 */
const byId = (a: Deadline, b: Deadline): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The deadlines of every step not finished yet, in time order (the same array for one plan);
 * `acts` gives the steps that act when overdue (read once per plan).
 */
export function deadlinesOf(
  plan: Plan,
  acts: () => ReadonlyMap<string, ActPlan> = () => new Map(),
  calendar: WorkCalendar = mondayToFriday,
): readonly Deadline[] {
  let deadlines = ofPlan.get(plan);
  if (!deadlines) {
    // Shared by every reader of this plan: frozen, so no reader can reorder another's.
    deadlines = Object.freeze(listDeadlines(plan, acts(), calendar));
    ofPlan.set(plan, deadlines);
  }
  return deadlines;
}

function listDeadlines(
  plan: Plan,
  acts: ReadonlyMap<string, ActPlan>,
  calendar: WorkCalendar,
): Deadline[] {
  const zone = plan.calendar.timeZone;
  const deadlines: Deadline[] = [];
  const add = (step: string, kind: Deadline['kind'], date: PlainDate): void => {
    const act = kind === 'overdue' ? acts.get(step) : undefined;
    const at = startOfDayIn(date, zone);
    if (!act) {
      deadlines.push({ id: idOf(step, kind), step, kind, date, at });
      return;
    }
    const { after, ...event } = act;
    if (after === undefined) {
      deadlines.push({ id: idOf(step, kind), step, kind, date, at, act: event });
      return;
    }
    deadlines.push({ id: idOf(step, kind), step, kind, date, at });
    // Acting later than the overdue date: a deadline of its own, `<step>:act`.
    const acting = addLength(date, after.nominal, calendar);
    deadlines.push({
      id: `${step}:act`,
      step,
      kind,
      date: acting,
      at: startOfDayIn(acting, zone),
      act: event,
    });
  };
  for (const id of plan.order) {
    const step = plan.steps[id] as PlannedStep;
    if (step.recorded.finish) continue;
    // A started series is due at its next occurrence, not its last; that one has no window.
    const next = step.recorded.start ? step.occurrences?.find((o) => !o.recorded) : undefined;
    if (next) {
      add(id, 'due', next.date);
      add(id, 'overdue', nextDay(next.date));
    } else if (step.recorded.start) {
      add(id, 'due', step.finish);
      add(id, 'overdue', nextDay(step.finishWindow.latest));
    } else {
      add(id, 'opens', step.window.earliest);
      add(id, 'due', step.start);
      add(id, 'overdue', nextDay(step.window.latest));
    }
  }
  return deadlines.sort((a, b) => a.at - b.at || byId(a, b));
}
