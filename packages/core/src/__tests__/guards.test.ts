// Each event is judged once: the machine's guard reaches a verdict (taken, or the refusal with its
// code, rule, path and message) and the instance reports that verdict; nothing checks it again.

import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import { createInstance } from '../instance.js';

function counted() {
  const calls = { step: 0, series: 0, item: 0 };
  const program = defineProgram('counted', { version: 1, label: 'Counted' })
    .roles({ manager: { label: 'Manager' } })
    .track('main', 'Main', (t) =>
      t
        .milestone('kickoff', {
          label: 'Kickoff',
          by: ['manager'],
          payload: z.object({ size: z.number() }),
          rules: [
            {
              id: 'K1',
              reason: 'The size is positive',
              check: ({ payload }) => {
                calls.step += 1;
                return payload.size > 0;
              },
            },
          ],
        })
        .series('meetings', {
          label: 'Meetings',
          by: ['manager'],
          repeat: { every: 'P1W', count: 3 },
          rules: [
            {
              id: 'M1',
              reason: 'Always',
              check: () => {
                calls.series += 1;
                return true;
              },
            },
          ],
        }),
    )
    .item(
      'task',
      { label: 'Task', states: ['open', 'closed'], final: ['closed'], create: { by: ['manager'] } },
      (item) =>
        item.event('close', {
          label: 'Closed',
          by: ['manager'],
          from: ['open'],
          to: 'closed',
          payload: z.object({ note: z.string() }),
          rules: [
            {
              id: 'T1',
              reason: 'The note says something',
              check: ({ payload }) => {
                calls.item += 1;
                return payload.note !== '';
              },
            },
          ],
        }),
    )
    .build();
  const clock = createManualClock('2027-01-04T09:00:00Z');
  const instance = createInstance(program, { start: '2027-01-04', clock });
  return { calls, instance };
}

const manager = { id: 'dana', roles: ['manager' as const] };

describe('guards: one verdict per event', () => {
  it('runs a step rule once for a refused event, and reports its refusal', () => {
    const { calls, instance } = counted();
    const refused = instance.send({ type: 'kickoff', payload: { size: 0 } }, { actor: manager });
    expect(calls.step).toBe(1);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.refusal).toMatchObject({
      code: 'rule-failed',
      rule: 'K1',
      path: ['payload'],
      message: '"kickoff" refused by rule K1: The size is positive.',
    });
    expect(instance.refusals().map((r) => r.rule)).toEqual(['K1']);
  });

  it('runs a step rule once for an accepted event', () => {
    const { calls, instance } = counted();
    const accepted = instance.send({ type: 'kickoff', payload: { size: 2 } }, { actor: manager });
    expect(accepted.ok).toBe(true);
    expect(calls.step).toBe(1);
  });

  it('runs a series rule once per occurrence, though two transitions guard it', () => {
    const { calls, instance } = counted();
    instance.send({ type: 'kickoff', payload: { size: 2 } }, { actor: manager });
    for (let i = 0; i < 3; i++)
      expect(instance.send({ type: 'meetings' }, { actor: manager }).ok).toBe(true);
    expect(calls.series).toBe(3);
    expect(instance.current().main).toEqual({ step: 'done', running: false });
  });

  it('runs an item rule once, accepted or refused', () => {
    const { calls, instance } = counted();
    expect(instance.send({ type: 'task.create', item: 't1' }, { actor: manager }).ok).toBe(true);
    const refused = instance.send(
      { type: 'task.close', item: 't1', payload: { note: '' } },
      { actor: manager },
    );
    expect(refused.ok ? undefined : refused.refusal.rule).toBe('T1');
    expect(calls.item).toBe(1);
    const closed = instance.send(
      { type: 'task.close', item: 't1', payload: { note: 'done' } },
      { actor: manager },
    );
    expect(closed.ok).toBe(true);
    expect(calls.item).toBe(2);
  });

  it('names an invalid payload before the track order when no guard judged the event', () => {
    const { instance } = counted();
    const bad = instance.send({ type: 'meetings', payload: undefined }, { actor: manager });
    expect(bad.ok ? undefined : bad.refusal.rule).toBe('core.track-order');
    const wrong = instance.send(
      { type: 'kickoff', payload: { size: 'big' } as never },
      { actor: manager },
    );
    expect(wrong.ok ? undefined : wrong.refusal.code).toBe('invalid-payload');
  });
});
