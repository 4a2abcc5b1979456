import { kehilaMetiva } from '@maslul/kehila-metiva';
import type { Occurrence, PlainDate, Plan, ScheduleStepKind, StepStatus } from '@maslul/timing';
import { type Lang, labelOf, MESSAGES } from './i18n.js';

// The Gantt's rows and axis, from the plan and statuses the HTTP API gives: one group per track of
// the program, in the program's order, each step a row from its planned (or recorded) start to its
// finish; the axis runs from the first of the program's first month to the month after its end.

/** One step on the timeline. */
export interface TimelineRow {
  readonly id: string;
  readonly label: string;
  readonly kind: ScheduleStepKind;
  readonly status: StepStatus;
  readonly start: PlainDate;
  /** The last day, inclusive (a milestone's is its start). */
  readonly finish: PlainDate;
  /** A series' occurrences (the quarterly meetings), held ones first. */
  readonly occurrences: readonly Occurrence[] | undefined;
}

/** A track and its steps. */
export interface TimelineGroup {
  readonly id: string;
  readonly label: string;
  readonly rows: readonly TimelineRow[];
}

/** The date axis: from `from` to `to` (exclusive), with a tick on the first of each month. */
export interface Axis {
  readonly from: PlainDate;
  readonly to: PlainDate;
  readonly months: readonly PlainDate[];
}

const DAY = 86_400_000;
const dayOf = (date: PlainDate) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10) as PlainDate;
const firstOfMonth = (date: PlainDate) => `${date.slice(0, 7)}-01` as PlainDate;
const nextMonth = (date: PlainDate): PlainDate => {
  const d = new Date(`${firstOfMonth(date)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return dateOf(d.getTime() / DAY);
};

/** The track groups of the program with their steps' rows. */
export function timelineGroups(
  plan: Plan,
  status: { readonly [step: string]: StepStatus },
  lang: Lang,
): TimelineGroup[] {
  return kehilaMetiva.tracks.map((track) => ({
    id: track.id,
    label: labelOf(track.label, lang),
    rows: track.steps.flatMap((id) => {
      const step = plan.steps[id];
      const definition = kehilaMetiva.steps[id as keyof typeof kehilaMetiva.steps];
      if (!step || !definition) return [];
      const row = {
        id,
        label: labelOf(definition.label, lang),
        kind: step.kind,
        status: status[id] ?? 'upcoming',
        start: step.start,
        finish: step.finish,
        occurrences: step.occurrences,
      };
      // Under S6, each channel team's four planned work meetings (T3), once it is appointed.
      return id === 'S6' ? [row, ...teamMeetingRows(plan, status, lang)] : [row];
    }),
  }));
}

/** The rows of the teams' planned meetings: the plan's `team-<channel>.meet` series. */
function teamMeetingRows(
  plan: Plan,
  status: { readonly [step: string]: StepStatus },
  lang: Lang,
): TimelineRow[] {
  const meet = labelOf(kehilaMetiva.items.team.events.meet?.label ?? 'Team meetings', lang);
  return plan.order.flatMap((id) => {
    const match = /^team-([a-z]+)\.meet$/.exec(id);
    const step = plan.steps[id];
    if (!match || !step) return [];
    const channel = match[1] as string;
    return [
      {
        id,
        label: `${meet}: ${MESSAGES[lang].channels[channel] ?? channel}`,
        kind: step.kind,
        status: status[id] ?? 'upcoming',
        start: step.start,
        finish: step.finish,
        occurrences: step.occurrences,
      },
    ];
  });
}

/** The axis over the plan and today, whole months. */
export function axisOf(plan: Plan, today: PlainDate): Axis {
  const from = firstOfMonth(plan.start < today ? plan.start : today);
  const to = nextMonth(plan.finish > today ? plan.finish : today);
  const months: PlainDate[] = [];
  for (let month = from; month < to; month = nextMonth(month)) months.push(month);
  return { from, to, months };
}

/** Where a day begins on the axis, in percent of its length. */
export function positionOf(axis: Axis, date: PlainDate): number {
  return ((dayOf(date) - dayOf(axis.from)) / (dayOf(axis.to) - dayOf(axis.from))) * 100;
}

/** Where a day ends on the axis (the next day's beginning), in percent. */
export const endOf = (axis: Axis, date: PlainDate): number =>
  positionOf(axis, dateOf(dayOf(date) + 1));
