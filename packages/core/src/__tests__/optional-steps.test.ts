import { about } from '@maslul/timing';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import { createInstance, replay } from '../instance.js';

/**
 * A call with an optional information evening (skipped by its own roles), an optional pre-review
 * window (skipped only by the board) and optional check-ins; the decision in the other track
 * waits for the information evening, and its rule reads the evening's dates.
 */
const call = defineProgram('optional', { version: 1, label: 'A call with optional steps' })
  .roles({ board: { label: 'Board' }, office: { label: 'Office' } })
  .track('main', 'Main', (t) =>
    t
      .milestone('open', { label: 'Open', by: ['board'] })
      .meeting('evening', {
        label: 'Information evening',
        by: ['office'],
        after: about(1, 'weeks'),
        optional: true,
      })
      .span('prereview', {
        label: 'Pre-review',
        by: ['office'],
        duration: about(2, 'weeks'),
        optional: { by: ['board'] },
      })
      .series('checkins', {
        label: 'Check-ins',
        by: ['office'],
        repeat: { every: 'P1W', count: 2 },
        optional: true,
      })
      .milestone('results', { label: 'Results', by: ['board'] }),
  )
  .track('side', 'Side', (t) =>
    t.decision('budget', {
      label: 'Budget',
      by: ['board'],
      after: { step: 'evening', lag: 'P3D' },
      payload: z.object({ amount: z.number() }),
      rules: [
        {
          id: 'B1',
          reason: 'The budget is set after the evening, or knowing it was skipped',
          check: ({ dates }) => dates.evening?.finished !== undefined,
        },
      ],
    }),
  )
  .ending({ cancel: { by: ['board'] } })
  .build();

const board = { id: 'dana', roles: ['board'] as const };
const office = { id: 'avi', roles: ['office'] as const };

function opened() {
  const clock = createManualClock('2027-01-04T09:00:00Z');
  const instance = createInstance(call, { start: '2027-01-04', clock });
  const open = instance.send({ type: 'open' }, { actor: board });
  if (!open.ok) throw open.refusal;
  clock.advanceTo('2027-01-07T09:00:00Z');
  return { clock, instance };
}

describe('optional steps', () => {
  it('skips a step with a reason: recorded with who and why, and its track goes on', () => {
    const { instance } = opened();
    const skipped = instance.send(
      { type: 'evening.skip', payload: { reason: 'Nobody registered' } },
      { actor: office },
    );
    if (!skipped.ok) throw skipped.refusal;
    expect(instance.current().main).toEqual({ step: 'prereview', running: false });
    expect(instance.snapshot().machine.context.steps.evening).toEqual({
      finished: '2027-01-07',
      skipped: { reason: 'Nobody registered', by: 'avi' },
    });
    expect(instance.history().at(-1)).toMatchObject({
      type: 'evening.skip',
      payload: { reason: 'Nobody registered' },
      actor: { id: 'avi' },
      trace: [],
    });
  });

  it('plans from the day it was skipped: status skipped, no deadline, what follows from then', () => {
    const { instance } = opened();
    const before = instance.schedule().plan.steps.budget.start;
    instance.send(
      { type: 'evening.skip', payload: { reason: 'Nobody registered' } },
      { actor: office },
    );
    const { plan, status } = instance.schedule();
    expect(status.evening).toBe('skipped');
    expect(plan.steps.evening).toMatchObject({ start: '2027-01-07', finish: '2027-01-07' });
    expect(plan.steps.evening.recorded).toMatchObject({ finish: true, skipped: true });
    // Skipped on Thursday, before the planned evening: the budget, 3 days after it, moves
    // earlier, to Sunday 10 January, then to Monday (the default calendar works Monday to Friday).
    expect(plan.steps.budget.start < before).toBe(true);
    expect(plan.steps.budget.start).toBe('2027-01-11');
    expect(instance.deadlines().some((d) => d.step === 'evening')).toBe(false);
  });

  it('lets what waits for a skipped step go on, and its rules see it as skipped', () => {
    const { instance } = opened();
    const early = instance.send({ type: 'budget', payload: { amount: 5 } }, { actor: board });
    expect(early.ok ? undefined : early.refusal).toMatchObject({
      code: 'waiting',
      rule: 'core.after',
    });
    instance.send(
      { type: 'evening.skip', payload: { reason: 'Nobody registered' } },
      { actor: office },
    );
    const budget = instance.send({ type: 'budget', payload: { amount: 5 } }, { actor: board });
    if (!budget.ok) throw budget.refusal;
    expect(budget.entry.trace).toEqual([
      expect.objectContaining({ rule: 'B1', passed: true, step: 'budget' }),
    ]);
  });

  it('skips a step only by the roles its `optional` names', () => {
    const { instance } = opened();
    instance.send({ type: 'evening' }, { actor: office });
    const byOffice = instance.send(
      { type: 'prereview.skip', payload: { reason: 'Few applications' } },
      { actor: office },
    );
    expect(byOffice.ok ? undefined : byOffice.refusal).toMatchObject({
      code: 'forbidden',
      rule: 'core.roles',
      path: ['actor', 'roles'],
    });
    const byBoard = instance.send(
      { type: 'prereview.skip', payload: { reason: 'Few applications' } },
      { actor: board },
    );
    expect(byBoard.ok).toBe(true);
    expect(instance.current().main?.step).toBe('checkins');
  });

  it('refuses a skip without a reason, changing nothing', () => {
    const { instance } = opened();
    const before = JSON.stringify(instance.snapshot());
    for (const payload of [undefined, {}, { reason: '   ' }, { reason: 7 }]) {
      const result = instance.send({ type: 'evening.skip', payload } as never, { actor: office });
      expect(result.ok ? undefined : result.refusal).toMatchObject({
        code: 'invalid-payload',
        rule: 'core.skip-reason',
        path: ['payload', 'reason'],
        message: expect.stringContaining('needs a reason'),
      });
    }
    expect(JSON.stringify(instance.snapshot())).toBe(before);
    expect(instance.history()).toHaveLength(1);
  });

  it('refuses a skip once the step has started (a span running, a series begun)', () => {
    const { instance } = opened();
    instance.send({ type: 'evening' }, { actor: office });
    instance.send({ type: 'prereview.start' }, { actor: office });
    const running = instance.send(
      { type: 'prereview.skip', payload: { reason: 'Too late' } },
      { actor: board },
    );
    expect(running.ok ? undefined : running.refusal).toMatchObject({
      code: 'not-now',
      rule: 'core.skip-before-start',
      message: expect.stringContaining('"prereview" has started'),
    });
    instance.send({ type: 'prereview.finish' }, { actor: office });
    instance.send({ type: 'checkins' }, { actor: office });
    const begun = instance.send(
      { type: 'checkins.skip', payload: { reason: 'Too late' } },
      { actor: office },
    );
    expect(begun.ok ? undefined : begun.refusal).toMatchObject({
      code: 'not-now',
      rule: 'core.skip-before-start',
    });
  });

  it('refuses a skip before the track reaches the step, and of a step that is not optional', () => {
    const { instance } = opened();
    const early = instance.send(
      { type: 'checkins.skip', payload: { reason: 'Not needed' } },
      { actor: office },
    );
    expect(early.ok ? undefined : early.refusal).toMatchObject({
      code: 'not-now',
      rule: 'core.track-order',
      message: expect.stringContaining('track "main" is at "evening"'),
    });
    const notOptional = instance.send(
      { type: 'results.skip', payload: { reason: 'No' } } as never,
      { actor: board },
    );
    expect(notOptional.ok ? undefined : notOptional.refusal).toMatchObject({
      code: 'unknown-event',
      rule: 'core.known-event',
    });
  });

  it('refuses a skip in an ended run', () => {
    const { instance } = opened();
    instance.send({ type: 'run.cancel', payload: { reason: 'Budget cut' } }, { actor: board });
    const result = instance.send(
      { type: 'evening.skip', payload: { reason: 'Nobody registered' } },
      { actor: office },
    );
    expect(result.ok ? undefined : result.refusal).toMatchObject({ code: 'ended' });
  });

  it('replays a run with skips to the same snapshot', () => {
    const { clock, instance } = opened();
    instance.send({ type: 'evening.skip', payload: { reason: 'None' } }, { actor: office });
    instance.send({ type: 'prereview.skip', payload: { reason: 'None' } }, { actor: board });
    instance.send({ type: 'checkins.skip', payload: { reason: 'None' } }, { actor: office });
    const results = instance.send({ type: 'results' }, { actor: board });
    if (!results.ok) throw results.refusal;
    expect(instance.current().main).toEqual({ step: 'done', running: false });
    const again = replay(call, instance.history(), { start: '2027-01-04', clock });
    expect(again.snapshot()).toEqual(instance.snapshot());
    const { status } = instance.schedule();
    expect([status.evening, status.prereview, status.checkins, status.results]).toEqual([
      'skipped',
      'skipped',
      'skipped',
      'done',
    ]);
  });

  it('refuses at build time an optional step whose skip roles are not the program’s', () => {
    expect(() =>
      defineProgram('bad', { version: 1, label: 'Bad' })
        .roles({ board: { label: 'Board' } })
        .track('main', 'Main', (t) =>
          t.milestone('open', {
            label: 'Open',
            by: ['board'],
            optional: { by: ['mayor' as 'board'] },
          }),
        )
        .build(),
    ).toThrow(/may be skipped by "mayor", which is not a role of this program/);
  });
});
