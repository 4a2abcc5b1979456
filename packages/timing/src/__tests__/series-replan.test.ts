import { describe, expect, it } from 'vitest';
import { mondayToFriday } from '../calendar.js';
import { israelCalendar } from '../israel/index.js';
import { rrule } from '../rrule/index.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';

describe('re-planning a series from its held occurrences', () => {
  const reports = defineSchedule({
    grant: {},
    reports: { after: 'grant', repeat: rrule('FREQ=MONTHLY;BYMONTHDAY=1;COUNT=6') },
  });
  const dates = (plan: ReturnType<typeof solve<'grant' | 'reports'>>) =>
    plan.steps.reports.occurrences?.map((o) => o.date);

  it('keeps the rule’s own dates after an occurrence held late (moved by Rosh Hashana)', () => {
    const il = israelCalendar();
    const planned = solve(reports, { start: '2027-08-01', calendar: il });
    // 1 October 2027 is a Friday before Rosh Hashana: the third report moves to 4 October.
    expect(dates(planned)).toEqual([
      '2027-08-01',
      '2027-09-01',
      '2027-10-04',
      '2027-11-01',
      '2027-12-01',
      '2028-01-02',
    ]);
    const held = solve(reports, {
      start: '2027-08-01',
      calendar: il,
      facts: {
        grant: '2027-08-01',
        reports: { occurrences: ['2027-08-01', '2027-09-01', '2027-10-04'] },
      },
    });
    expect(dates(held)).toEqual(dates(planned));
    expect(held.steps.reports.finish).toBe('2028-01-02');
  });

  it('plans the rest after a late occurrence from the rule, never on or before it', () => {
    const held = solve(reports, {
      start: '2027-08-02',
      calendar: mondayToFriday,
      facts: { reports: { occurrences: ['2027-08-02', '2027-09-01', '2027-10-20'] } },
    });
    expect(dates(held)).toEqual([
      '2027-08-02',
      '2027-09-01',
      '2027-10-20',
      '2027-11-01',
      '2027-12-01',
      '2028-01-03',
    ]);
  });

  it('still re-plans a cadence from the occurrence held late', () => {
    const meetings = defineSchedule({ meetings: { repeat: { every: 'P2W', count: 4 } } });
    const plan = solve(meetings, {
      start: '2027-01-04',
      calendar: mondayToFriday,
      facts: { meetings: { occurrences: ['2027-01-04', '2027-01-20'] } },
    });
    expect(plan.steps.meetings.occurrences?.map((o) => o.date)).toEqual([
      '2027-01-04',
      '2027-01-20',
      '2027-02-03',
      '2027-02-17',
    ]);
  });
});
