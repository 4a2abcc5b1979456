import { about } from '@maslul/timing';
import { israelCalendar } from '@maslul/timing/israel';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import { createInstance } from '../instance.js';

// A grants call: applications are open until a published deadline (a Wednesday), and the results
// are announced on a fixed Friday (a day off in Israel: the plan warns and keeps it).
const call = defineProgram('call', { version: 1, label: 'Community grants call' })
  .roles({ officer: { label: 'Grants officer' }, applicant: { label: 'Applicant' } })
  .track('call', 'The call', (t) =>
    t
      .milestone('open', { label: 'Call published', by: ['officer'] })
      .span('applications', { label: 'Applications', by: ['officer'], until: '2027-03-31' })
      .decision('results', {
        label: 'Results announced',
        by: ['officer'],
        on: '2027-04-02',
        rules: [
          {
            id: 'R1',
            reason: 'Results are announced on their published date, not before',
            check: ({ date, fixed }) => date >= (fixed.results ?? date),
          },
        ],
      })
      .milestone('escalated', {
        label: 'Late reports escalated',
        by: ['officer'],
        after: about(10, 'workingDays'),
      }),
  )
  .item(
    'application',
    {
      label: 'Application',
      states: ['submitted'],
      create: {
        by: ['applicant'],
        after: ['open'],
        rules: [
          {
            id: 'A1',
            reason: 'No application after the published deadline',
            check: ({ date, fixed }) => date <= (fixed.applications ?? date),
          },
        ],
      },
    },
    (item) => item,
  )
  .build();

const officer = { id: 'dana', roles: ['officer'] } as const;
const applicant = { id: 'avi', roles: ['applicant'] } as const;

function started() {
  const clock = createManualClock('2027-03-01T08:00:00Z');
  const instance = createInstance(call, { start: '2027-03-01', clock, calendar: israelCalendar() });
  const opened = instance.send({ type: 'open' }, { actor: officer });
  if (!opened.ok) throw opened.refusal;
  return { clock, instance };
}

describe('fixed dates in a program', () => {
  it('plans a span until its fixed date and a decision on its own, unmoved by the calendar', () => {
    const { instance } = started();
    const { plan } = instance.schedule();
    expect(plan.steps.applications).toMatchObject({ finish: '2027-03-31', fixed: '2027-03-31' });
    expect(plan.steps.results).toMatchObject({
      start: '2027-04-02',
      basis: { kind: 'fixed', date: '2027-04-02' },
    });
    // 10 working days after Friday 2 April: 4-8, 11-15 April.
    expect(plan.steps.escalated.start).toBe('2027-04-15');
  });

  it('warns in the plan when a fixed date falls on a day off', () => {
    const { instance } = started();
    expect(instance.schedule().plan.warnings).toEqual([
      expect.objectContaining({ code: 'fixed-on-day-off', step: 'results' }),
    ]);
  });

  it('gives the fixed dates their deadlines', () => {
    const { instance } = started();
    const results = instance.deadlines().filter((d) => d.step === 'results');
    expect(results.map((d) => [d.kind, d.date])).toEqual([
      ['due', '2027-04-02'],
      ['opens', '2027-04-02'],
      ['overdue', '2027-04-03'],
    ]);
  });

  it('lets an item rule read the fixed date: no application after the deadline', () => {
    const { clock, instance } = started();
    clock.advanceTo('2027-03-31T09:00:00Z');
    const onTime = instance.send(
      { type: 'application.create', item: 'garden' },
      { actor: applicant },
    );
    expect(onTime.ok).toBe(true);
    clock.advanceTo('2027-04-01T09:00:00Z');
    const late = instance.send({ type: 'application.create', item: 'bench' }, { actor: applicant });
    expect(late.ok ? 'accepted' : [late.refusal.code, late.refusal.rule]).toEqual([
      'rule-failed',
      'A1',
    ]);
  });

  it('lets a step rule read the fixed date', () => {
    const { clock, instance } = started();
    clock.advanceTo('2027-03-10T09:00:00Z');
    instance.send({ type: 'applications.start' }, { actor: officer });
    instance.send({ type: 'applications.finish' }, { actor: officer });
    const early = instance.send({ type: 'results' }, { actor: officer });
    expect(early.ok ? 'accepted' : early.refusal.rule).toBe('R1');
    clock.advanceTo('2027-04-04T09:00:00Z');
    expect(instance.send({ type: 'results' }, { actor: officer }).ok).toBe(true);
  });

  it('refuses a span with neither a duration nor an until date, and a bad fixed date', () => {
    const build = (options: object) => () =>
      defineProgram('bad', { version: 1, label: 'Bad' })
        .roles({ officer: { label: 'Officer' } })
        .track('t', 'T', (t) =>
          t.span('window', { label: 'Window', by: ['officer'], ...options } as never),
        )
        .build();
    expect(build({})).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'invalid-step', rule: 'core.span-end' })],
      }),
    );
    expect(build({ until: '2027-02-30' })).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({ code: 'invalid-date', path: ['steps', 'window', 'until'] }),
        ],
      }),
    );
  });
});
