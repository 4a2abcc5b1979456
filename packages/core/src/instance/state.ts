import type { PlainDate } from '@maslul/timing';
import { type AnyActorScope, createActor } from 'xstate';
import { compile, type ProgramMachine } from '../compile.js';
import type { Program } from '../program.js';
import type { InstanceSnapshot, PersistedMachine } from './records.js';

/** The compiled machine of each program, made once. */
const machines = new WeakMap<Program, ProgramMachine>();
export function machineOf(program: Program): ProgramMachine {
  let machine = machines.get(program);
  if (!machine) {
    machine = compile(program);
    machines.set(program, machine);
  }
  return machine;
}

/**
 * What the machine steps with, made once per program: a scope whose actor is never started (the
 * machine has no children, delayed events or effects, only guards and assigns, so nothing runs
 * on it), and the initial snapshot, the same for every new instance (snapshots are immutable).
 * An instance steps its snapshot with the machine's own `transition`, as an actor does, without
 * an actor, a mailbox or subscribers of its own.
 */
export interface Stepper {
  readonly machine: ProgramMachine;
  readonly initial: MachineSnapshot;
  step(
    snapshot: MachineSnapshot,
    event: Parameters<ProgramMachine['transition']>[1],
  ): MachineSnapshot;
  restore(saved: PersistedMachine): MachineSnapshot;
}

const steppers = new WeakMap<Program, Stepper>();
export function stepperOf(program: Program): Stepper {
  let stepper = steppers.get(program);
  if (!stepper) {
    const machine = machineOf(program);
    const self = createActor(machine);
    const scope: AnyActorScope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      defer: () => {},
      logger: () => {},
      stopChild: () => {},
      emit: () => {},
      actionExecutor: () => {},
    };
    stepper = {
      machine,
      initial: self.getSnapshot(),
      step: (snapshot, event) => machine.transition(snapshot, event, scope),
      restore: (saved) => machine.restoreSnapshot(saved as never, scope) as MachineSnapshot,
    };
    steppers.set(program, stepper);
  }
  return stepper;
}

export interface State {
  /** The actor's snapshot after the last event (immutable): its value, context and children. */
  current: MachineSnapshot;
  seq: number;
}

export type MachineSnapshot = ReturnType<
  ReturnType<typeof createActor<ProgramMachine>>['getSnapshot']
>;

/** Persisted snapshots, made from a machine snapshot when first asked for. */
const persisted = new WeakMap<MachineSnapshot, PersistedMachine>();
export function persist(machine: ProgramMachine, current: MachineSnapshot): PersistedMachine {
  let saved = persisted.get(current);
  if (!saved) {
    saved = machine.getPersistedSnapshot(current) as unknown as PersistedMachine;
    persisted.set(current, saved);
  }
  return saved;
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
    machine: persist(machineOf(program), state.current),
    keys: Object.fromEntries(held),
  };
}
