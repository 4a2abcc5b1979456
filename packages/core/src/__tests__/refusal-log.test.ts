import { describe, expect, it } from 'vitest';
import { avi, board, grants, openPayload } from '../../test-programs/grants-program.js';
import { createManualClock } from '../clock.js';
import { createInstance, replay } from '../instance.js';

describe('instance.refusals', () => {
  it('keeps who tried what, when and why, apart from the history', () => {
    const clock = createManualClock('2027-01-04T09:00:00Z');
    const instance = createInstance(grants, { start: '2027-01-04', clock });
    instance.send({ type: 'open', payload: openPayload }, { actor: avi, idempotencyKey: 'k1' });
    clock.advanceTo('2027-01-04T10:00:00Z');
    instance.send({ type: 'close' }, { actor: board });
    instance.send({ type: 'nope' } as never, { actor: { id: 'x', roles: 'board' } as never });
    expect(instance.history()).toEqual([]);
    expect(instance.refusals()).toEqual([
      {
        at: '2027-01-04T09:00:00.000Z',
        actor: { id: 'avi', roles: ['applicant'] },
        type: 'open',
        code: 'forbidden',
        rule: 'core.roles',
        path: ['actor', 'roles'],
        message: '"avi" may not record "open": it needs one of the roles "board".',
        idempotencyKey: 'k1',
      },
      expect.objectContaining({
        at: '2027-01-04T10:00:00.000Z',
        code: 'not-now',
        rule: 'core.track-order',
      }),
      expect.objectContaining({ actor: { id: 'x', roles: [] }, code: 'invalid-actor' }),
    ]);
  });

  it('keeps the newest refusalLimit, and a replay keeps none', () => {
    const clock = createManualClock('2027-01-04T09:00:00Z');
    const instance = createInstance(grants, { start: '2027-01-04', clock, refusalLimit: 2 });
    for (const id of ['a', 'b', 'c'])
      instance.send({ type: 'close' }, { actor: { id, roles: ['board'] } });
    expect(instance.refusals().map((r) => r.actor.id)).toEqual(['b', 'c']);
    instance.send({ type: 'open', payload: openPayload }, { actor: board });
    const again = replay(grants, instance.history(), { start: '2027-01-04', clock });
    expect(again.refusals()).toEqual([]);
    expect(() => createInstance(grants, { start: '2027-01-04', clock, refusalLimit: 0 })).toThrow(
      /refusalLimit must be a whole number of at least 1/,
    );
  });
});

describe('instance.forecast', () => {
  it('gives P10/P50/P90 for every step from the facts so far, the same for the same seed', () => {
    const clock = createManualClock('2027-01-04T09:00:00Z');
    const instance = createInstance(grants, { start: '2027-01-04', clock });
    const before = instance.forecast({ runs: 200, seed: 7 });
    expect(Object.keys(before.steps)).toEqual(['open', 'close']);
    expect(before.samples).toBe(200);
    const close = before.steps.close;
    expect(close.start.p10 <= close.start.p50 && close.start.p50 <= close.start.p90).toBe(true);
    expect(instance.forecast({ runs: 200, seed: 7 })).toEqual(before);
    // Opening a week late moves the whole forecast of the close; the recorded step is fixed.
    clock.advanceTo('2027-01-11T09:00:00Z');
    instance.send({ type: 'open', payload: openPayload }, { actor: board });
    const after = instance.forecast({ runs: 200, seed: 7 });
    expect(after.steps.open.start).toEqual({
      p10: '2027-01-11',
      p50: '2027-01-11',
      p90: '2027-01-11',
    });
    expect(after.steps.close.start.p50 > close.start.p50).toBe(true);
  });

  it('refuses a run count or seed that is not a whole number', () => {
    const instance = createInstance(grants, {
      start: '2027-01-04',
      clock: createManualClock('2027-01-04T09:00:00Z'),
    });
    expect(() => instance.forecast({ runs: 0 })).toThrow(
      /runs is 0; give a whole number from 1 to 100000/,
    );
    expect(() => instance.forecast({ seed: 1.5 })).toThrow(/seed is 1.5/);
  });
});
