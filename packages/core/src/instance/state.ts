import { MaslulError, type PlainDate } from '@maslul/timing';
import type { EventTarget, MachineEvent } from '../events.js';
import { notAtStep, verdictOn } from '../guards.js';
import type { Program } from '../program.js';
import { type ProgramContext, recordOn } from '../program-context.js';
import type { Refusal } from '../refusal.js';
import { initialValueOf, runningState, stepTransitionOf, TRACK_DONE } from '../step-states.js';
import type { StepDefinition } from '../types.js';
import type { InstanceSnapshot, PersistedMachine } from './records.js';

/**
 * An instance's state after its last event: where each track is (the statechart's value: a
 * step's state, a span's running state, or `done`) and the context, the record of every step and
 * item. Immutable: each event makes a new one.
 *
 * The instance steps it itself, taking exactly the transitions XState takes on
 * `compile(program)`: the same states (step-states.ts), the same judge of every event
 * (`verdictOn`) and the same recorder (`recordOn`), without an interpreter between them. A
 * property test runs both side by side on random events. What is stored is XState's persisted
 * snapshot, so `compile(program)` restores a stored instance as it is.
 */
export interface State {
  readonly value: Readonly<Record<string, string>>;
  readonly context: ProgramContext;
  readonly seq: number;
}

/** The state of a new instance: each track at its first step, nothing recorded. */
export function initialState(program: Program, seq: number): State {
  return { value: initialValueOf(program), context: { steps: {}, items: {} }, seq };
}

/**
 * One event at its target: where the tracks go and the context after it, or why it is refused.
 * A step's event is taken only in its state (else it is refused as not now, naming where its
 * track is); then the judge decides, and the recorder records what it took.
 */
export function stepWith(
  program: Program,
  state: State,
  target: EventTarget,
  event: MachineEvent,
): { readonly value: State['value']; readonly context: ProgramContext } | Refusal {
  let { value } = state;
  if ('step' in target) {
    const { track, from, to } = stepTransitionOf(program, target, state.context);
    if (value[track] !== from) {
      const definition = (program.steps as Record<string, StepDefinition>)[target.step];
      return notAtStep(definition as StepDefinition, target.phase, event, value);
    }
    if (to !== from) value = { ...value, [track]: to };
  }
  const verdict = verdictOn(program, target, state.context, event);
  if (!verdict.ok) return verdict.refusal;
  return { value, context: recordOn(program, target, state.context, event, verdict.data) };
}

/** Persisted snapshots, made from a state when first asked for. */
const persisted = new WeakMap<State, PersistedMachine>();

/** A state as XState persists the compiled machine's snapshot (`getPersistedSnapshot`). */
export function persist(state: State): PersistedMachine {
  let saved = persisted.get(state);
  if (!saved) {
    saved = {
      status: 'active',
      output: undefined,
      error: undefined,
      value: state.value,
      historyValue: {},
      context: state.context,
      children: {},
    };
    persisted.set(state, saved);
  }
  return saved;
}

/**
 * The state of a stored snapshot, its value checked against the program: each track at one of
 * its states. (An XState status or the child actors of older snapshots change nothing: items
 * live in the context.)
 *
 * @throws MaslulError `invalid-snapshot` naming the track whose state the program does not have
 */
export function restoredState(program: Program, saved: PersistedMachine, seq: number): State {
  const value: Record<string, string> = {};
  const held = (typeof saved.value === 'object' ? saved.value : {}) as Record<string, unknown>;
  for (const track of program.tracks) {
    const at = held[track.id];
    const states = new Set([TRACK_DONE, ...track.steps]);
    for (const step of track.steps) {
      if ((program.steps as Record<string, StepDefinition>)[step]?.kind === 'span')
        states.add(runningState(step));
    }
    if (typeof at !== 'string' || !states.has(at)) {
      throw new MaslulError([
        {
          code: 'invalid-snapshot',
          path: ['machine', 'value', track.id],
          rule: 'core.snapshot-shape',
          message: `The snapshot has track "${track.id}" at ${JSON.stringify(at)}, which is not one of its states (${[...states].map((s) => `"${s}"`).join(', ')}); it is not a snapshot of this program's version.`,
        },
      ]);
    }
    value[track.id] = at;
  }
  const { context } = saved;
  for (const part of ['steps', 'items'] as const) {
    const held: unknown = context?.[part];
    if (typeof held !== 'object' || held === null || Array.isArray(held)) {
      throw new MaslulError([
        {
          code: 'invalid-snapshot',
          path: ['machine', 'context', part],
          rule: 'core.snapshot-shape',
          message: `The snapshot's context has no record of its ${part} (${JSON.stringify(held)}); it is not an instance snapshot.`,
        },
      ]);
    }
  }
  return { value, context, seq };
}

/**
 * The snapshot of a state. The idempotency keys are one map for every state of an instance (a
 * key maps to the seq of its event, so a state's keys are those up to its seq): an event with a
 * key costs O(1), and only a snapshot lists them.
 */
export function snapshotOf(
  program: Program,
  start: PlainDate,
  state: State,
  keys: ReadonlyMap<string, number>,
): InstanceSnapshot {
  const held: [string, number][] = [];
  for (const entry of keys) if (entry[1] <= state.seq) held.push(entry);
  return {
    program: { id: program.id, version: program.version },
    start,
    seq: state.seq,
    machine: persist(state),
    keys: Object.fromEntries(held),
  };
}
