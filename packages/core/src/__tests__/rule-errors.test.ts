import { describe, expect, it } from 'vitest';
import { createInstance, createManualClock, defineProgram } from '../index.js';

const broken = () => {
  throw new Error('boom');
};

const program = defineProgram('buggy', { version: 1, label: 'A program with a buggy rule' })
  .roles({ manager: { label: 'Manager' } })
  .track('main', 'Main', (t) =>
    t.milestone('open', {
      label: 'Open',
      by: ['manager'],
      rules: [{ id: 'R1', reason: 'Never thrown', check: broken }],
    }),
  )
  .item(
    'application',
    { label: 'Application', states: ['new', 'closed'], create: { by: ['manager'] } },
    (item) =>
      item.event('close', {
        label: 'Closed',
        by: ['manager'],
        from: ['new'],
        to: 'closed',
        rules: [{ id: 'A1', reason: 'Never thrown', check: broken }],
      }),
  )
  .build();

const manager = { id: 'dana', roles: ['manager'] } as const;
const fresh = () =>
  createInstance(program, {
    start: '2027-01-04',
    clock: createManualClock('2027-01-05T09:00:00Z'),
  });

describe('a rule that throws', () => {
  it('refuses a step event with rule-error naming the rule and what it threw, storing nothing', () => {
    const run = fresh();
    const result = run.send({ type: 'open' }, { actor: manager });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ code: 'rule-error', rule: 'R1', path: ['payload'] });
    expect(result.refusal.message).toContain('"boom"');
    expect(run.snapshot().seq).toBe(0);
    expect(run.history()).toEqual([]);
  });

  it('refuses an item event with rule-error, and the item stays where it was', () => {
    const run = fresh();
    expect(run.send({ type: 'application.create', item: 'a1' }, { actor: manager }).ok).toBe(true);
    const result = run.send({ type: 'application.close', item: 'a1' }, { actor: manager });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ code: 'rule-error', rule: 'A1' });
    expect(run.snapshot().seq).toBe(1);
  });
});
