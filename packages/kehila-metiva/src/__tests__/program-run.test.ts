import { israelCalendar } from '@maslul/timing/israel';
import { describe, expect, it } from 'vitest';
import {
  actors,
  createRun,
  driveTo,
  happyPath,
  initiativeIds,
  recordUntil,
  START,
} from './program-fixtures.js';

const il = israelCalendar();
const DAY = 86_400_000;

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

/** `date` plus `months` calendar months and `days` days, as a plain date (UTC arithmetic). */
function plus(date: string, months: number, days = 0): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('kehilaMetiva run', () => {
  it('runs from S0 to C1 on both tracks, with two teams, four initiatives and five Q meetings', () => {
    const run = createRun();
    const { instance } = run;
    const recorded = (step: string) => instance.snapshot().machine.context.steps[step];

    // Track 1 up to the logic model: scope, five challenges, mapping, launch conference (S4).
    let next = recordUntil(run, 'S5');
    expect(recorded('S4')?.finished).toBe('2027-01-12');
    expect(instance.current()).toEqual({
      strategy: { step: 'S5', running: false },
      pilot: { step: 'X1', running: false },
      support: { step: 'X2', running: false },
      convergence: { step: 'C1', running: false },
      governance: { step: 'Q', running: false },
    });

    // X1 is planned about one month after the recorded S4, on an Israeli working day:
    // 2027-02-12 is a Friday, so the hackathon moves to Sunday 2027-02-14.
    const x1 = instance.schedule().plan.steps.X1;
    expect(x1.dependsOn).toContain('S4');
    expect(daysBetween('2027-01-12', x1.start)).toBeGreaterThanOrEqual(28);
    expect(daysBetween('2027-01-12', x1.start)).toBeLessThanOrEqual(35);
    expect(il.isWorkingDay(x1.start)).toBe(true);
    expect(x1.start).toBe('2027-02-14');

    // S5, the two teams formed and appointed, S6 started, first meetings, then the hackathon.
    next = recordUntil(run, 'homework-club.create', next);
    expect(recorded('X1')?.finished).toBe('2027-02-14');
    expect(instance.current().strategy).toEqual({ step: 'S6', running: true });

    // X4 is planned about nine months after the recorded X1 (8 to 10.5 months).
    const x4 = instance.schedule().plan.steps.X4;
    expect(x4.start >= plus('2027-02-14', 8)).toBe(true);
    expect(x4.start <= plus('2027-02-14', 10, 15)).toBe(true);
    expect(il.isWorkingDay(x4.start)).toBe(true);

    // Initiatives, support, team meetings 2-4, work plans, S6 to S9.
    next = recordUntil(run, 'Q#3', next);
    expect(recorded('S8')?.finished).toBe('2027-04-20');
    expect(instance.current().strategy).toEqual({ step: 'done', running: false });

    // C1 waits for S8 and X4: it is planned no earlier than the recorded S8, and at X4.
    const c1 = instance.schedule().plan.steps.C1;
    expect(c1.dependsOn).toEqual(expect.arrayContaining(['S8', 'X4']));
    expect(c1.start >= '2027-04-20').toBe(true);
    expect(c1.start >= instance.schedule().plan.steps.X4.start).toBe(true);

    // Measurement, X4, the decisions on each initiative, C1 and the last quarterly meeting.
    recordUntil(run, undefined, next);
    expect(instance.history()).toHaveLength(happyPath.length);

    expect(instance.current()).toEqual({
      strategy: { step: 'done', running: false },
      pilot: { step: 'done', running: false },
      support: { step: 'done', running: false },
      convergence: { step: 'done', running: false },
      governance: { step: 'done', running: false },
    });
    const { items, steps } = instance.snapshot().machine.context;
    expect(Object.fromEntries(initiativeIds.map((id) => [id, items[id]?.state]))).toEqual({
      'homework-club': 'continued',
      'courtyard-gardens': 'continued',
      'elderly-phone-circle': 'stopped',
      'cable-car': 'stopped',
    });
    expect(items['team-social']?.state).toBe('planned');
    expect(items['team-urban']?.state).toBe('planned');
    expect(steps.C1?.finished).toBe('2027-11-17');
    expect(steps.C1?.finished && steps.C1.finished >= (steps.S8?.finished ?? '')).toBe(true);
    expect(steps.Q?.occurrences).toEqual([
      '2026-12-07',
      '2027-03-08',
      '2027-06-07',
      '2027-09-07',
      '2027-12-07',
    ]);
    expect(instance.deadlines()).toEqual([]);

    // Every event was recorded on an Israeli working day, in date order.
    const dates = instance.history().map((entry) => entry.date);
    expect(dates.filter((date) => !il.isWorkingDay(date))).toEqual([]);
    expect([...dates].sort()).toEqual(dates);
  });

  it.each(['social', 'urban'] as const)(
    'T1-T3: the %s team is created, appointed, meets four times two weeks apart, then plans',
    (channel) => {
      const run = createRun();
      recordUntil(run, undefined);
      const events = run.instance.history().filter((entry) => entry.item === `team-${channel}`);
      expect(events.map((entry) => entry.type)).toEqual([
        'team.create',
        'team.appoint',
        'team.meet',
        'team.meet',
        'team.meet',
        'team.meet',
        'team.submitPlan',
      ]);
      expect(events.map((entry) => entry.actor.roles[0])).toEqual([
        'programManager',
        'cityCeo',
        'domainHead',
        'domainHead',
        'domainHead',
        'domainHead',
        'domainHead',
      ]);
      const meetings = events.filter((entry) => entry.type === 'team.meet').map((e) => e.date);
      expect(meetings.slice(1).map((date, i) => daysBetween(meetings[i] ?? date, date))).toEqual([
        14, 14, 14,
      ]);
      expect(events.at(-1)?.trace).toEqual([
        expect.objectContaining({ rule: 'T2', passed: true }),
        expect.objectContaining({ rule: 'T3', passed: true }),
      ]);
    },
  );

  it('plans the program on the Israeli calendar from the start date', () => {
    const { instance } = createRun();
    const { plan } = instance.schedule();
    expect(plan.start).toBe(START);
    expect(plan.calendar.timeZone).toBe('Asia/Jerusalem');
    for (const id of plan.order) {
      const step = plan.steps[id];
      expect(step !== undefined && il.isWorkingDay(step.start)).toBe(true);
    }
  });

  // Support (X2) runs from X1 in a track of its own, so the measurement (X3) is recorded while it
  // runs (PROGRAM X2, X3).
  it('X3: records the six-month measurement while X2 support is still running', () => {
    const run = driveTo('X3');
    const { plan } = run.instance.schedule();
    expect(run.instance.current().support).toEqual({ step: 'X2', running: true });
    expect(plan.steps.X3.start < plan.steps.X2.finish).toBe(true);
    const result = run.send('2027-08-16', { type: 'X3' }, actors.manager);
    expect(result.ok, result.ok ? '' : `${result.refusal.code}: ${result.refusal.message}`).toBe(
      true,
    );
  });
});
