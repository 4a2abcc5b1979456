import {
  itemCreateType,
  itemEventType,
  spanFinishType,
  spanStartType,
  stepSkipType,
} from '@maslul/timing';
import { and, assign, setup } from 'xstate';
import { ENDING_EVENTS } from './ending.js';
import type { EventTarget, MachineEvent } from './events.js';
import { type Verdict, verdictOn } from './guards.js';
import type { ItemDefinition } from './item.js';
import type { Program } from './program.js';
import { type ProgramContext, recordOn } from './program-context.js';
import { isLastOccurrence, nextStateOf, runningState, TRACK_DONE } from './step-states.js';
import type { StepDefinition } from './types.js';

/**
 * The verdicts the machine's guards reached, by the event object they judged and the context
 * they judged it in: the action that records an event reads its parsed payload here, so each
 * event is judged once. An event object sent again to another context (a bench or a test
 * reusing its events) is judged again.
 */
const verdicts = new WeakMap<object, { context: ProgramContext; verdict: Verdict }>();

/** Judges once per event and context: the action after a guard reads the guard's verdict. */
function judged(event: object, context: ProgramContext, judge: () => Verdict): Verdict {
  const held = verdicts.get(event);
  if (held?.context === context) return held.verdict;
  const verdict = judge();
  verdicts.set(event, { context, verdict });
  return verdict;
}

/**
 * Compiles a program to a plain XState v5 machine: one parallel region per track, a state per
 * step (a span has a second, `<id>:running`), a `done` state per track. A step's event is
 * taken when its track has reached it (an optional step's `<id>.skip` too, before it starts),
 * the steps it waits for in other tracks are recorded, its payload parses and its rules pass.
 * Works with `createActor`, `xstate/graph` and the inspector.
 *
 * @param program - a program from `defineProgram(...).build()`
 * @returns the machine
 *
 * @example
 * ```ts
 * import { createActor } from 'xstate';
 * import { defineProgram } from '@maslul/core';
 * import { compile } from '@maslul/core/xstate';
 *
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
 *   .build();
 * const actor = createActor(compile(program)).start();
 * actor.send({ type: 'kickoff', date: '2027-01-04' });
 * actor.getSnapshot().value; // { main: 'done' }
 * ```
 * @category Compiler
 */
export function compile(program: Program) {
  const steps = program.steps as Record<string, StepDefinition>;
  // Each guard judges its event once, with the one judge of every event (verdictOn); the action
  // that records it reads the parsed payload of that verdict.
  const verdict = (context: ProgramContext, event: MachineEvent, target: EventTarget) =>
    judged(event, context, () => verdictOn(program, target, context, event));
  const machineSetup = setup({
    types: {
      context: {} as ProgramContext,
      events: {} as MachineEvent,
    },
    guards: {
      allowed: ({ context, event }, target: EventTarget) => verdict(context, event, target).ok,
      lastOccurrence: ({ context }, params: { step: string }) =>
        isLastOccurrence(program, context, params.step),
    },
    actions: {
      record: assign(({ context, event }, target: EventTarget) => {
        const judgedBy = verdict(context, event, target);
        return recordOn(program, target, context, event, judgedBy.ok ? judgedBy.data : undefined);
      }),
    },
  });

  /** A transition on a target's event: its guard judges it, its action records it. */
  const take = (target: EventTarget, to?: string) => ({
    guard: { type: 'allowed' as const, params: target },
    ...(to === undefined ? {} : { target: to }),
    actions: { type: 'record' as const, params: target },
  });
  const regionOf = (trackSteps: readonly string[]) => {
    // Not a final state: were every track final, the machine would stop, and items, which live
    // on past the tracks (an application closed after the call's last step), with it.
    const states: Record<string, { on: Record<string, unknown> }> = { [TRACK_DONE]: { on: {} } };
    for (const id of trackSteps) {
      const next = nextStateOf(program, id);
      const definition = steps[id] as StepDefinition;
      const on: Record<string, unknown> = {};
      states[id] = { on };
      if (definition.kind === 'span') {
        on[spanStartType(id)] = take({ step: id, phase: 'start' }, runningState(id));
        states[runningState(id)] = {
          on: { [spanFinishType(id)]: take({ step: id, phase: 'finish' }, next) },
        };
      } else if (definition.kind === 'series') {
        // Each occurrence is recorded; the last one moves the track on.
        const target = { step: id, phase: 'record' } as const;
        on[id] = [
          {
            ...take(target, next),
            guard: and([take(target).guard, { type: 'lastOccurrence', params: { step: id } }]),
          },
          take(target),
        ];
      } else {
        on[id] = take({ step: id, phase: 'record' }, next);
      }
      // An optional step is skipped from its own state, before it starts: settled, and the
      // track goes on.
      if (definition.skip) on[stepSkipType(id)] = take({ step: id, phase: 'skip' }, next);
    }
    return { initial: trackSteps[0] ?? TRACK_DONE, states };
  };

  type MachineConfig = Parameters<typeof machineSetup.createMachine>[0];
  // Item events are taken at the root, whatever the tracks are doing; the root records each in
  // its context, which holds the item's state (its guard refuses an event its state has not).
  // Ending a run is taken at the root too; after it, every guard refuses (code "ended").
  const on: Record<string, unknown> = {};
  for (const item of Object.values(program.items as Record<string, ItemDefinition>)) {
    for (const name of ['create', ...Object.keys(item.events)]) {
      const type = name === 'create' ? itemCreateType(item.kind) : itemEventType(item.kind, name);
      on[type] = take({ kind: item.kind, event: name });
    }
  }
  for (const [type, how] of Object.entries(ENDING_EVENTS)) {
    if (program.ending?.[how]) on[type] = take({ ending: how });
  }
  return machineSetup.createMachine({
    id: program.id,
    type: 'parallel',
    context: { steps: {}, items: {} },
    on: on as NonNullable<MachineConfig['on']>,
    // Regions are built from data; setup types the guards and actions they name.
    states: Object.fromEntries(
      program.tracks.map((track) => [track.id, regionOf(track.steps)]),
    ) as NonNullable<MachineConfig['states']>,
  });
}

/**
 * The machine `compile` returns for a program.
 *
 * @example
 * ```ts
 * import type { ProgramMachine } from '@maslul/core/xstate';
 *
 * function regions(machine: ProgramMachine): string[] {
 *   return Object.keys(machine.config.states ?? {});
 * }
 * ```
 * @category Compiler
 */
export type ProgramMachine = ReturnType<typeof compile>;
