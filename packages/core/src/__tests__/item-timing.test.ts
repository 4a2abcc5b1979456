import type { Plan } from '@maslul/timing';
import { describe, expect, it } from 'vitest';
import { appeals, applicant, boardMember } from '../../test-programs/appeals-program.js';
import { createManualClock } from '../clock.js';
import { createInstance } from '../instance.js';
import { TIMER_ACTOR } from '../timer-actor.js';

function started() {
  const clock = createManualClock('2027-01-04T09:00:00Z');
  const instance = createInstance(appeals, { start: '2027-01-04', clock });
  const send = (at: string, event: unknown, actor: { id: string; roles: readonly string[] }) => {
    clock.advanceTo(at);
    const result = instance.send(event as never, { actor: actor as never });
    if (!result.ok) throw result.refusal;
    return result;
  };
  send('2027-01-04T09:00:00Z', { type: 'window.start' }, boardMember);
  send('2027-01-11T09:00:00Z', { type: 'application.create', item: 'garden' }, applicant);
  return { clock, instance, send };
}

describe('timing on items', () => {
  it('plans an event due once, 14 days after another event of the item, and acts when it is missed', () => {
    const { instance, send } = started();
    send('2027-03-01T09:00:00Z', { type: 'application.refuse', item: 'garden' }, boardMember);
    const plan = instance.schedule().plan as Plan;
    expect(plan.steps['garden.appeal']?.start).toBe('2027-03-15');
    expect(plan.steps['garden.appeal']?.recorded.finish).toBe(false);
    expect(instance.deadlines().filter((d) => d.step === 'garden.appeal')).toMatchObject([
      { id: 'garden.appeal:due', date: '2027-03-15' },
      { id: 'garden.appeal:opens', date: '2027-03-15' },
      {
        id: 'garden.appeal:overdue',
        date: '2027-03-16',
        act: { type: 'application.expire', item: 'garden' },
      },
    ]);
  });

  it('an appeal sent in time finishes the planned event: it has no deadlines left', () => {
    const { instance, send } = started();
    send('2027-03-01T09:00:00Z', { type: 'application.refuse', item: 'garden' }, boardMember);
    send('2027-03-08T09:00:00Z', { type: 'application.appeal', item: 'garden' }, applicant);
    const plan = instance.schedule().plan as Plan;
    expect(plan.steps['garden.appeal']).toMatchObject({
      finish: '2027-03-08',
      recorded: { finish: true },
    });
    expect(instance.deadlines().some((d) => d.step === 'garden.appeal')).toBe(false);
  });

  it('plans an item event after a program step: the letter a week after the decisions', () => {
    const { instance } = started();
    const plan = instance.schedule().plan as Plan;
    const decide = plan.steps.decide?.finish;
    expect(decide).toBe('2027-03-12');
    expect(plan.steps['garden.letter']?.start).toBe('2027-03-19');
    expect(instance.deadlines().find((d) => d.id === 'garden.letter:due')?.date).toBe('2027-03-19');
  });

  it('a program step that acts: the window is finished by the timer the day after its fixed date', () => {
    const { instance } = started();
    expect(instance.deadlines().find((d) => d.id === 'window:overdue')).toMatchObject({
      date: '2027-02-27',
      act: { type: 'window.finish' },
    });
  });

  it('a series that escalates 10 working days after a missed occurrence, once per occurrence', () => {
    const { instance, send } = started();
    send('2027-03-01T09:00:00Z', { type: 'application.grant', item: 'garden' }, boardMember);
    const report = instance.deadlines().filter((d) => d.step === 'garden.report');
    expect(report.map((d) => [d.id, d.date, d.act?.type])).toEqual([
      ['garden.report:due', '2027-04-01', undefined],
      ['garden.report:opens', '2027-04-01', undefined],
      ['garden.report:overdue', '2027-04-02', undefined],
      // Ten working days (Monday to Friday) after 2027-04-02, a Friday.
      ['garden.report:act', '2027-04-16', 'application.escalate'],
    ]);
    // The timer's escalation is accepted, by the system actor.
    const escalated = send(
      '2027-04-16T09:00:00Z',
      { type: 'application.escalate', item: 'garden' },
      TIMER_ACTOR,
    );
    expect(escalated.ok).toBe(true);
  });
});
