import type { Actor, InstanceView } from '@maslul/core';
import { type KehilaMetiva, kehilaMetiva } from '@maslul/kehila-metiva';
import {
  explain,
  type PlainDate,
  type Plan,
  type PlannedStep,
  type WorkCalendar,
} from '@maslul/timing';
import type { LateStep, Owner, WeekItem, WeekState } from '../src/demo-state.js';
import { nameOf } from './people.js';

// "This week" and "late", from an instance's plan at the simulated now: what is due or overdue
// in the seven days from today (steps, and items' planned events such as a team's meetings),
// who owns each, and for each overdue step how many working days it is late and what waits on it.

const DAY = 86_400_000;
const addDays = (date: PlainDate, days: number): PlainDate =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10) as PlainDate;

/** The roles that record a step or an item's event, as the program says. */
function rolesOf(id: string): readonly string[] {
  const step = kehilaMetiva.steps[id as keyof typeof kehilaMetiva.steps];
  if (step) return step.by;
  const [item, event] = id.split('.');
  const kind = item?.replace(/-[a-z]+$/, '') as keyof typeof kehilaMetiva.items;
  return kehilaMetiva.items[kind]?.events[event ?? '']?.by ?? [];
}

/** Counts the working days from `from` to `to`, both included. */
function workingDays(calendar: WorkCalendar, from: PlainDate, to: PlainDate): number {
  let n = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) n += 1;
  return n;
}

/** Every step after `id` (following dependsOn backwards), in plan order. */
function downstream(plan: Plan, id: string): string[] {
  const after = new Set<string>([id]);
  for (const other of plan.order) {
    const step = plan.steps[other] as PlannedStep;
    if (step.dependsOn.some((d) => after.has(d))) after.add(other);
  }
  after.delete(id);
  return [...after];
}

/** The week from `today` and the late steps of one instance. */
export function weekOf(
  id: string,
  view: InstanceView<KehilaMetiva>,
  today: PlainDate,
  calendar: WorkCalendar,
  personOf: (role: string, item?: string | undefined) => Actor | undefined,
): WeekState {
  const to = addDays(today, 6);
  const schedule = view.schedule(`${today}T12:00:00Z`);
  const plan = schedule.plan as Plan;
  const status = schedule.status as Record<string, string>;
  const ownersOf = (step: string, item?: string): Owner[] =>
    rolesOf(step).map((role) => {
      const person = personOf(role, item);
      return person ? { role, actor: { id: person.id, name: nameOf(person.id) } } : { role };
    });
  const items: WeekItem[] = [];
  const late: LateStep[] = [];
  for (const stepId of plan.order) {
    const step = plan.steps[stepId] as PlannedStep;
    const state = status[stepId];
    if (!state || state === 'done') continue;
    const item = stepId.includes('.') ? stepId.split('.')[0] : undefined;
    const owners = ownersOf(stepId, item);
    const closes = step.recorded.start ? step.finishWindow.latest : step.window.latest;
    if (state === 'overdue') {
      items.push({ id: stepId, date: closes, status: 'overdue', item, owners });
      late.push({
        id: stepId,
        windowClosed: closes,
        workingDaysLate: workingDays(calendar, addDays(closes, 1), today),
        owners,
        moved: downstream(plan, stepId)
          .filter((after) => status[after] !== 'done')
          .map((after) => ({
            id: after,
            start: (plan.steps[after] as PlannedStep).start,
            explanation: explain(plan, after),
          })),
      });
      continue;
    }
    // The days of the week it is planned on: a series' open occurrences, a step's start or finish.
    const dates = step.occurrences
      ? step.occurrences.filter((o) => !o.recorded).map((o) => o.date)
      : [step.recorded.start ? step.finish : step.start];
    const date = dates.find((d) => d >= today && d <= to);
    if (date !== undefined || state === 'open') {
      items.push({
        id: stepId,
        date: date ?? step.start,
        status: state as WeekItem['status'],
        item,
        owners,
      });
    }
  }
  items.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return { id, from: today, to, items, late };
}
