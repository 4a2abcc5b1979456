import type { PlainDate } from '@maslul/timing';
import type { createActor } from 'xstate';
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
