import type { Plan } from '@maslul/timing';
import { type LabelOptions, namingOf } from './labels.js';

/**
 * What {@link toMermaidGantt} takes beyond the plan: a title, an axis format, and how things are
 * named.
 *
 * @example
 * ```ts
 * import type { MermaidGanttOptions } from '@maslul/export';
 *
 * const options: MermaidGanttOptions = { title: 'Kehila Metiva', axisFormat: '%Y-%m', locale: 'he' };
 * ```
 * @category Mermaid
 */
export interface MermaidGanttOptions<Id extends string = string> extends LabelOptions<Id> {
  /** The chart's title; the program's label by default (none without a program). */
  readonly title?: string | undefined;
  /** The axis tick format (d3 time format, e.g. `'%Y-%m'`); Mermaid's own by default. */
  readonly axisFormat?: string | undefined;
}

/** Words that open a Mermaid gantt statement: a task name must not start with one. */
const KEYWORDS =
  /^(gantt|title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|inclusiveenddates|topaxis|weekday|weekend|click|acctitle|accdescr)\b/i;

/**
 * Text Mermaid can take in a task name, a section or a title. Mermaid ends a task name at a
 * colon and reads `#`, `;` and `%%` as syntax, so they become its entity codes (`#58;` shows a
 * colon), `#` first so a name holding `#58;` stays as written. Line breaks become spaces.
 */
export function mermaidText(text: string): string {
  const escaped = text
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .replace(/[#:;%]/g, (c) => `#${c.charCodeAt(0)};`);
  return KEYWORDS.test(escaped) ? `#${escaped.charCodeAt(0)};${escaped.slice(1)}` : escaped;
}

/** Task ids: letters, digits, `_` and `-`, unique in the chart; a step id that is one stays. */
function idsOf(order: readonly string[]): Map<string, string> {
  const valid = (id: string) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(id);
  const taken = new Set(order.filter(valid));
  const ids = new Map<string, string>();
  for (const id of order) {
    if (valid(id)) {
      ids.set(id, id);
      continue;
    }
    const base = `${/^[A-Za-z]/.test(id) ? '' : 's'}${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    let unique = base;
    for (let n = 2; taken.has(unique); n++) unique = `${base}_${n}`;
    taken.add(unique);
    ids.set(id, unique);
  }
  return ids;
}

/**
 * The plan as a Mermaid gantt chart: a section per track (in the program's track order), a task
 * per step with its id and dates, `crit` on the critical path, `done` when its finish is
 * recorded, `active` when it started and has not finished, and `milestone` for one-day steps.
 * Every task is placed by its planned dates (with `inclusiveEndDates`, so the last day in the
 * text is the plan's), not by Mermaid's `after`: the solver's lags, windows and working days
 * decide the dates, which `after` cannot express.
 *
 * @param plan - a plan from `solve` or `instance.schedule().plan`
 * @param options - title, axis format, labels and locale
 * @returns the chart's text, to put in a ```` ```mermaid ```` block
 *
 * @example
 * ```ts
 * import { toMermaidGantt } from '@maslul/export';
 * import { defineSchedule, solve } from '@maslul/timing';
 *
 * const plan = solve(
 *   defineSchedule({
 *     kickoff: { label: 'Kickoff', group: 'main' },
 *     mapping: { label: 'Mapping: the city', group: 'main', after: 'kickoff', duration: 'P2W' },
 *   }),
 *   { start: '2027-01-04' },
 * );
 * toMermaidGantt(plan, { title: 'Demo' });
 * // gantt
 * //   title Demo
 * //   dateFormat YYYY-MM-DD
 * //   inclusiveEndDates
 * //   section main
 * //   Kickoff :crit, milestone, kickoff, 2027-01-04, 0d
 * //   Mapping#58; the city :crit, mapping, 2027-01-04, 2027-01-18
 * ```
 * @category Mermaid
 */
export function toMermaidGantt<Id extends string>(
  plan: Plan<Id>,
  options?: MermaidGanttOptions<Id> | undefined,
): string {
  const naming = namingOf(plan, options);
  const ids = idsOf(plan.order);
  const title = options?.title ?? naming.program;
  const lines = ['gantt'];
  if (title !== undefined) lines.push(`  title ${mermaidText(title)}`);
  lines.push('  dateFormat YYYY-MM-DD');
  if (options?.axisFormat !== undefined) lines.push(`  axisFormat ${options.axisFormat}`);
  lines.push('  inclusiveEndDates');
  const task = (id: Id): string => {
    const step = plan.steps[id];
    const oneDay = step.start === step.finish;
    const tags = [
      step.critical && 'crit',
      step.recorded.finish ? 'done' : step.recorded.start && 'active',
      oneDay && 'milestone',
    ].filter((tag): tag is string => typeof tag === 'string');
    const when = oneDay ? `${step.start}, 0d` : `${step.start}, ${step.finish}`;
    return `  ${mermaidText(naming.step(id))} :${[...tags, ids.get(id), when].join(', ')}`;
  };
  // Steps without a group come first: Mermaid puts tasks before any section on their own.
  lines.push(...plan.order.filter((id) => plan.steps[id].group === undefined).map(task));
  for (const group of naming.groups) {
    lines.push(`  section ${mermaidText(naming.track(group))}`);
    lines.push(...plan.order.filter((id) => plan.steps[id].group === group).map(task));
  }
  return `${lines.join('\n')}\n`;
}
