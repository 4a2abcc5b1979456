import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { manager, sample, steering } from '../../test-programs/sample-program.js';
import { createManualClock } from '../clock.js';
import { compile } from '../compile.js';
import type { ProgramEvent } from '../events.js';
import { type Actor, createInstance, replay, restoreInstance } from '../instance.js';

const five = ['a', 'b', 'c', 'd', 'e'];
type Role = 'steering' | 'manager' | 'member';

/** An instance past the hackathon, where initiatives may be created. */
function afterHackathon() {
  const clock = createManualClock('2027-01-04T08:00:00Z');
  const instance = createInstance(sample, { start: '2027-01-04', clock });
  const send = (at: string, event: ProgramEvent<typeof sample>, actor: Actor<Role>) => {
    clock.advanceTo(at);
    const result = instance.send(event, { actor });
    if (!result.ok) throw result.refusal;
  };
  send('2027-01-04T09:00:00Z', { type: 'scope', payload: { areas: ['north'] } }, steering);
  send('2027-01-18T09:00:00Z', { type: 'meeting1', payload: { challenges: five } }, steering);
  send('2027-02-18T09:00:00Z', { type: 'hackathon' }, manager);
  return { clock, instance };
}

/** `afterHackathon`, then the initiative "garden" created on 20 February. */
function withGarden() {
  const run = afterHackathon();
  run.clock.advanceTo('2027-02-20T09:00:00Z');
  const created = run.instance.send(
    { type: 'initiative.create', item: 'garden', payload: { title: 'Garden', challenges: ['a'] } },
    { actor: manager },
  );
  if (!created.ok) throw created.refusal;
  return run;
}

describe('items', () => {
  it('creates an item as a child actor and moves it through its lifecycle', () => {
    const { clock, instance } = afterHackathon();
    clock.advanceTo('2027-02-20T09:00:00Z');
    const created = instance.send(
      {
        type: 'initiative.create',
        item: 'garden',
        payload: { title: 'Community garden', challenges: ['a'] },
      },
      { actor: manager },
    );
    if (!created.ok) throw created.refusal;
    expect(created.entry.trace).toEqual([expect.objectContaining({ rule: 'X1', passed: true })]);
    expect(created.snapshot.machine.context.items.garden).toEqual({
      kind: 'initiative',
      state: 'supported',
      created: '2027-02-20',
      data: { title: 'Community garden', challenges: ['a'] },
      events: {},
    });
    // The item's state is in one place, the context: no child actor holds a second copy (#17).
    expect(created.snapshot.machine.children).toEqual({});
    clock.advanceTo('2027-08-20T09:00:00Z');
    const measured = instance.send(
      { type: 'initiative.measure', item: 'garden', payload: { progress: 0.4 } },
      { actor: manager },
    );
    if (!measured.ok) throw measured.refusal;
    expect(measured.snapshot.machine.context.items.garden?.state).toBe('measured');
  });

  it('refuses item events that do not fit, changing nothing', () => {
    const { instance } = withGarden();
    const before = JSON.stringify(instance.snapshot());
    const cases: [ProgramEvent<typeof sample> & { item: string }, Actor<Role>, string, string][] = [
      [
        {
          type: 'initiative.create',
          item: 'garden',
          payload: { title: 'Again', challenges: ['a'] },
        },
        manager,
        'not-now',
        'core.item-unique',
      ],
      [
        {
          type: 'initiative.create',
          item: 'library',
          payload: { title: 'Library', challenges: ['z'] },
        },
        manager,
        'rule-failed',
        'X1',
      ],
      [
        { type: 'initiative.create', item: 'bad id', payload: { title: 'x', challenges: ['a'] } },
        manager,
        'unknown-item',
        'core.item-id',
      ],
      [
        {
          type: 'initiative.create',
          item: '__proto__',
          payload: { title: 'x', challenges: ['a'] },
        },
        manager,
        'unknown-item',
        'core.item-id',
      ],
      [
        { type: 'initiative.measure', item: 'constructor', payload: { progress: 0.1 } },
        manager,
        'unknown-item',
        'core.item-id',
      ],
      [
        {
          type: 'initiative.create',
          item: 'library',
          payload: { title: 'Library', challenges: ['a'] },
        },
        steering,
        'forbidden',
        'core.roles',
      ],
      [
        { type: 'initiative.measure', item: 'nothing', payload: { progress: 0.1 } },
        manager,
        'unknown-item',
        'core.known-item',
      ],
      [
        { type: 'initiative.measure', item: 'garden', payload: { progress: 7 } },
        manager,
        'invalid-payload',
        'core.payload',
      ],
      [{ type: 'initiative.continue', item: 'garden' }, steering, 'not-now', 'core.item-state'],
    ];
    for (const [event, actor, code, rule] of cases) {
      const result = instance.send(event, { actor });
      expect(result.ok, `${event.type} ${event.item}`).toBe(false);
      if (!result.ok)
        expect(result.refusal, `${event.type} ${event.item}`).toMatchObject({ code, rule });
    }
    // Continuing waits for the review and the team meetings (a join of the item with the tracks).
    instance.send(
      { type: 'initiative.measure', item: 'garden', payload: { progress: 0.4 } },
      { actor: manager },
    );
    const waiting = instance.send(
      { type: 'initiative.continue', item: 'garden' },
      { actor: steering },
    );
    expect(waiting.ok).toBe(false);
    if (!waiting.ok) expect(waiting.refusal.message).toMatch(/waits for "review", "teamMeetings"/);
    expect(JSON.stringify(instance.snapshot())).not.toBe(before); // the measure went through
  });

  it('refuses an item creation before the step it waits for', () => {
    const clock = createManualClock('2027-01-04T08:00:00Z');
    const instance = createInstance(sample, { start: '2027-01-04', clock });
    const result = instance.send(
      {
        type: 'initiative.create',
        item: 'garden',
        payload: { title: 'Garden', challenges: ['a'] },
      },
      { actor: manager },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal).toMatchObject({ code: 'waiting', rule: 'core.after' });
  });

  it('restores items with their child actors, and replays to the same snapshot', () => {
    const { clock, instance } = withGarden();
    instance.send(
      { type: 'initiative.stop', item: 'garden', payload: { reason: 'no volunteers' } },
      { actor: steering },
    );
    const options = { start: '2027-01-04', clock } as const;
    const replayed = replay(sample, instance.history(), options);
    expect(JSON.stringify(replayed.snapshot())).toBe(JSON.stringify(instance.snapshot()));
    const restored = restoreInstance(
      sample,
      JSON.parse(JSON.stringify(instance.snapshot())),
      options,
    );
    expect(restored.snapshot().machine.context.items.garden?.state).toBe('stopped');
    // A plain XState actor restored from the snapshot reads the item's state from its context.
    const actor = createActor(compile(sample), {
      snapshot: restored.snapshot().machine as never,
    }).start();
    expect(actor.getSnapshot().children).toEqual({});
    expect(actor.getSnapshot().context.items.garden?.state).toBe('stopped');
  });
});
