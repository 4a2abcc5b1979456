import { describe, expect, it } from 'vitest';
import { avi, board, grants, noa, openPayload } from '../../test-programs/grants-program.js';
import { createManualClock } from '../clock.js';
import { createInstance } from '../instance.js';

function opened() {
  const clock = createManualClock('2027-01-04T09:00:00Z');
  const instance = createInstance(grants, { start: '2027-01-04', clock });
  const opened = instance.send({ type: 'open', payload: openPayload }, { actor: board });
  if (!opened.ok) throw opened.refusal;
  return { clock, instance };
}

describe('rules that see the sender', () => {
  it('only the applicant may appeal: another applicant is refused by the rule', () => {
    const { instance } = opened();
    const create = instance.send(
      {
        type: 'application.create',
        item: 'garden',
        payload: { applicant: 'noa', title: 'A garden' },
      },
      { actor: noa },
    );
    expect(create.ok).toBe(true);
    expect(instance.send({ type: 'application.refuse', item: 'garden' }, { actor: board }).ok).toBe(
      true,
    );
    const byAvi = instance.send({ type: 'application.appeal', item: 'garden' }, { actor: avi });
    expect(byAvi.ok).toBe(false);
    if (!byAvi.ok) {
      expect(byAvi.refusal).toMatchObject({ code: 'rule-failed', rule: 'G5' });
      expect(byAvi.refusal.message).toContain('Only the applicant may appeal');
    }
    const byNoa = instance.send({ type: 'application.appeal', item: 'garden' }, { actor: noa });
    expect(byNoa.ok).toBe(true);
    if (byNoa.ok) expect(byNoa.entry.trace.map((t) => t.rule)).toEqual(['G5']);
  });

  it('a creation rule sees the sender too: nobody applies in another name', () => {
    const { instance } = opened();
    const result = instance.send(
      {
        type: 'application.create',
        item: 'garden',
        payload: { applicant: 'noa', title: 'A garden' },
      },
      { actor: avi },
    );
    expect(result.ok ? undefined : result.refusal.rule).toBe('G4');
    expect(instance.snapshot().machine.context.items).toEqual({});
  });
});

describe('actor ids', () => {
  it.each(['', '   ', '\t\n'])('refuses the blank actor id %j as invalid-actor', (id) => {
    const { instance } = opened();
    const before = JSON.stringify(instance.snapshot());
    const result = instance.send({ type: 'close' }, { actor: { id, roles: ['board'] } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusal).toMatchObject({
        code: 'invalid-actor',
        rule: 'core.actor',
        path: ['actor', 'id'],
      });
      expect(result.refusal.message).toContain('is blank');
    }
    expect(JSON.stringify(instance.snapshot())).toBe(before);
    expect(instance.history()).toHaveLength(1);
  });
});
