import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import { createInstance, replay } from '../instance.js';

const call = defineProgram('one-step', { version: 1, label: 'A one-step call' })
  .roles({ officer: { label: 'Officer' }, applicant: { label: 'Applicant' } })
  .track('main', 'Main', (t) => t.milestone('open', { label: 'Call opens', by: ['officer'] }))
  .item(
    'application',
    {
      label: 'Application',
      states: ['submitted', 'closed'],
      final: ['closed'],
      create: { by: ['applicant'], after: ['open'] },
    },
    (item) =>
      item.event('close', { label: 'Closed', by: ['officer'], from: ['submitted'], to: 'closed' }),
  )
  .build();
const officer = { id: 'dana', roles: ['officer'] } as const;
const applicant = { id: 'avi', roles: ['applicant'] } as const;

describe('items after every track is done', () => {
  it('keep taking their events: create and close after the only step is recorded', () => {
    const clock = createManualClock('2027-01-04T08:00:00Z');
    const instance = createInstance(call, { start: '2027-01-04', clock });
    expect(instance.send({ type: 'open' }, { actor: officer }).ok).toBe(true);
    expect(instance.current()).toEqual({ main: { step: 'done', running: false } });
    const created = instance.send(
      { type: 'application.create', item: 'garden' },
      { actor: applicant },
    );
    expect(created.ok ? 'accepted' : created.refusal.message).toBe('accepted');
    const closed = instance.send({ type: 'application.close', item: 'garden' }, { actor: officer });
    expect(closed.ok ? 'accepted' : closed.refusal.message).toBe('accepted');
    expect(instance.snapshot().machine.context.items.garden?.state).toBe('closed');
    // A closed item still refuses what its lifecycle does not allow, with the item's own rule.
    const again = instance.send({ type: 'application.close', item: 'garden' }, { actor: officer });
    expect(again.ok ? 'accepted' : [again.refusal.code, again.refusal.rule]).toEqual([
      'not-now',
      'core.item-state',
    ]);
    // Replaying the history gives the same snapshot.
    const replayed = replay(call, instance.history(), { start: '2027-01-04', clock });
    expect(replayed.snapshot()).toEqual(instance.snapshot());
  });
});
