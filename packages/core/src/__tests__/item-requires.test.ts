import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import { createInstance, replay } from '../instance.js';

/** Two parallel reviews in `inReview`, a decision that joins them, and a revise loop. */
const call = defineProgram('reviews', { version: 1, label: 'Reviews' })
  .roles({ office: { label: 'Office' }, reviewer: { label: 'Reviewer' } })
  .track('main', 'Main', (t) => t.milestone('open', { label: 'Open', by: ['office'] }))
  .item(
    'application',
    {
      label: 'Application',
      states: ['inReview', 'revising', 'decided'],
      final: ['decided'],
      create: { by: ['office'] },
    },
    (item) =>
      item
        .event('reviewA', {
          label: 'Review A',
          by: ['reviewer'],
          from: ['inReview'],
          to: 'inReview',
        })
        .event('reviewB', {
          label: 'Review B',
          by: ['reviewer'],
          from: ['inReview'],
          to: 'inReview',
        })
        .event('revise', { label: 'Revise', by: ['office'], from: ['inReview'], to: 'revising' })
        .event('resubmit', {
          label: 'Resubmit',
          by: ['office'],
          from: ['revising'],
          to: 'inReview',
        })
        .event('decide', {
          label: 'Decide',
          by: ['office'],
          from: ['inReview'],
          to: 'decided',
          requires: ['reviewA', 'reviewB'],
        }),
  )
  .build();

const office = { id: 'dana', roles: ['office'] as const };
const reviewer = { id: 'rami', roles: ['reviewer'] as const };

function started() {
  const clock = createManualClock('2027-01-04T09:00:00Z');
  const instance = createInstance(call, { start: '2027-01-04', clock });
  const send = (type: string, actor: typeof office | typeof reviewer) =>
    instance.send({ type, item: 'garden' } as never, { actor });
  instance.send({ type: 'open' }, { actor: office });
  send('application.create', office);
  return { clock, instance, send };
}

describe('item event requires', () => {
  it('refuses the decision until both reviews are recorded, naming the missing one', () => {
    const { instance, send } = started();
    const none = send('application.decide', office);
    expect(none.ok ? undefined : none.refusal).toMatchObject({
      code: 'waiting',
      rule: 'core.requires',
    });
    expect(send('application.reviewA', reviewer).ok).toBe(true);
    const before = JSON.stringify(instance.snapshot());
    const one = send('application.decide', office);
    expect(one.ok).toBe(false);
    if (!one.ok) {
      expect(one.refusal.message).toContain('"application.reviewB"');
      expect(one.refusal.message).not.toContain('"application.reviewA"');
    }
    expect(JSON.stringify(instance.snapshot())).toBe(before);
    expect(send('application.reviewB', reviewer).ok).toBe(true);
    expect(send('application.decide', office).ok).toBe(true);
    expect(instance.snapshot().machine.context.items.garden?.state).toBe('decided');
  });

  it('needs fresh reviews after a revise-and-resubmit loop sends the item back', () => {
    const { clock, instance, send } = started();
    send('application.reviewA', reviewer);
    send('application.reviewB', reviewer);
    expect(send('application.revise', office).ok).toBe(true);
    expect(send('application.resubmit', office).ok).toBe(true);
    const stale = send('application.decide', office);
    expect(stale.ok ? undefined : stale.refusal.rule).toBe('core.requires');
    send('application.reviewA', reviewer);
    send('application.reviewB', reviewer);
    expect(send('application.decide', office).ok).toBe(true);
    const replayed = replay(call, instance.history(), { start: '2027-01-04', clock });
    expect(JSON.stringify(replayed.snapshot())).toBe(JSON.stringify(instance.snapshot()));
  });
});

describe('item event requires, untyped', () => {
  it('refuses at build an event that requires one the kind does not have', () => {
    const build = () =>
      defineProgram('reviews', { version: 1, label: 'Reviews' })
        .roles({ office: { label: 'Office' } })
        .track('main', 'Main', (t) => t.milestone('open', { label: 'Open', by: ['office'] }))
        .item(
          'application',
          { label: 'A', states: ['open', 'done'], create: { by: ['office'] } },
          (item) =>
            item.event('decide', {
              label: 'Decide',
              by: ['office'],
              from: ['open'],
              to: 'done',
              requires: ['reviewZ'] as never,
            }),
        )
        .build();
    expect(build).toThrow(
      expect.objectContaining({
        code: 'unknown-event',
        message: expect.stringContaining('"reviewZ"'),
      }),
    );
  });
});
