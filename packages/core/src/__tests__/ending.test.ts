import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import { createInstance, replay, restoreInstance } from '../instance.js';

/** A call with an application window and results, which the board may cancel or close. */
const call = defineProgram('endable', { version: 1, label: 'An endable call' })
  .roles({ board: { label: 'Board' }, applicant: { label: 'Applicant' } })
  .track('main', 'Main', (t) =>
    t
      .milestone('open', { label: 'Open', by: ['board'] })
      .milestone('results', { label: 'Results', by: ['board'], after: 'P30D' }),
  )
  .item(
    'application',
    { label: 'Application', states: ['submitted'], create: { by: ['applicant'] } },
    (a) => a,
  )
  .ending({ cancel: { by: ['board'] }, close: { by: ['board'] } })
  .build();

const board = { id: 'dana', roles: ['board'] as const };
const applicant = { id: 'noa', roles: ['applicant'] as const };

function opened() {
  const clock = createManualClock('2027-01-04T09:00:00Z');
  const instance = createInstance(call, { start: '2027-01-04', clock });
  instance.send({ type: 'open' }, { actor: board });
  return { clock, instance };
}

describe('ending a run', () => {
  it('cancels with a reason: recorded in the log, no deadlines, the schedule says so', () => {
    const { clock, instance } = opened();
    expect(instance.deadlines().length).toBeGreaterThan(0);
    clock.advanceTo('2027-01-10T09:00:00Z');
    const cancelled = instance.send(
      { type: 'run.cancel', payload: { reason: 'The budget was cut' } },
      { actor: board, idempotencyKey: 'cancel-1' },
    );
    if (!cancelled.ok) throw cancelled.refusal;
    expect(cancelled.deadlines).toEqual([]);
    expect(instance.deadlines()).toEqual([]);
    expect(instance.history().at(-1)).toMatchObject({
      type: 'run.cancel',
      payload: { reason: 'The budget was cut' },
      actor: { id: 'dana' },
    });
    clock.advanceTo('2027-06-01T09:00:00Z');
    const { ended, status } = instance.schedule();
    expect(ended).toEqual({
      status: 'cancelled',
      reason: 'The budget was cut',
      date: '2027-01-10',
      by: 'dana',
    });
    // Frozen at the day it ended: results were upcoming then, and never go overdue.
    expect(status.results).toBe('upcoming');
    // A retried cancel is the same event, applied once.
    const again = instance.send(
      { type: 'run.cancel', payload: { reason: 'The budget was cut' } },
      { actor: board, idempotencyKey: 'cancel-1' },
    );
    expect(again.ok && again.duplicate).toBe(true);
  });

  it('refuses every later event with code "ended", changing nothing', () => {
    const { instance } = opened();
    instance.send({ type: 'run.close', payload: { reason: 'Done early' } }, { actor: board });
    const before = JSON.stringify(instance.snapshot());
    for (const [event, actor] of [
      [{ type: 'results' }, board],
      [{ type: 'application.create', item: 'a1' }, applicant],
      [{ type: 'run.cancel', payload: { reason: 'again' } }, board],
    ] as const) {
      const result = instance.send(event, { actor });
      expect(result.ok ? undefined : result.refusal).toMatchObject({
        code: 'ended',
        rule: 'core.ended',
      });
      if (!result.ok) expect(result.refusal.message).toContain('closed on 2027-01-04');
    }
    expect(JSON.stringify(instance.snapshot())).toBe(before);
  });

  it('needs a reason and one of the declared roles', () => {
    const { instance } = opened();
    const blank = instance.send({ type: 'run.cancel', payload: { reason: ' ' } }, { actor: board });
    expect(blank.ok ? undefined : blank.refusal).toMatchObject({
      code: 'invalid-payload',
      rule: 'core.ending-reason',
    });
    const byApplicant = instance.send(
      { type: 'run.cancel', payload: { reason: 'no' } },
      { actor: applicant as never },
    );
    expect(byApplicant.ok ? undefined : byApplicant.refusal.code).toBe('forbidden');
    expect(instance.schedule().ended).toBeUndefined();
  });

  it('is no event of a program that does not declare it', () => {
    const plain = defineProgram('plain', { version: 1, label: 'Plain' })
      .roles({ board: { label: 'Board' } })
      .track('main', 'Main', (t) => t.milestone('open', { label: 'Open', by: ['board'] }))
      .build();
    const instance = createInstance(plain, {
      start: '2027-01-04',
      clock: createManualClock('2027-01-04T09:00:00Z'),
    });
    const result = instance.send(
      // @ts-expect-error the program declares no ending
      { type: 'run.cancel', payload: { reason: 'x' } },
      { actor: board },
    );
    expect(result.ok ? undefined : result.refusal.code).toBe('unknown-event');
  });

  it('replays and restores to the same ended run', () => {
    const { clock, instance } = opened();
    instance.send({ type: 'run.cancel', payload: { reason: 'Cut' } }, { actor: board });
    const options = { start: '2027-01-04', clock } as const;
    const replayed = replay(call, instance.history(), options);
    expect(JSON.stringify(replayed.snapshot())).toBe(JSON.stringify(instance.snapshot()));
    const restored = restoreInstance(
      call,
      JSON.parse(JSON.stringify(instance.snapshot())),
      options,
    );
    expect(restored.schedule().ended?.status).toBe('cancelled');
    expect(restored.send({ type: 'results' }, { actor: board }).ok).toBe(false);
  });

  it('refuses at build an ending by a role the program does not declare, and item kind "run"', () => {
    const base = defineProgram('bad', { version: 1, label: 'Bad' })
      .roles({ board: { label: 'Board' } })
      .track('main', 'Main', (t) => t.milestone('open', { label: 'Open', by: ['board'] }));
    expect(() => base.ending({ cancel: { by: ['mayor' as 'board'] } }).build()).toThrow(
      expect.objectContaining({ code: 'unknown-role', path: ['ending', 'cancel', 'by'] }),
    );
    expect(() =>
      base.item('run', { label: 'R', states: ['a'], create: { by: ['board'] } }, (i) => i).build(),
    ).toThrow(expect.objectContaining({ rule: 'core.reserved-id' }));
  });
});
