import { describe, expect, it } from 'vitest';
import { everyDay, mondayToFriday } from '../calendar.js';
import { about } from '../duration.js';
import { israelCalendar } from '../israel/index.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';
import { dateIn, startOfDayIn, statusAt } from '../status.js';

describe('statusAt', () => {
  const schedule = defineSchedule({
    a: {},
    b: { after: { step: 'a', lag: about(2, 'weeks') } },
    s: { after: 'a', duration: about(1, 'months') },
  });
  const plan = solve(schedule, {
    start: '2027-01-04',
    calendar: everyDay,
    facts: { a: '2027-01-04', s: { start: '2027-01-05' } },
  });

  it('says done, upcoming, due and overdue from the windows', () => {
    // b: about 2 weeks after 2027-01-04, so it may start from 2027-01-14 to 2027-01-22.
    expect(plan.steps.b.window).toEqual({ earliest: '2027-01-14', latest: '2027-01-22' });
    expect(statusAt(plan, '2027-01-10')).toMatchObject({ a: 'done', b: 'upcoming' });
    expect(statusAt(plan, '2027-01-14').b).toBe('open');
    expect(statusAt(plan, '2027-01-22').b).toBe('open');
    expect(statusAt(plan, '2027-01-23').b).toBe('overdue');
  });

  it('says in progress for a started span until its finish window closes', () => {
    // s started 2027-01-05; about a month, so it may finish up to 2027-02-12.
    expect(plan.steps.s.finishWindow.latest).toBe('2027-02-12');
    expect(statusAt(plan, '2027-02-12').s).toBe('in-progress');
    expect(statusAt(plan, '2027-02-13').s).toBe('overdue');
  });

  it('reads instants in the calendar time zone', () => {
    const utcPlan = solve(schedule, { start: '2027-01-04', calendar: mondayToFriday });
    const ilPlan = solve(schedule, { start: '2027-01-04', calendar: israelCalendar() });
    // 2027-01-13T22:30Z is still the 13th in UTC, already the 14th in Israel (UTC+2).
    const at = new Date('2027-01-13T22:30:00Z');
    expect(utcPlan.steps.b.window.earliest).toBe('2027-01-14');
    expect(statusAt(utcPlan, at).b).toBe('upcoming');
    expect(ilPlan.steps.b.window.earliest).toBe('2027-01-14');
    expect(statusAt(ilPlan, at).b).toBe('open');
    expect(statusAt(ilPlan, at.getTime()).b).toBe('open');
  });

  it('refuses an instant it cannot read', () => {
    expect(() => statusAt(plan, 'next Tuesday')).toThrow(
      expect.objectContaining({ code: 'invalid-instant', path: ['at'] }),
    );
    expect(() => statusAt(plan, Number.NaN)).toThrow(
      expect.objectContaining({ code: 'invalid-instant' }),
    );
  });
});

describe('dateIn', () => {
  it('gives the local date across the Israeli change to summer time (Friday 2027-03-26)', () => {
    expect(dateIn('2027-03-25T21:59:00Z', 'Asia/Jerusalem')).toBe('2027-03-25'); // 23:59 +02
    expect(dateIn('2027-03-25T22:00:00Z', 'Asia/Jerusalem')).toBe('2027-03-26'); // 00:00 +02
    expect(dateIn('2027-03-26T21:30:00Z', 'Asia/Jerusalem')).toBe('2027-03-27'); // 00:30 +03
    expect(dateIn('2027-03-26T20:59:00Z', 'Asia/Jerusalem')).toBe('2027-03-26'); // 23:59 +03
  });

  it('gives the local date across the European change (Sunday 2027-03-28) and back (2027-10-31)', () => {
    expect(dateIn('2027-03-27T23:30:00Z', 'Europe/Berlin')).toBe('2027-03-28'); // 00:30 +01
    expect(dateIn('2027-03-28T22:30:00Z', 'Europe/Berlin')).toBe('2027-03-29'); // 00:30 +02
    expect(dateIn('2027-03-28T22:30:00Z', 'Europe/London')).toBe('2027-03-28'); // 23:30 +01
    expect(dateIn('2027-10-30T22:30:00Z', 'Europe/Berlin')).toBe('2027-10-31'); // 00:30 +02
    expect(dateIn('2027-10-31T23:30:00Z', 'Europe/Berlin')).toBe('2027-11-01'); // 00:30 +01
  });

  it('returns a plain date as it is', () => {
    expect(dateIn('2027-03-26', 'Pacific/Kiritimati')).toBe('2027-03-26');
  });
});

describe('startOfDayIn', () => {
  it('gives the first instant of a day, across the Israeli change to summer time', () => {
    expect(new Date(startOfDayIn('2027-03-26', 'Asia/Jerusalem')).toISOString()).toBe(
      '2027-03-25T22:00:00.000Z',
    );
    expect(new Date(startOfDayIn('2027-03-27', 'Asia/Jerusalem')).toISOString()).toBe(
      '2027-03-26T21:00:00.000Z',
    );
    expect(new Date(startOfDayIn('2027-01-01', 'UTC')).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    expect(dateIn(startOfDayIn('2027-10-31', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2027-10-31');
  });
});
