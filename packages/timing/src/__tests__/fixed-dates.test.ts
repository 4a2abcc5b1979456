import { describe, expect, it } from 'vitest';
import { about, exactly } from '../duration.js';
import { explain } from '../explain.js';
import { forecast } from '../forecast.js';
import { israelCalendar } from '../israel/index.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';

const il = israelCalendar();
const call = defineSchedule({
  open: { label: 'Call published' },
  applications: { label: 'Applications', after: 'open', until: '2027-03-31' },
  review: { label: 'Review', after: { step: 'applications', lag: about(2, 'weeks') } },
  prepare: { label: 'Committee prepares', after: 'open' },
  committee: {
    label: 'Committee meets',
    after: { step: 'prepare', lag: exactly(1, 'weeks') },
    on: '2027-04-02',
  },
});
const options = { start: '2027-03-01', calendar: il } as const;

describe('fixed dates', () => {
  it('keeps a span until its fixed date, unmoved, with no window around it', () => {
    const plan = solve(call, options);
    expect(plan.steps.applications).toMatchObject({
      kind: 'span',
      start: '2027-03-01',
      finish: '2027-03-31',
      finishWindow: { earliest: '2027-03-31', latest: '2027-03-31' },
      finishMoved: undefined,
      fixed: '2027-03-31',
    });
    expect(plan.steps.review.start).toBe('2027-04-14');
    expect(explain(plan, 'applications')).toContain('It runs to 2027-03-31, its fixed date.');
  });

  it('keeps a milestone on its fixed date even on a day off, and warns', () => {
    const plan = solve(call, options);
    // Friday 2 April 2027 is a day off in Israel: the calendar does not move a fixed date.
    expect(plan.steps.committee).toMatchObject({
      start: '2027-04-02',
      window: { earliest: '2027-04-02', latest: '2027-04-02' },
      basis: { kind: 'fixed', date: '2027-04-02' },
      fixed: '2027-04-02',
    });
    expect(plan.warnings).toEqual([
      {
        code: 'fixed-on-day-off',
        step: 'committee',
        message:
          'Step "committee" has the fixed date 2027-04-02, a day off (Friday) in calendar "il"; the calendar does not move a fixed date, so check it is meant.',
      },
    ]);
    expect(explain(plan, 'committee')).toMatch(/is fixed on 2027-04-02/);
  });

  it('measures the slack of what comes before a fixed date to that date', () => {
    const plan = solve(call, { ...options, target: 'committee' });
    // The committee prepares a week before 2 April at the latest: 26 March is a Friday, so 25.
    expect(plan.steps.prepare.slack).toBe(24);
    expect(plan.steps.committee.slack).toBe(0);
    expect(plan.steps.committee.critical).toBe(true);
    expect(plan.steps.prepare.critical).toBe(false);
  });

  it('warns when what a fixed date waits for comes later, and keeps the date', () => {
    const late = defineSchedule({
      open: {},
      decision: { after: { step: 'open', lag: exactly(3, 'months') }, on: '2027-04-01' },
    });
    const plan = solve(late, options);
    expect(plan.steps.decision.start).toBe('2027-04-01');
    expect(plan.warnings.map((w) => w.code)).toEqual(['fixed-before-predecessor']);
    expect(plan.warnings[0]?.message).toContain('("open") gives 2027-06-01');
  });

  it('gives way to a recorded fact', () => {
    const plan = solve(call, { ...options, facts: { committee: '2027-04-04' } });
    expect(plan.steps.committee.start).toBe('2027-04-04');
    expect(plan.steps.committee.basis.kind).toBe('recorded');
  });

  it('squeezes a span whose start comes after its fixed finish to that day', () => {
    const plan = solve(call, { ...options, start: '2027-04-05' });
    expect(plan.steps.applications.start).toBe('2027-03-31');
    expect(plan.steps.applications.finish).toBe('2027-03-31');
  });

  it('is the same in every forecast sample', () => {
    const { steps } = forecast(call, { ...options, samples: 200 });
    expect(steps.committee.start).toEqual({
      p10: '2027-04-02',
      p50: '2027-04-02',
      p90: '2027-04-02',
    });
    expect(steps.applications.finish.p90).toBe('2027-03-31');
  });

  it('refuses a fixed date that is not a date, or on the wrong kind of step', () => {
    const issues = (steps: object) => {
      try {
        defineSchedule(steps as never);
      } catch (error) {
        return (error as { issues: { code: string; path: unknown[] }[] }).issues.map((i) => [
          i.code,
          i.path.join('.'),
        ]);
      }
      return [];
    };
    expect(issues({ a: { on: '2027-02-30' } })).toEqual([['invalid-date', 'steps.a.on']]);
    expect(issues({ a: { on: '2027-04-01', duration: 'P1W' } })).toEqual([
      ['invalid-step', 'steps.a.on'],
    ]);
    expect(issues({ a: { until: '2027-04-01', duration: 'P1W' } })).toEqual([
      ['invalid-step', 'steps.a.until'],
    ]);
    expect(issues({ a: { on: '2027-04-01', until: '2027-04-02' } })).toEqual([
      ['invalid-step', 'steps.a.until'],
    ]);
    expect(issues({ a: { until: '2027-04-01', repeat: { every: 'P1W', count: 2 } } })).toEqual([
      ['invalid-step', 'steps.a.until'],
    ]);
  });
});
