import {
  type Dependency,
  defineSchedule,
  type Facts,
  labelIn,
  type RecurrenceInput,
  type Schedule,
  type ScheduleDefinition,
  type ScheduledStep,
  type StepFact,
} from '@maslul/timing';
import type { ActPlan } from './deadlines.js';
import { factsOf } from './facts-of.js';
import type { ItemDefinition } from './item.js';
import type { Program } from './program.js';
import type { ProgramContext } from './program-context.js';
import type { StepDefinition } from './types.js';

/** A program's schedule as a definition again, to add the items' series to. */
const definitions = new WeakMap<Program, Record<string, ScheduleDefinition[string]>>();
function definitionOf(program: Program): Record<string, ScheduleDefinition[string]> {
  let definition = definitions.get(program);
  if (!definition) {
    definition = {};
    const steps = program.schedule.steps as Record<string, ScheduledStep>;
    const inputs = program.steps as Record<string, { readonly repeat?: RecurrenceInput }>;
    for (const id of program.schedule.order) {
      const step = steps[id] as ScheduledStep;
      // The series as the program wrote it (a cadence, or rrule() with its reader): the schedule's
      // canonical RRULE text would need rrule to read again, and reads a monthly cadence as an
      // RRULE, which skips the months without that day.
      const repeat = inputs[id]?.repeat;
      definition[id] = {
        label: step.label,
        group: step.group,
        after: step.after.map(
          (relation): Dependency => ({
            step: relation.step,
            lag: relation.lag,
            from: relation.type === 'start-to-start' ? 'start' : 'finish',
          }),
        ),
        ...(step.duration ? { duration: step.duration } : {}),
        ...(repeat !== undefined ? { repeat } : {}),
        ...(step.fixed === undefined
          ? {}
          : step.kind === 'span'
            ? { until: step.fixed }
            : { on: step.fixed }),
      };
    }
    definitions.set(program, definition);
  }
  return definition;
}

/** Whether any item kind of the program plans an event. */
const planning = new WeakMap<Program, boolean>();
function plansItems(program: Program): boolean {
  let plans = planning.get(program);
  if (plans === undefined) {
    plans = Object.values(program.items as Record<string, ItemDefinition>).some((kind) =>
      Object.values(kind.events).some((event) => event.planned !== undefined),
    );
    planning.set(program, plans);
  }
  return plans;
}

/**
 * The schedule and facts to plan an instance by: the program's steps, and for each item whose
 * planned event's starting point is recorded, a series `<item>.<event>` after a milestone
 * `<item>.<from>` (recorded on that date), with the occurrences held so far as facts. Without
 * planned item events, the program's own schedule.
 */
export function plannedSchedule(
  program: Program,
  context: ProgramContext,
): { schedule: Schedule; facts: Facts } {
  const facts = factsOf(program, context);
  if (!plansItems(program)) return { schedule: program.schedule, facts };
  const definition = { ...definitionOf(program) };
  const itemFacts: Record<string, StepFact> = {};
  for (const { id, item, kind, name, event, planned, from, fromDate } of plannedEventsOf(
    program,
    context,
  )) {
    const series = `${id}.${name}`;
    const lag = planned.lag !== undefined ? { lag: planned.lag } : {};
    let after: Dependency;
    if (planned.afterStep !== undefined) {
      // From a program step: its planned finish, or the recorded one.
      after = { step: planned.afterStep, ...lag };
    } else {
      const anchor = `${id}.${from}`;
      const fromLabel =
        from === 'create'
          ? labelIn(kind.label, 'en')
          : labelIn(kind.events[from]?.label ?? from, 'en');
      definition[anchor] = { label: `${fromLabel} (${id})`, group: item.kind };
      itemFacts[anchor] = {
        start: fromDate as StepFact['start'],
        finish: fromDate as StepFact['finish'],
      };
      after = { step: anchor, ...lag };
    }
    const record = item.events[name];
    definition[series] = {
      label: `${labelIn(event.label, 'en')} (${id})`,
      group: item.kind,
      after,
      ...(planned.repeat ? { repeat: planned.repeat } : {}),
    };
    if (!planned.repeat) {
      // Due once: recorded when the event was first sent.
      if (record) {
        const first = record.first as NonNullable<StepFact['start']>;
        itemFacts[series] = { start: first, finish: first };
      }
      continue;
    }
    // The record holds the dates of the first `count` occurrences; the series finishes with
    // the last one sent.
    const dates = (record?.occurrences ?? []) as readonly NonNullable<StepFact['start']>[];
    itemFacts[series] = {
      occurrences: dates,
      ...(record && record.count >= planned.repeat.count
        ? { finish: record.date as NonNullable<StepFact['finish']> }
        : {}),
    };
  }
  return { schedule: defineSchedule(definition as never), facts: { ...facts, ...itemFacts } };
}

/** Each planned event of each item whose plan has begun (the event it is planned from is recorded). */
export function* plannedEventsOf(program: Program, context: ProgramContext) {
  const kinds = program.items as Record<string, ItemDefinition>;
  for (const [id, item] of Object.entries(context.items)) {
    const kind = kinds[item.kind];
    if (!kind) continue;
    for (const [name, event] of Object.entries(kind.events)) {
      const planned = event.planned;
      if (!planned) continue;
      const from = planned.after ?? 'create';
      // From a program step, the plan begins with the item; from an event, once it is sent.
      const fromDate =
        planned.afterStep !== undefined || from === 'create'
          ? item.created
          : item.events[from]?.date;
      if (fromDate === undefined) continue;
      yield { id, item, kind, name, event, planned, from, fromDate };
    }
  }
}

/**
 * What the plan reads of the items, as a key: the date each planned event is planned from, and
 * its occurrences and count. Two contexts with the same steps record and the same key plan the
 * same (an item event that touches no planned event leaves the key as it was); the empty string
 * when the program plans no item events.
 */
export function plannedItemsKey(program: Program, context: ProgramContext): string {
  if (!plansItems(program)) return '';
  let key = '';
  for (const { id, item, name, planned, fromDate } of plannedEventsOf(program, context)) {
    const record = item.events[name];
    const done = record && record.count >= (planned.repeat?.count ?? 1) ? record.date : '';
    key += `${id}.${name}@${fromDate}:${(record?.occurrences ?? []).join(',')}:${done};`;
  }
  return key;
}

/**
 * The steps of the plan that act when overdue, by step id: a program step with
 * `onOverdue: 'record'` records itself (a span is finished), an item's planned event with
 * `onOverdue` records the event it names on the same item.
 */
export function actsOf(program: Program, context: ProgramContext): ReadonlyMap<string, ActPlan> {
  const acts = new Map<string, ActPlan>();
  for (const step of Object.values(program.steps as Record<string, StepDefinition>)) {
    if (step.onOverdue !== 'record') continue;
    acts.set(step.id, { type: step.kind === 'span' ? `${step.id}.finish` : step.id });
  }
  if (!plansItems(program)) return acts;
  for (const { id, item, name, planned } of plannedEventsOf(program, context)) {
    const onOverdue = planned.onOverdue;
    if (!onOverdue) continue;
    acts.set(`${id}.${name}`, {
      type: `${item.kind}.${onOverdue.send}`,
      item: id,
      ...(onOverdue.after !== undefined ? { after: onOverdue.after } : {}),
    });
  }
  return acts;
}
