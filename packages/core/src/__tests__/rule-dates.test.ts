import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import { createInstance } from '../instance.js';

/** Whole days from one plain date to another. */
const differenceInCalendarDays = (later: string, earlier: string) =>
  (Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / 86_400_000;

/** A call that closes, a review at least 5 days later, results, and appeals within 14 days. */
const call = defineProgram('dated', { version: 1, label: 'Dated rules' })
  .roles({ office: { label: 'Office' }, applicant: { label: 'Applicant' } })
  .track('main', 'Main', (t) =>
    t
      .span('applications', { label: 'Applications', by: ['office'], duration: 'P30D' })
      .review('review', {
        label: 'Review',
        by: ['office'],
        rules: [
          {
            id: 'D1',
            reason: 'The review is at least 5 days after the call closed',
            check: ({ date, dates }) => {
              const closed = dates.applications?.finished;
              return closed !== undefined && differenceInCalendarDays(date, closed) >= 5;
            },
          },
        ],
      })
      .decision('results', { label: 'Results', by: ['office'] }),
  )
  .item(
    'appeal',
    {
      label: 'Appeal',
      states: ['lodged'],
      create: {
        by: ['applicant'],
        after: ['results'],
        rules: [
          {
            id: 'D2',
            reason: 'An appeal is lodged within 14 days of the results',
            check: ({ date, dates }) =>
              dates.results?.finished !== undefined &&
              differenceInCalendarDays(date, dates.results.finished) <= 14,
          },
        ],
      },
    },
    (appeal) => appeal,
  )
  .build();

const office = { id: 'dana', roles: ['office'] as const };
const applicant = { id: 'noa', roles: ['applicant'] as const };

function closedOn(day: string) {
  const clock = createManualClock('2027-03-01T09:00:00Z');
  const instance = createInstance(call, { start: '2027-03-01', clock });
  instance.send({ type: 'applications.start' }, { actor: office });
  clock.advanceTo(`${day}T09:00:00Z`);
  const closed = instance.send({ type: 'applications.finish' }, { actor: office });
  if (!closed.ok) throw closed.refusal;
  return { clock, instance };
}

describe('rules see recorded dates', () => {
  it('a step rule reads the finish of an earlier span', () => {
    const { clock, instance } = closedOn('2027-03-31');
    clock.advanceTo('2027-04-03T09:00:00Z');
    const early = instance.send({ type: 'review' }, { actor: office });
    expect(early.ok ? undefined : early.refusal).toMatchObject({ code: 'rule-failed', rule: 'D1' });
    clock.advanceTo('2027-04-05T09:00:00Z');
    expect(instance.send({ type: 'review' }, { actor: office }).ok).toBe(true);
  });

  it('an item rule reads the date of a decision', () => {
    const { clock, instance } = closedOn('2027-03-31');
    clock.advanceTo('2027-04-05T09:00:00Z');
    instance.send({ type: 'review' }, { actor: office });
    instance.send({ type: 'results' }, { actor: office });
    clock.advanceTo('2027-04-19T09:00:00Z');
    expect(instance.send({ type: 'appeal.create', item: 'a1' }, { actor: applicant }).ok).toBe(
      true,
    );
    clock.advanceTo('2027-04-20T09:00:00Z');
    const late = instance.send({ type: 'appeal.create', item: 'a2' }, { actor: applicant });
    expect(late.ok ? undefined : late.refusal.rule).toBe('D2');
  });
});
