import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { sample } from '../../test-programs/sample-program.js';
import { compile } from '../compile.js';
import type { MachineEvent } from '../events.js';

const date = '2027-01-04' as const;
/** A valid event for every event type of the sample program. */
const events: MachineEvent[] = [
  { type: 'scope', payload: { areas: ['north'] }, date },
  { type: 'meeting1', payload: { challenges: ['a', 'b', 'c', 'd', 'e'] }, date },
  { type: 'mapping.start', date },
  { type: 'mapping.finish', payload: { summary: 'picture' }, date },
  { type: 'teamMeetings', date },
  { type: 'hackathon', date },
  { type: 'review', date },
  { type: 'decision', payload: { continued: [] }, date },
];

/** Every leaf state of the machine as `track.state`. */
function leafStates(): string[] {
  const machine = compile(sample);
  return Object.entries(machine.root.states).flatMap(([track, node]) =>
    Object.keys(node.states).map((state) => `${track}.${state}`),
  );
}

function leavesOf(value: unknown): string[] {
  return Object.entries(value as Record<string, string>).map(
    ([track, state]) => `${track}.${state}`,
  );
}

describe('compile', () => {
  it('gives a machine with one parallel region per track and a state per step', () => {
    const machine = compile(sample);
    expect(machine.id).toBe('sample');
    expect(Object.keys(machine.root.states)).toEqual(['strategy', 'pilot', 'convergence']);
    expect(leafStates()).toContain('strategy.mapping:running');
  });

  it('runs with createActor', () => {
    const actor = createActor(compile(sample)).start();
    for (const event of events.slice(0, 4)) actor.send(event);
    expect(actor.getSnapshot().value).toEqual({
      strategy: 'teamMeetings',
      pilot: 'hackathon',
      convergence: 'decision',
    });
    // The machine refuses what the runtime refuses: a payload that breaks a rule changes nothing.
    const fresh = createActor(compile(sample)).start();
    fresh.send(events[0] as MachineEvent);
    fresh.send({ type: 'meeting1', payload: { challenges: ['a'] }, date });
    expect(fresh.getSnapshot().value).toMatchObject({ strategy: 'meeting1' });
    // And a step waiting for another track.
    fresh.send({ type: 'hackathon', date });
    expect(fresh.getSnapshot().value).toMatchObject({ pilot: 'hackathon' });
  });

  it('reports to an inspector, as the Stately inspector reads it', () => {
    const seen: string[] = [];
    const actor = createActor(compile(sample), {
      inspect: (event) => seen.push(event.type),
    }).start();
    actor.send(events[0] as MachineEvent);
    expect(seen).toContain('@xstate.actor');
    expect(seen).toContain('@xstate.event');
    expect(seen).toContain('@xstate.snapshot');
  });

  it('reaches every state by the shortest paths of xstate/graph', () => {
    const paths = getShortestPaths(compile(sample), { events });
    const reached = new Set(
      paths.flatMap((path) => path.steps.flatMap((step) => leavesOf(step.state.value))),
    );
    for (const path of paths) for (const leaf of leavesOf(path.state.value)) reached.add(leaf);
    expect([...reached].sort()).toEqual(leafStates().sort());
    // Every track reaches its end; the machine itself keeps running, for the items.
    const ends = { strategy: 'done', pilot: 'done', convergence: 'done' };
    const done = paths.find((path) => JSON.stringify(path.state.value) === JSON.stringify(ends));
    expect(done?.state.status).toBe('active');
  });
});
