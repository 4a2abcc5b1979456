import { type Duration, exactly, toDuration } from './duration.js';
import { type Issue, TimingError } from './errors.js';
import { type PlainDate, tryDayOf } from './plain-date.js';
import { type Recurrence, toRecurrence } from './recurrence.js';
import type {
  Relation,
  ScheduledStep,
  ScheduleStepDefinition,
  ScheduleStepKind,
} from './schedule.js';

const STEP_FIELDS = new Set(['after', 'duration', 'repeat', 'on', 'until', 'label', 'group']);
const DEPENDENCY_FIELDS = new Set(['step', 'lag', 'from']);
const NO_LAG = /* @__PURE__ */ exactly(0, 'days');

type Path = readonly (string | number)[];

function collect(issues: Issue[], run: () => void): void {
  try {
    run();
  } catch (error) {
    if (error instanceof TimingError) issues.push(...error.issues);
    else throw error;
  }
}

function unknownFields(
  value: object,
  allowed: ReadonlySet<string>,
  path: Path,
  step: string,
  issues: Issue[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) {
      issues.push({
        code: 'unknown-field',
        path: [...path, key],
        rule: 'timing.known-field',
        step,
        message: `Step "${step}" has field "${key}", which is not one of ${[...allowed].map((f) => `"${f}"`).join(', ')}.`,
      });
    }
  }
}

function toRelation(
  dependency: unknown,
  path: Path,
  step: string,
  ids: ReadonlySet<string>,
  issues: Issue[],
): Relation | undefined {
  const spec = typeof dependency === 'string' ? { step: dependency } : dependency;
  if (
    typeof spec !== 'object' ||
    spec === null ||
    typeof (spec as { step?: unknown }).step !== 'string'
  ) {
    issues.push({
      code: 'invalid-dependency',
      path,
      rule: 'timing.dependency',
      step,
      message: `Step "${step}" waits for ${JSON.stringify(dependency)}; give a step id or { step, lag, from }.`,
    });
    return undefined;
  }
  const { step: other, lag, from } = spec as { step: string; lag?: unknown; from?: unknown };
  unknownFields(spec, DEPENDENCY_FIELDS, path, step, issues);
  if (!ids.has(other)) {
    const known = [...ids].filter((id) => id !== step).slice(0, 12);
    issues.push({
      code: 'unknown-step',
      path: [...path, 'step'],
      rule: 'timing.known-reference',
      step,
      message: `Step "${step}" waits for "${other}", which is not a step of this schedule. Known steps: ${known.map((id) => `"${id}"`).join(', ')}.`,
    });
  }
  if (from !== undefined && from !== 'finish' && from !== 'start') {
    issues.push({
      code: 'invalid-dependency',
      path: [...path, 'from'],
      rule: 'timing.dependency',
      step,
      message: `Step "${step}" waits from ${JSON.stringify(from)} of "${other}"; use "finish" (the default) or "start".`,
    });
  }
  let duration: Duration = NO_LAG;
  if (lag !== undefined)
    collect(issues, () => (duration = toDuration(lag, [...path, 'lag'], step)));
  return {
    step: other,
    type: from === 'start' ? 'start-to-start' : 'finish-to-start',
    lag: duration,
  };
}

export function toStep(
  id: string,
  definition: unknown,
  ids: ReadonlySet<string>,
  issues: Issue[],
): ScheduledStep {
  const path: Path = ['steps', id];
  const spec = (
    typeof definition === 'object' && definition !== null ? definition : {}
  ) as ScheduleStepDefinition;
  if (spec !== definition) {
    issues.push({
      code: 'invalid-step',
      path,
      rule: 'timing.step',
      step: id,
      message: `Step "${id}" is ${JSON.stringify(definition)}; give an object such as { after: "S0" }.`,
    });
  }
  unknownFields(spec, STEP_FIELDS, path, id, issues);
  const list =
    spec.after === undefined ? [] : Array.isArray(spec.after) ? spec.after : [spec.after];
  const after = list.flatMap((dependency, i) => {
    const relationPath = Array.isArray(spec.after) ? [...path, 'after', i] : [...path, 'after'];
    return toRelation(dependency, relationPath, id, ids, issues) ?? [];
  });
  if (spec.duration !== undefined && spec.repeat !== undefined) {
    issues.push({
      code: 'invalid-step',
      path: [...path, 'repeat'],
      rule: 'timing.step',
      step: id,
      message: `Step "${id}" has both a duration and a repeat; a step is a span or a series, not both.`,
    });
  }
  let duration: Duration | undefined;
  let repeat: Recurrence | undefined;
  if (spec.duration !== undefined) {
    collect(issues, () => (duration = toDuration(spec.duration, [...path, 'duration'], id)));
  }
  if (spec.repeat !== undefined) {
    collect(issues, () => (repeat = toRecurrence(spec.repeat, [...path, 'repeat'], id)));
  }
  const fixed = fixedDateOf(spec, path, id, issues);
  for (const field of ['label', 'group'] as const) {
    if (spec[field] !== undefined && typeof spec[field] !== 'string') {
      issues.push({
        code: 'invalid-step',
        path: [...path, field],
        rule: 'timing.step',
        step: id,
        message: `Step "${id}" has ${field} ${JSON.stringify(spec[field])}; give a string.`,
      });
    }
  }
  const kind: ScheduleStepKind = repeat
    ? 'series'
    : duration || spec.until !== undefined
      ? 'span'
      : 'milestone';
  const step = { id, kind, label: spec.label ?? id, group: spec.group, after, duration, repeat };
  return fixed === undefined ? step : { ...step, fixed };
}

/** Checks `on` and `until`: a real date, on the kind of step it pins. */
function fixedDateOf(
  spec: ScheduleStepDefinition,
  path: Path,
  id: string,
  issues: Issue[],
): PlainDate | undefined {
  const { on, until } = spec;
  const bad = (field: string, why: string): undefined => {
    issues.push({
      code: 'invalid-step',
      path: [...path, field],
      rule: 'timing.fixed-date',
      step: id,
      message: `Step "${id}" ${why}.`,
    });
    return undefined;
  };
  if (on !== undefined && until !== undefined)
    return bad(
      'until',
      'has both "on" and "until"; a milestone is on a date, a span runs until one',
    );
  if (on !== undefined && (spec.duration !== undefined || spec.repeat !== undefined))
    return bad(
      'on',
      'is a span or a series, so it cannot be "on" one date; a span may run "until" a date',
    );
  if (until !== undefined && spec.duration !== undefined)
    return bad(
      'until',
      'has both a duration and "until"; give one: the span runs for its duration or until its fixed date',
    );
  if (until !== undefined && spec.repeat !== undefined)
    return bad('until', "is a series; end it with its RRULE's COUNT or UNTIL instead");
  const field = on !== undefined ? 'on' : 'until';
  const value = on ?? until;
  if (value === undefined) return undefined;
  if (tryDayOf(value) === undefined) {
    issues.push({
      code: 'invalid-date',
      path: [...path, field],
      rule: 'timing.plain-date',
      step: id,
      message: `Step "${id}" is fixed ${field} ${JSON.stringify(value)}, which is not a date between 1900 and 2200. Write it as "YYYY-MM-DD", e.g. "2027-03-31".`,
    });
    return undefined;
  }
  return value;
}
