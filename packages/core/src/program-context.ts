import type { PlainDate } from '@maslul/timing';
import { type RunEnding, recordEnding } from './ending.js';
import type { EventTarget, MachineEvent } from './events.js';
import type { Phase } from './guards.js';
import type { ItemDefinition } from './item.js';
import type { ItemRecord } from './item-checks.js';
import { nextEventRecord } from './item-records.js';
import type { Program } from './program.js';
import { isLastOccurrence } from './step-states.js';
import type { StepDefinition } from './types.js';

// The compiled machine's context, and how each event it takes records itself there: the pure
// functions its assign actions run (compile.ts wires them to the transitions).

/**
 * What the machine remembers of a step: when it started and finished, the occurrences of a
 * series, the last payload recorded (a span's finish payload), and whether it was skipped.
 *
 * @example
 * ```ts
 * import type { StepRecord } from '@maslul/core';
 *
 * const mapping: StepRecord = { started: '2026-09-22', finished: '2026-12-22', payload: { summary: '…' } };
 * ```
 * @category Compiler
 */
export interface StepRecord {
  readonly started?: PlainDate;
  readonly finished?: PlainDate;
  readonly occurrences?: readonly PlainDate[];
  readonly payload?: unknown;
  /**
   * Set when the step was skipped (`<id>.skip`): why, and who skipped it. `finished` is the day
   * it was skipped, so what waits for the step goes on.
   */
  readonly skipped?: { readonly reason: string; readonly by: string };
}

/**
 * The compiled machine's context: plain JSON, the record of every step so far.
 *
 * @example
 * ```ts
 * import type { ProgramContext } from '@maslul/core';
 *
 * const context: ProgramContext = {
 *   steps: { S0: { started: '2026-09-07', finished: '2026-09-07' } },
 *   items: {},
 * };
 * ```
 * @category Compiler
 */
export interface ProgramContext {
  readonly steps: { readonly [step: string]: StepRecord };
  /** The items created so far, by id: an item's state is here and nowhere else. */
  readonly items: { readonly [item: string]: ItemRecord };
  /** How the run ended (`run.cancel`, `run.close`); absent while it runs. */
  readonly ended?: RunEnding;
}

/** Which step an event records, and which part of it. */
export interface StepParams {
  readonly step: string;
  readonly phase: Phase;
}

export function recordStep(
  context: ProgramContext,
  params: StepParams,
  event: MachineEvent,
  data: unknown,
): ProgramContext {
  const previous = context.steps[params.step] ?? {};
  let next: StepRecord;
  if (params.phase === 'start') next = { ...previous, started: event.date };
  else if (params.phase === 'finish') next = { ...previous, finished: event.date, payload: data };
  else next = { started: previous.started ?? event.date, finished: event.date, payload: data };
  return { ...context, steps: { ...context.steps, [params.step]: next } };
}

/** The record of a step skipped: settled on the day, with the reason and who gave it. */
export function recordSkip(
  context: ProgramContext,
  step: string,
  event: MachineEvent,
): ProgramContext {
  const reason = (event.payload as { reason: string }).reason;
  const next: StepRecord = { finished: event.date, skipped: { reason, by: event.actor?.id ?? '' } };
  return { ...context, steps: { ...context.steps, [step]: next } };
}

export function recordOccurrence(
  context: ProgramContext,
  step: string,
  event: MachineEvent,
  data: unknown,
  last: boolean,
): ProgramContext {
  const previous = context.steps[step] ?? {};
  const occurrences = [...(previous.occurrences ?? []), event.date];
  const next: StepRecord = {
    ...previous,
    started: previous.started ?? event.date,
    occurrences,
    payload: data,
    ...(last ? { finished: event.date } : {}),
  };
  return { ...context, steps: { ...context.steps, [step]: next } };
}

/**
 * The events an item has joined in its state after one more: an event into another state starts
 * afresh (absent), one that stays adds its name once.
 */
function joinedAfter(
  previous: ItemRecord,
  state: string,
  event: string,
): { readonly joined?: readonly string[] } {
  if (state !== previous.state) return {};
  const held = previous.joined ?? [];
  return { joined: held.includes(event) ? held : [...held, event] };
}

/** The record of an item after one of its events: its state lives here, and only here. */
export function recordItem(
  context: ProgramContext,
  item: ItemDefinition,
  event: string,
  machineEvent: MachineEvent,
  data: unknown,
): ProgramContext {
  const id = machineEvent.item as string;
  const previous = context.items[id];
  const next: ItemRecord =
    event === 'create' || !previous
      ? {
          kind: item.kind,
          state: item.states[0] as string,
          created: machineEvent.date,
          data,
          events: {},
        }
      : {
          kind: previous.kind,
          state: item.events[event]?.to ?? previous.state,
          created: previous.created,
          data: previous.data,
          ...joinedAfter(previous, item.events[event]?.to ?? previous.state, event),
          events: {
            ...previous.events,
            [event]: nextEventRecord(
              previous.events[event],
              machineEvent.date,
              data,
              item.events[event]?.planned?.repeat?.count,
            ),
          },
        };
  return { ...context, items: { ...context.items, [id]: next } };
}

/**
 * The context after an event its verdict took, with the data it took it with (the parsed
 * payload): what the compiled machine's action assigns, and what the instance keeps.
 */
export function recordOn(
  program: Program,
  target: EventTarget,
  context: ProgramContext,
  event: MachineEvent,
  data: unknown,
): ProgramContext {
  if ('ending' in target) return recordEnding(context, event);
  if ('kind' in target) {
    const item = (program.items as Record<string, ItemDefinition>)[target.kind] as ItemDefinition;
    return recordItem(context, item, target.event, event, data);
  }
  if (target.phase === 'skip') return recordSkip(context, target.step, event);
  const definition = (program.steps as Record<string, StepDefinition>)[target.step];
  if (definition?.kind === 'series') {
    const last = isLastOccurrence(program, context, target.step);
    return recordOccurrence(context, target.step, event, data, last);
  }
  return recordStep(context, { step: target.step, phase: target.phase }, event, data);
}
