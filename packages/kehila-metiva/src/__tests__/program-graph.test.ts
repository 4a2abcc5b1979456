import type { MachineEvent, ProgramContext } from '@maslul/core';
import { compile } from '@maslul/core/xstate';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
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

/** The scripted run as the machine takes it: each event with its plain date and its sender. */
const events: MachineEvent[] = happyPath.map(({ date, event, actor }) => ({
  ...(event as Omit<MachineEvent, 'date'>),
  date: date as MachineEvent['date'],
  actor,
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

  it("reaches every state by xstate/graph shortest paths, events offered in the run's order", () => {
    // Offering every event in every state would explore all interleavings of five regions and of
    // the items' payload-carrying context. Offered in order (after n events, the run's n+1-th),
    // the traversal follows the run, and every state must still lie on its shortest paths.
    const machine = compile(kehilaMetiva);
    const kinds = Object.fromEntries(Object.values(kehilaMetiva.steps).map((s) => [s.id, s.kind]));
    const taken = (context: ProgramContext): number => {
      let n = 0;
      for (const [id, record] of Object.entries(context.steps)) {
        if (kinds[id] === 'span') n += (record.started ? 1 : 0) + (record.finished ? 1 : 0);
        else if (kinds[id] === 'series') n += record.occurrences?.length ?? 0;
        else n += record.finished ? 1 : 0;
      }
      for (const item of Object.values(context.items)) {
        n += 1 + Object.values(item.events).reduce((sum, e) => sum + e.count, 0);
      }
      return n;
    };
    const paths = getShortestPaths(machine, {
      events: (snapshot) => {
        const next = events[taken(snapshot.context)];
        return next ? [next] : [];
      },
    });
    const reached = new Set(paths.flatMap((p) => leavesOf(p.state.value)));
    expect([...reached].sort()).toEqual(leafStates(machine).sort());
    // Every track reaches its end (the machine keeps running after it, for the items).
    const ended = (value: unknown) =>
      Object.values(value as Record<string, unknown>).every((at) => at === 'done');
    expect(paths.some((p) => ended(p.state.value))).toBe(true);
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
    expect(
      Object.values(actor.getSnapshot().value as Record<string, unknown>).every(
        (at) => at === 'done',
      ),
    ).toBe(true);
    // The run has ended its tracks, but items may still take their events.
    expect(actor.getSnapshot().status).toBe('active');
  });
});
