import type { PlainDate } from './plain-date.js';
import type { Plan } from './plan.js';
import type { ScheduleStepKind } from './schedule.js';

/**
 * One row of a Gantt chart: a bar (or a diamond, for milestones) with its dependencies.
 *
 * @example
 * ```ts
 * import type { GanttRow } from '@maslul/timing';
 *
 * const row: GanttRow = {
 *   id: 'S2',
 *   label: 'Mapping',
 *   group: 'strategy',
 *   kind: 'span',
 *   start: '2026-09-15',
 *   end: '2026-12-15',
 *   dependencies: ['S1'],
 *   critical: true,
 *   milestone: false,
 *   done: false,
 *   skipped: false,
 * };
 * ```
 * @category Gantt
 */
export interface GanttRow<Id extends string = string> {
  readonly id: Id;
  readonly label: string;
  /** The lane: the step's group, or undefined. */
  readonly group: string | undefined;
  readonly kind: ScheduleStepKind;
  readonly start: PlainDate;
  /** The last day (inclusive). */
  readonly end: PlainDate;
  readonly dependencies: readonly Id[];
  readonly critical: boolean;
  /** Draw as a diamond. */
  readonly milestone: boolean;
  /** Its finish is recorded. */
  readonly done: boolean;
  /** It was skipped (it is `done` too: settled, on one day). */
  readonly skipped: boolean;
}

/**
 * The plan as Gantt rows, in plan order: what chart libraries (Mermaid, frappe-gantt, dhtmlx)
 * take as tasks.
 *
 * @param plan - a plan from `solve`
 * @returns one row per step
 *
 * @example
 * ```ts
 * import { defineSchedule, solve, toGantt } from '@maslul/timing';
 *
 * const plan = solve(defineSchedule({ a: {}, b: { after: 'a', duration: 'P2W' } }), {
 *   start: '2027-01-04',
 * });
 * toGantt(plan).map((row) => [row.id, row.start, row.end]);
 * // [['a', '2027-01-04', '2027-01-04'], ['b', '2027-01-04', '2027-01-18']]
 * ```
 * @category Gantt
 */
export function toGantt<Id extends string>(plan: Plan<Id>): GanttRow<Id>[] {
  return plan.order.map((id) => {
    const step = plan.steps[id];
    return {
      id,
      label: step.label,
      group: step.group,
      kind: step.kind,
      start: step.start,
      end: step.finish,
      dependencies: step.dependsOn,
      critical: step.critical,
      milestone: step.kind === 'milestone',
      done: step.recorded.finish,
      skipped: step.recorded.skipped === true,
    };
  });
}
