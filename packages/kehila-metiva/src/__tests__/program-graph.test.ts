import { compile, type MachineEvent } from '@maslul/core';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { kehilaMetiva } from '../index.js';
import { happyPath } from './program-fixtures.js';

/** Every leaf state of the compiled machine as `track.state`. */
function leafStates(machine: ReturnType<typeof compile>): string[] {
  return Object.entries(machine.root.states).flatMap(([track, node]) =>
    Object.keys(node.states).map((state) => `${track}.${state}`),
  );
}

const leavesOf = (value: unknown): string[] =>
  Object.entries(value as Record<string, string>).map(([track, state]) => `${track}.${state}`);

/** The scripted run as the machine takes it: each event with its plain date. */
const events: MachineEvent[] = happyPath.map(({ date, event }) => ({
  ...(event as Omit<MachineEvent, 'date'>),
  date: date as MachineEvent['date'],
}));

describe('kehilaMetiva, compiled', () => {
  it('has one region per track and a state per step', () => {
    const machine = compile(kehilaMetiva);
    expect(Object.keys(machine.root.states)).toEqual([
      'strategy',
      'pilot',
      'support',
      'convergence',
      'governance',
    ]);
    expect(leafStates(machine)).toContain('strategy.S6:running');
  });

  it('reaches every state of every region on the scripted run, and finishes', () => {
    // xstate/graph's traversals over this machine explore every interleaving of five regions and
    // the items' payload-carrying context, and do not finish in a test's time; the scripted run is
    // one path through every state, taken by a plain actor.
    const machine = compile(kehilaMetiva);
    const actor = createActor(machine).start();
    const reached = new Set(leavesOf(actor.getSnapshot().value));
    for (const event of events) {
      const before = actor.getSnapshot();
      actor.send(event);
      expect(actor.getSnapshot(), event.type).not.toBe(before);
      for (const leaf of leavesOf(actor.getSnapshot().value)) reached.add(leaf);
    }
    expect([...reached].sort()).toEqual(leafStates(machine).sort());
    expect(actor.getSnapshot().status).toBe('done');
  });
});
