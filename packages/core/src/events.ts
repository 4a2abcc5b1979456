import { type PlainDate, splitEventType } from '@maslul/timing';
import { ENDING_EVENTS, type EndingKind } from './ending.js';
import type { ItemShape } from './item.js';
import type { Program } from './program.js';
import type { StepShape } from './types.js';

/**
 * An event of type `T` with payload `P`; the payload is optional only where the step takes none.
 *
 * @example
 * ```ts
 * import type { EventWithPayload } from '@maslul/core';
 *
 * const event: EventWithPayload<'S1', { challenges: string[] }> = {
 *   type: 'S1',
 *   payload: { challenges: ['a', 'b', 'c', 'd', 'e'] },
 * };
 * ```
 * @category Runtime
 */
export type EventWithPayload<T extends string, P> = [P] extends [undefined]
  ? { readonly type: T; readonly payload?: undefined }
  : { readonly type: T; readonly payload: P };

/**
 * The events of a program's steps, inferred from its definition: a milestone, meeting, review or
 * decision `S1` is `{ type: 'S1', payload }`; a span `S2` is `S2.start` and
 * `{ type: 'S2.finish', payload }`; a series is `{ type: id, payload }` per occurrence; an
 * optional step `S7` is also skipped by `{ type: 'S7.skip', payload: { reason } }`.
 *
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { defineProgram, type ProgramEvent } from '@maslul/core';
 *
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) =>
 *     t.milestone('kickoff', { label: 'Kickoff', by: ['manager'], payload: z.object({ note: z.string() }) }),
 *   )
 *   .build();
 * const event: ProgramEvent<typeof program> = { type: 'kickoff', payload: { note: 'go' } };
 * ```
 * @category Runtime
 */
export type ProgramEvent<P extends Program> =
  P extends Program<string, infer Steps, string, infer Items, infer Ends>
    ? EventOfSteps<Steps> | EventOfItems<Items> | EventOfEnding<Ends>
    : never;

/**
 * The events that end a run, for the ways a program declares (`.ending(...)`): `run.cancel`
 * and `run.close`, each with the reason.
 *
 * @example
 * ```ts
 * import type { EventOfEnding } from '@maslul/core';
 *
 * const cancel: EventOfEnding<'cancel'> = { type: 'run.cancel', payload: { reason: 'The budget was cut' } };
 * ```
 * @category Runtime
 */
export type EventOfEnding<Ends extends string> = {
  [K in Ends]: { readonly type: `run.${K}`; readonly payload: { readonly reason: string } };
}[Ends];

/**
 * The events of a record of item shapes: `<kind>.create` and `<kind>.<event>`, each naming the
 * item by `item` (its id, chosen by the sender when it creates it).
 *
 * @example
 * ```ts
 * import type { EventOfItems } from '@maslul/core';
 *
 * type Events = EventOfItems<{ initiative: { create: { title: string }; events: { stop: undefined } } }>;
 * const created: Events = { type: 'initiative.create', item: 'i1', payload: { title: 'Garden' } };
 * const stopped: Events = { type: 'initiative.stop', item: 'i1' };
 * ```
 * @category Runtime
 */
export type EventOfItems<Items extends Record<string, ItemShape>> = {
  [K in Extract<keyof Items, string>]:
    | (EventWithPayload<`${K}.create`, Items[K]['create']> & { readonly item: string })
    | {
        [E in Extract<keyof Items[K]['events'], string>]: EventWithPayload<
          `${K}.${E}`,
          Items[K]['events'][E]
        > & { readonly item: string };
      }[Extract<keyof Items[K]['events'], string>];
}[Extract<keyof Items, string>];

/**
 * The events of a record of step shapes (see {@link ProgramEvent}).
 *
 * @example
 * ```ts
 * import type { EventOfSteps } from '@maslul/core';
 *
 * type Events = EventOfSteps<{ mapping: { kind: 'span'; payload: { summary: string } } }>;
 * const started: Events = { type: 'mapping.start' };
 * ```
 * @category Runtime
 */
export type EventOfSteps<Steps extends Record<string, StepShape>> = {
  [K in Extract<keyof Steps, string>]:
    | (Steps[K]['kind'] extends 'span'
        ?
            | { readonly type: `${K}.start`; readonly payload?: undefined }
            | EventWithPayload<`${K}.finish`, Steps[K]['payload']>
        : EventWithPayload<K, Steps[K]['payload']>)
    | (Steps[K] extends { readonly optional: true }
        ? { readonly type: `${K}.skip`; readonly payload: { readonly reason: string } }
        : never);
}[Extract<keyof Steps, string>];

/**
 * An event as the compiled machine takes it: the program event plus the plain date it happened
 * on (the runtime derives it from `at` in the calendar's time zone).
 *
 * @example
 * ```ts
 * import type { MachineEvent } from '@maslul/core';
 *
 * const event: MachineEvent = { type: 'kickoff', payload: undefined, date: '2026-09-07' };
 * ```
 * @category Compiler
 */
export interface MachineEvent {
  readonly type: string;
  readonly payload?: unknown;
  readonly date: PlainDate;
  /** The item an item event is about. */
  readonly item?: string | undefined;
  /** Who sends it, for the rules that look at the sender. */
  readonly actor?: { readonly id: string; readonly roles: readonly string[] } | undefined;
  /** Whether `date` is a working day of the instance's calendar (true when not given). */
  readonly workingDay?: boolean | undefined;
}

/** The step an event type belongs to and which part of it, or the item kind and event. */
export type EventTarget =
  | { readonly step: string; readonly phase: 'record' | 'start' | 'finish' | 'skip' }
  | { readonly kind: string; readonly event: string }
  | { readonly ending: EndingKind };

/**
 * The targets of each program's event types, read once per type: only types that name a target
 * are kept, so unknown types sent to a long-running process hold no memory.
 */
const targets = new WeakMap<Program, Map<string, EventTarget>>();

/** Reads an event type against a program: the step and phase, or undefined if it is none. */
export function targetOf(program: Program, type: string): EventTarget | undefined {
  let known = targets.get(program);
  if (!known) {
    known = new Map();
    targets.set(program, known);
  }
  const held = known.get(type);
  if (held) return held;
  const target = readTarget(program, type);
  if (target) known.set(type, Object.freeze(target));
  return target;
}

function readTarget(program: Program, type: string): EventTarget | undefined {
  // Own properties only: "__proto__", "constructor" or "toString" name no step.
  const own = <T>(record: object, key: string): T | undefined =>
    Object.hasOwn(record, key) ? (record as Record<string, T>)[key] : undefined;
  const how = own<EndingKind>(ENDING_EVENTS, type);
  if (how) return program.ending?.[how] ? { ending: how } : undefined;
  const direct = own<{ kind: string }>(program.steps, type);
  if (direct) return direct.kind === 'span' ? undefined : { step: type, phase: 'record' };
  const split = splitEventType(type);
  if (split === undefined) return undefined;
  const { owner: step, part: phase } = split;
  const item = own<{ events: Record<string, unknown> }>(program.items, step);
  if (item) {
    return phase === 'create' || Object.hasOwn(item.events, phase)
      ? { kind: step, event: phase }
      : undefined;
  }
  const definition = own<{ kind: string; skip?: unknown }>(program.steps, step);
  if (phase === 'skip') return definition?.skip ? { step, phase } : undefined;
  if (definition?.kind !== 'span') return undefined;
  if (phase !== 'start' && phase !== 'finish') return undefined;
  return { step, phase };
}
