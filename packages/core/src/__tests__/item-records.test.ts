// An item event's record is the same size however often it is sent (issue #15): the last date and
// payload, the first date and the count; the full history stays in the log. Snapshots an earlier
// version stored with every date (`dates`) restore into that shape.
import { describe, expect, it } from 'vitest';
import { board, grants, noa, openPayload } from '../../test-programs/grants-program.js';
import { manager, sample, steering } from '../../test-programs/sample-program.js';
import { createManualClock } from '../clock.js';
import { createInstance, type InstanceSnapshot, restoreInstance } from '../instance.js';

const five = ['a', 'b', 'c', 'd', 'e'];

function withInitiative() {
  const clock = createManualClock('2027-01-04T08:00:00Z');
  const instance = createInstance(sample, { start: '2027-01-04', clock });
  const send = (at: string, event: object, actor: { id: string; roles: readonly string[] }) => {
    clock.advanceTo(at);
    const result = instance.send(event as never, { actor: actor as never });
    if (!result.ok) throw result.refusal;
    return result;
  };
  send('2027-01-04T09:00:00Z', { type: 'scope', payload: { areas: ['north'] } }, steering);
  send('2027-01-18T09:00:00Z', { type: 'meeting1', payload: { challenges: five } }, steering);
  send('2027-02-18T09:00:00Z', { type: 'hackathon' }, manager);
  send(
    '2027-02-19T09:00:00Z',
    { type: 'initiative.create', item: 'i1', payload: { title: 'Garden', challenges: ['a'] } },
    manager,
  );
  return { clock, instance, send };
}

describe('item event records', () => {
  it('keeps the last date and payload, the first date and the count, not every date', () => {
    const { instance, send } = withInitiative();
    const days = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04'];
    days.forEach((day, i) => {
      send(
        `${day}T09:00:00Z`,
        { type: 'initiative.measure', item: 'i1', payload: { progress: i / 10 } },
        manager,
      );
    });
    const record = instance.snapshot().machine.context.items.i1?.events.measure;
    expect(record).toEqual({
      date: '2027-03-04',
      payload: { progress: 0.3 },
      first: '2027-03-01',
      count: 4,
    });
    // The log keeps every one.
    expect(
      instance
        .history()
        .filter((e) => e.type === 'initiative.measure')
        .map((e) => e.date),
    ).toEqual(days);
  });

  it("keeps a planned event's occurrences up to the plan's count, and its count beyond", () => {
    const clock = createManualClock('2027-01-04T09:00:00Z');
    const instance = createInstance(grants, { start: '2027-01-04', clock });
    const send = (at: string, event: object, actor: typeof board | typeof noa) => {
      clock.advanceTo(at);
      const result = instance.send(event as never, { actor });
      if (!result.ok) throw result.refusal;
    };
    send('2027-01-04T09:00:00Z', { type: 'open', payload: openPayload }, board);
    send(
      '2027-01-11T09:00:00Z',
      {
        type: 'application.create',
        item: 'garden',
        payload: { applicant: 'noa', title: 'A garden' },
      },
      noa,
    );
    send('2027-01-18T09:00:00Z', { type: 'application.grant', item: 'garden' }, board);
    send('2027-02-18T09:00:00Z', { type: 'application.report', item: 'garden' }, noa);
    send('2027-03-18T09:00:00Z', { type: 'application.report', item: 'garden' }, noa);
    expect(instance.snapshot().machine.context.items.garden?.events.report).toMatchObject({
      first: '2027-02-18',
      count: 2,
      occurrences: ['2027-02-18', '2027-03-18'],
    });
  });

  it('restores a snapshot stored with every date, and its rules read the count', () => {
    const { instance, clock, send } = withInitiative();
    send(
      '2027-03-01T09:00:00Z',
      { type: 'initiative.measure', item: 'i1', payload: { progress: 0.1 } },
      manager,
    );
    send(
      '2027-03-02T09:00:00Z',
      { type: 'initiative.measure', item: 'i1', payload: { progress: 0.2 } },
      manager,
    );
    const current = instance.snapshot();
    const item = current.machine.context.items.i1;
    if (!item) throw new Error('no item');
    // The shape an earlier version stored: every date, no first or count.
    const old = JSON.parse(JSON.stringify(current)) as InstanceSnapshot;
    (old.machine.context.items as Record<string, unknown>).i1 = {
      ...item,
      events: {
        measure: {
          date: '2027-03-02',
          payload: { progress: 0.2 },
          dates: ['2027-03-01', '2027-03-02'],
        },
      },
    };
    const restored = restoreInstance(sample, old, { start: '2027-01-04', clock });
    expect(restored.snapshot().machine.context.items.i1?.events.measure).toEqual({
      date: '2027-03-02',
      payload: { progress: 0.2 },
      first: '2027-03-01',
      count: 2,
    });
    clock.advanceTo('2027-03-03T09:00:00Z');
    const next = restored.send(
      { type: 'initiative.measure', item: 'i1', payload: { progress: 0.3 } },
      { actor: manager },
    );
    expect(next.ok && next.snapshot.machine.context.items.i1?.events.measure?.count).toBe(3);
  });
});
