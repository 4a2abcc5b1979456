import {
  itemCreateType,
  itemEventType,
  spanFinishType,
  spanStartType,
  stepSkipType,
} from '@maslul/timing';
import { and, assign, setup } from 'xstate';
import { ENDING_EVENTS, endedRefusal, endingVerdict, recordEnding } from './ending.js';
import type { MachineEvent } from './events.js';
import {
  itemVerdict,
  judged,
  parsePayload,
  skipVerdict,
  stepVerdict,
  type Verdict,
} from './guards.js';
import type { ItemDefinition } from './item.js';
import type { Program } from './program.js';
import {
  type ProgramContext,
  recordItem,
  recordOccurrence,
  recordSkip,
  recordStep,
  type StepParams,
} from './program-context.js';
import type { StepDefinition } from './types.js';

/** The parsed payload a verdict took the event with (undefined for a refused one). */
const dataOfVerdict = (verdict: Verdict): unknown => (verdict.ok ? verdict.data : undefined);

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
 * import { compile, defineProgram } from '@maslul/core';
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
  // Each guard judges its event once (see guards.ts): the action that records it reads the parsed
  // payload of that verdict, and the instance reads the refusal of an event the machine refused.
  const allowed = (context: ProgramContext, event: MachineEvent, params: StepParams): boolean => {
    const definition = steps[params.step];
    if (!definition) return false;
    return judged(event, context, () =>
      context.ended
        ? { ok: false, refusal: endedRefusal(context.ended, event.type) }
        : stepVerdict(program, definition, params.phase, context, event),
    ).ok;
  };
  const dataOf = (params: StepParams, event: MachineEvent, context: ProgramContext): unknown => {
    const definition = steps[params.step] as StepDefinition;
    const verdict = judged(event, context, () =>
      stepVerdict(program, definition, params.phase, context, event),
    );
    if (verdict.ok) return verdict.data;
    const parsed = parsePayload(definition, params.phase, event.payload);
    return parsed.success ? parsed.data : undefined;
  };
  const items = program.items as Record<string, ItemDefinition>;
  const itemJudged = (
    kind: string,
    event: string,
    context: ProgramContext,
    machineEvent: MachineEvent,
  ) =>
    judged(machineEvent, context, () =>
      context.ended
        ? { ok: false, refusal: endedRefusal(context.ended, machineEvent.type) }
        : itemVerdict(program, context, kind, event, machineEvent),
    );

  const machineSetup = setup({
    types: {
      context: {} as ProgramContext,
      events: {} as MachineEvent,
    },
    guards: {
      skipAllowed: ({ context, event }, params: { step: string }) =>
        judged(event, context, () =>
          context.ended
            ? { ok: false, refusal: endedRefusal(context.ended, event.type) }
            : skipVerdict(program, steps[params.step] as StepDefinition, context, event),
        ).ok,
      endAllowed: ({ context, event }) =>
        judged(event, context, () => endingVerdict(context, event)).ok,
      itemAllowed: ({ context, event }, params: { kind: string; event: string }) =>
        itemJudged(params.kind, params.event, context, event).ok,
      allowed: ({ context, event }, params: StepParams) => allowed(context, event, params),
      lastOccurrence: ({ context }, params: { step: string }) => {
        const definition = steps[params.step];
        const held = context.steps[params.step]?.occurrences?.length ?? 0;
        return held + 1 >= (definition?.count ?? 1);
      },
    },
    actions: {
      recordEnding: assign(({ context, event }) => recordEnding(context, event)),
      skip: assign(({ context, event }, params: { step: string }) =>
        recordSkip(context, params.step, event),
      ),
      recordItem: assign(({ context, event }, params: { kind: string; event: string }) =>
        recordItem(
          context,
          items[params.kind] as ItemDefinition,
          params.event,
          event,
          dataOfVerdict(itemJudged(params.kind, params.event, context, event)),
        ),
      ),
      record: assign(({ context, event }, params: StepParams) =>
        recordStep(context, params, event, dataOf(params, event, context)),
      ),
      occurrence: assign(({ context, event }, params: { step: string; last: boolean }) =>
        recordOccurrence(
          context,
          params.step,
          event,
          dataOf({ step: params.step, phase: 'record' }, event, context),
          params.last,
        ),
      ),
    },
  });

  const regionOf = (trackSteps: readonly string[]) => {
    // Not a final state: were every track final, the machine would stop, and items, which live
    // on past the tracks (an application closed after the call's last step), with it.
    const states: Record<string, object> = { done: {} };
    trackSteps.forEach((id, i) => {
      const next = trackSteps[i + 1] ?? 'done';
      const definition = steps[id] as StepDefinition;
      if (definition.kind === 'span') {
        const start = { step: id, phase: 'start' as const };
        const finish = { step: id, phase: 'finish' as const };
        states[id] = {
          on: {
            [spanStartType(id)]: {
              guard: { type: 'allowed', params: start },
              target: `${id}:running`,
              actions: { type: 'record', params: start },
            },
          },
        };
        states[`${id}:running`] = {
          on: {
            [spanFinishType(id)]: {
              guard: { type: 'allowed', params: finish },
              target: next,
              actions: { type: 'record', params: finish },
            },
          },
        };
      } else if (definition.kind === 'series') {
        const params = { step: id, phase: 'record' as const };
        states[id] = {
          on: {
            [id]: [
              {
                guard: and([
                  { type: 'allowed', params },
                  { type: 'lastOccurrence', params: { step: id } },
                ]),
                target: next,
                actions: { type: 'occurrence', params: { step: id, last: true } },
              },
              {
                guard: { type: 'allowed', params },
                actions: { type: 'occurrence', params: { step: id, last: false } },
              },
            ],
          },
        };
      } else {
        const params = { step: id, phase: 'record' as const };
        states[id] = {
          on: {
            [id]: {
              guard: { type: 'allowed', params },
              target: next,
              actions: { type: 'record', params },
            },
          },
        };
      }
      // An optional step is skipped from its own state, before it starts: settled, and the
      // track goes on.
      if (definition.skip) {
        const state = states[id] as { on: Record<string, unknown> };
        state.on[stepSkipType(id)] = {
          guard: { type: 'skipAllowed', params: { step: id } },
          target: next,
          actions: { type: 'skip', params: { step: id } },
        };
      }
    });
    return { initial: trackSteps[0] ?? 'done', states };
  };

  type MachineConfig = Parameters<typeof machineSetup.createMachine>[0];
  // Item events are taken at the root, whatever the tracks are doing; the root records each in
  // its context, which holds the item's state (its guard refuses an event its state has not).
  const on: Record<string, object> = {};
  for (const item of Object.values(items)) {
    for (const name of ['create', ...Object.keys(item.events)]) {
      on[name === 'create' ? itemCreateType(item.kind) : itemEventType(item.kind, name)] = {
        guard: { type: 'itemAllowed', params: { kind: item.kind, event: name } },
        actions: { type: 'recordItem', params: { kind: item.kind, event: name } },
      };
    }
  }
  // Ending a run is taken at the root too, whatever the tracks are doing; after it, every guard
  // refuses (code "ended").
  for (const [type, how] of Object.entries(ENDING_EVENTS)) {
    if (program.ending?.[how]) on[type] = { guard: 'endAllowed', actions: 'recordEnding' };
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
 * import type { ProgramMachine } from '@maslul/core';
 *
 * function regions(machine: ProgramMachine): string[] {
 *   return Object.keys(machine.config.states ?? {});
 * }
 * ```
 * @category Compiler
 */
export type ProgramMachine = ReturnType<typeof compile>;
