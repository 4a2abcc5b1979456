import { describe, expect, it } from 'vitest';
import { createCalendar, mondayToFriday } from '../calendar.js';
import { about, exactly, parseDuration } from '../duration.js';
import { explain } from '../explain.js';
import { forecast } from '../forecast.js';
import { israelCalendar } from '../israel/index.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';

describe('WorkCalendar.addWorkingDays', () => {
  it('counts working days after a date, past weekends', () => {
    expect(mondayToFriday.addWorkingDays('2027-01-01', 1)).toBe('2027-01-04'); // Friday -> Monday
    expect(mondayToFriday.addWorkingDays('2027-01-04', 5)).toBe('2027-01-11');
    expect(mondayToFriday.addWorkingDays('2027-01-02', 1)).toBe('2027-01-04'); // from a Saturday
  });

  it('gives the date itself for 0, a working day or not', () => {
    expect(mondayToFriday.addWorkingDays('2027-01-02', 0)).toBe('2027-01-02');
  });

  it('counts back for a negative count', () => {
    expect(mondayToFriday.addWorkingDays('2027-01-04', -1)).toBe('2027-01-01');
    expect(mondayToFriday.addWorkingDays('2027-01-11', -5)).toBe('2027-01-04');
  });

  it('counts across the Israeli holidays: 10 working days from before Rosh Hashana 5788', () => {
    const il = israelCalendar();
    // Past Friday 1 October, Rosh Hashana (2-3), the weekend of 8-9, Yom Kippur (11) and the
    // weekend of 15-16 (Sukkot I on the Saturday).
    expect(il.addWorkingDays('2027-09-30', 1)).toBe('2027-10-04');
    expect(il.addWorkingDays('2027-09-30', 10)).toBe('2027-10-18');
    expect(il.addWorkingDays('2027-10-18', -10)).toBe('2027-09-30');
    // With chol hamoed closed, Sukkot runs from 16 to 23 October.
    expect(israelCalendar({ cholHamoed: true }).addWorkingDays('2027-09-30', 10)).toBe(
      '2027-10-25',
    );
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => mondayToFriday.addWorkingDays('2027-01-04', 1.5)).toThrow(
      expect.objectContaining({ code: 'invalid-duration' }),
    );
  });

  it('refuses a calendar with no working day to count back to', () => {
    const closed = createCalendar({
      id: 'closed-until-2027',
      holidays: (year) =>
        year < 2027
          ? Array.from({ length: 366 }, (_, i) => {
              const date = new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10);
              return { date: date as `${number}-${number}-${number}`, name: 'Closed' };
            })
          : [],
    });
    expect(() => closed.addWorkingDays('2027-01-01', -1)).toThrow(
      expect.objectContaining({ code: 'no-working-day' }),
    );
  });
});

describe('durations in working days', () => {
  it('about(10, "workingDays") is 8 to 12 working days', () => {
    const d = about(10, 'workingDays');
    expect(d.nominal).toEqual({ months: 0, days: 0, workingDays: 10 });
    expect(d.earliest).toEqual({ months: 0, days: 0, workingDays: 8 });
    expect(d.latest).toEqual({ months: 0, days: 0, workingDays: 12 });
    expect(d.text).toBe('about 10 working days');
  });

  it('exactly(n, "workingDays") has no window', () => {
    const d = exactly(1, 'workingDays');
    expect(d.earliest).toEqual(d.nominal);
    expect(d.latest).toEqual(d.nominal);
    expect(d.text).toBe('exactly 1 working day');
  });

  it('takes a window in other units, and refuses one that excludes the nominal length', () => {
    expect(about(10, 'workingDays', { latest: 'P3W' }).latest).toEqual({ months: 0, days: 21 });
    expect(() => about(10, 'workingDays', { latest: 'P1W' })).toThrow(
      expect.objectContaining({ code: 'window-excludes-nominal' }),
    );
  });

  it('names workingDays among the units when the unit is wrong', () => {
    expect(() => about(1, 'fortnights' as never)).toThrow(/"workingDays"/);
  });

  it('keeps calendar-day durations as they were: no workingDays field', () => {
    expect(about(2, 'weeks').nominal).toEqual({ months: 0, days: 14 });
    expect(parseDuration('P10D').latest).toEqual({ months: 0, days: 12 });
  });
});

describe('solve with working-day lags and spans', () => {
  const il = israelCalendar();
  const schedule = defineSchedule({
    missed: { label: 'Report missed' },
    escalate: { label: 'Escalation', after: { step: 'missed', lag: about(10, 'workingDays') } },
    fix: { label: 'Fix', after: 'escalate', duration: exactly(5, 'workingDays') },
  });

  it('plans 10 working days of the Israeli calendar past Rosh Hashana and Yom Kippur', () => {
    const plan = solve(schedule, { start: '2027-09-30', calendar: il });
    expect(plan.steps.escalate.start).toBe('2027-10-18');
    // 8 and 12 working days.
    expect(plan.steps.escalate.window).toEqual({ earliest: '2027-10-14', latest: '2027-10-20' });
    expect(plan.steps.fix.finish).toBe('2027-10-25');
    expect(explain(plan, 'escalate')).toContain('about 10 working days after "missed"');
  });

  it('counts the same lag in Monday-to-Friday days on another calendar', () => {
    const plan = solve(schedule, { start: '2027-09-30', calendar: mondayToFriday });
    expect(plan.steps.escalate.start).toBe('2027-10-14');
  });

  it('re-plans from a recorded fact', () => {
    const plan = solve(schedule, {
      start: '2027-09-30',
      calendar: il,
      facts: { missed: '2027-10-04' },
    });
    // 5-7, 10, 12-14, 17-19 October.
    expect(plan.steps.escalate.start).toBe('2027-10-19');
  });

  it('measures slack back through working-day lags', () => {
    const chain = defineSchedule({
      a: {},
      b: { after: { step: 'a', lag: exactly(2, 'workingDays') } },
      c: { after: { step: 'b', lag: exactly(3, 'workingDays') } },
      d: { after: { step: 'a', lag: exactly(21, 'days') } },
    });
    const plan = solve(chain, { start: '2027-01-04', calendar: mondayToFriday });
    expect([plan.steps.b.start, plan.steps.c.start, plan.steps.d.start]).toEqual([
      '2027-01-06',
      '2027-01-11',
      '2027-01-25',
    ]);
    // c may slip to 25 January; b to 20 January (3 working days before the 25th is the 20th).
    expect(plan.steps.c.slack).toBe(14);
    expect(plan.steps.b.slack).toBe(14);
  });

  it('forecasts within the working-day window, on working days', () => {
    const plan = solve(schedule, { start: '2027-09-30', calendar: il });
    const { steps } = forecast(schedule, { start: '2027-09-30', calendar: il, samples: 400 });
    const { p10, p50, p90 } = steps.escalate.start;
    expect(p10 >= plan.steps.escalate.window.earliest).toBe(true);
    expect(p90 <= plan.steps.escalate.window.latest).toBe(true);
    for (const date of [p10, p50, p90]) expect(il.isWorkingDay(date)).toBe(true);
  });
});
