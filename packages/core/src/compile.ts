import type { PlainDate } from '@maslul/timing';
import { and, assign, setup } from 'xstate';
import type { MachineEvent } from './events.js';
import type { Program } from './program.js';
import type { StepDefinition } from './types.js';

/**
 * What the machine remembers of a step: when it started and finished, the occurrences of a
 * series, and the last payload recorded (a span's finish payload).
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
}

/**
 * The compiled machine's context: plain JSON, the record of every step so far.
 *
 * @example
 * ```ts
 * import type { ProgramContext } from '@maslul/core';
 *
 * const context: ProgramContext = { steps: { S0: { started: '2026-09-07', finished: '2026-09-07' } } };
 * ```
 * @category Compiler
 */
export interface ProgramContext {
  readonly steps: { readonly [step: string]: StepRecord };
}

type Phase = 'record' | 'start' | 'finish';
interface StepParams {
  readonly step: string;
  readonly phase: Phase;
}

/** Whether a step's relations to other steps are met: each waits for a finish (or a start). */
export function waitingFor(program: Program, context: ProgramContext, step: string): string[] {
  const definition = (program.steps as Record<string, StepDefinition>)[step];
  if (!definition) return [];
  return definition.after.flatMap((dependency) => {
    const other = typeof dependency === 'string' ? dependency : dependency.step;
    const fromStart = typeof dependency === 'object' && dependency.from === 'start';
    const record = context.steps[other];
    const met = fromStart ? record?.started !== undefined : record?.finished !== undefined;
    return met ? [] : [other];
  });
}

/** The payloads recorded so far, by step: what rules see as `recorded`. */
export function recordedPayloads(context: ProgramContext): Record<string, unknown> {
  const recorded: Record<string, unknown> = {};
  for (const [step, record] of Object.entries(context.steps)) recorded[step] = record.payload;
  return recorded;
}

/** Parses the payload a phase takes; undefined output when the step has no schema. */
export function parsePayload(
  definition: StepDefinition,
  phase: Phase,
  payload: unknown,
): { success: true; data: unknown } | { success: false; error: import('zod').ZodError } {
  if (phase === 'start' || !definition.payload) {
    return { success: true, data: undefined };
  }
  return definition.payload.safeParse(payload) as
    | { success: true; data: unknown }
    | { success: false; error: import('zod').ZodError };
}

/** The rules of a step that refuse this payload (checked only on a recording or a finish). */
export function failingRules(
  definition: StepDefinition,
  phase: Phase,
  data: unknown,
  context: ProgramContext,
): StepDefinition['rules'] {
  if (phase === 'start') return [];
  const recorded = recordedPayloads(context);
  return definition.rules.filter((rule) => !rule.check({ payload: data, recorded }));
}

function record(
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
  return { steps: { ...context.steps, [params.step]: next } };
}

function recordOccurrence(
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
  return { steps: { ...context.steps, [step]: next } };
}

/**
 * Compiles a program to a plain XState v5 machine: one parallel region per track, a state per
 * step (a span has a second, `<id>:running`), a final `done` state per track. A step's event is
 * taken when its track has reached it, the steps it waits for in other tracks are recorded, its
 * payload parses and its rules pass. Works with `createActor`, `xstate/graph` and the inspector.
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
  const allowed = (context: ProgramContext, event: MachineEvent, params: StepParams): boolean => {
    const definition = steps[params.step];
    if (!definition || waitingFor(program, context, params.step).length > 0) return false;
    const parsed = parsePayload(definition, params.phase, event.payload);
    return (
      parsed.success && failingRules(definition, params.phase, parsed.data, context).length === 0
    );
  };
  const dataOf = (params: StepParams, event: MachineEvent): unknown => {
    const definition = steps[params.step] as StepDefinition;
    const parsed = parsePayload(definition, params.phase, event.payload);
    return parsed.success ? parsed.data : undefined;
  };
  const machineSetup = setup({
    types: {
      context: {} as ProgramContext,
      events: {} as MachineEvent,
    },
    guards: {
      allowed: ({ context, event }, params: StepParams) => allowed(context, event, params),
      lastOccurrence: ({ context }, params: { step: string }) => {
        const definition = steps[params.step];
        const held = context.steps[params.step]?.occurrences?.length ?? 0;
        return held + 1 >= (definition?.count ?? 1);
      },
    },
    actions: {
      record: assign(({ context, event }, params: StepParams) =>
        record(context, params, event, dataOf(params, event)),
      ),
      occurrence: assign(({ context, event }, params: { step: string; last: boolean }) =>
        recordOccurrence(
          context,
          params.step,
          event,
          dataOf({ step: params.step, phase: 'record' }, event),
          params.last,
        ),
      ),
    },
  });

  const regionOf = (trackSteps: readonly string[]) => {
    const states: Record<string, object> = { done: { type: 'final' } };
    trackSteps.forEach((id, i) => {
      const next = trackSteps[i + 1] ?? 'done';
      const definition = steps[id] as StepDefinition;
      if (definition.kind === 'span') {
        const start = { step: id, phase: 'start' as const };
        const finish = { step: id, phase: 'finish' as const };
        states[id] = {
          on: {
            [`${id}.start`]: {
              guard: { type: 'allowed', params: start },
              target: `${id}:running`,
              actions: { type: 'record', params: start },
            },
          },
        };
        states[`${id}:running`] = {
          on: {
            [`${id}.finish`]: {
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
    });
    return { initial: trackSteps[0] ?? 'done', states };
  };

  type MachineConfig = Parameters<typeof machineSetup.createMachine>[0];
  return machineSetup.createMachine({
    id: program.id,
    type: 'parallel',
    context: { steps: {} },
    // Regions are built from data; setup types the guards and actions they name.
    states: Object.fromEntries(
      program.tracks.map((track) => [track.id, regionOf(track.steps)]),
    ) as MachineConfig['states'],
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
