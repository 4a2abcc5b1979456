import { afterEach, describe, expect, it } from 'vitest';
import { createCalendar, everyDay, mondayToFriday, type WorkCalendar } from '../calendar.js';
import { exactly } from '../duration.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('mondayToFriday', () => {
  it('works Monday to Friday and moves weekends to Monday', () => {
    expect(mondayToFriday.isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(mondayToFriday.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(mondayToFriday.nextWorkingDay('2026-11-28')).toBe('2026-11-30');
    expect(mondayToFriday.nextWorkingDay('2026-11-30')).toBe('2026-11-30');
    expect(mondayToFriday.closure('2026-11-29')).toEqual({
      date: '2026-11-29',
      kind: 'weekend',
      name: 'Sunday',
    });
    expect(mondayToFriday.closure('2026-11-30')).toBeUndefined();
  });

  it('crosses a year end', () => {
    // 2027-01-01 is a Friday, 2028-01-01 a Saturday.
    expect(mondayToFriday.nextWorkingDay('2026-12-31')).toBe('2026-12-31');
    expect(mondayToFriday.nextWorkingDay('2027-01-02')).toBe('2027-01-04');
    expect(mondayToFriday.nextWorkingDay('2027-12-31')).toBe('2027-12-31');
    expect(mondayToFriday.nextWorkingDay('2028-01-01')).toBe('2028-01-03');
  });

  it('refuses a date that is not YYYY-MM-DD, naming it', () => {
    expect(() => mondayToFriday.isWorkingDay('2027-02-30' as '2027-02-28')).toThrow(
      expect.objectContaining({
        code: 'invalid-date',
        message: expect.stringContaining('"2027-02-30"'),
      }),
    );
  });
});

describe('everyDay', () => {
  it('never moves a date', () => {
    expect(everyDay.nextWorkingDay('2026-11-28')).toBe('2026-11-28');
  });
});

describe('createCalendar', () => {
  const berlin = createCalendar({
    id: 'de-be',
    timeZone: 'Europe/Berlin',
    holidays: (year) => [
      { date: `${year}-01-01`, name: "New Year's Day" },
      { date: `${year}-12-25`, name: 'Christmas Day', names: { de: '1. Weihnachtstag' } },
      { date: `${year}-12-26`, name: 'Boxing Day' },
    ],
  });

  it('moves past holidays and weekends, and names them', () => {
    // 2026-12-25 Friday, 26 Saturday, 27 Sunday.
    expect(berlin.nextWorkingDay('2026-12-25')).toBe('2026-12-28');
    expect(berlin.closure('2026-12-25')).toEqual({
      date: '2026-12-25',
      kind: 'holiday',
      name: 'Christmas Day',
      names: { de: '1. Weihnachtstag' },
    });
  });

  it('loads the holidays of each year it reaches, across a year end', () => {
    // 2027-12-31 Friday is open; 2028-01-01 Saturday; 2027-01-01 Friday is a holiday.
    expect(berlin.isWorkingDay('2027-01-01')).toBe(false);
    expect(berlin.nextWorkingDay('2026-12-31')).toBe('2026-12-31');
    expect(berlin.nextWorkingDay('2027-01-01')).toBe('2027-01-04');
    expect(berlin.nextWorkingDay('2099-12-25')).toBe('2099-12-28');
  });

  it('takes a fixed list of holidays', () => {
    const calendar = createCalendar({
      id: 'fixed',
      weekend: ['friday', 'saturday'],
      holidays: [{ date: '2027-03-02', name: 'Founders day' }],
    });
    expect(calendar.nextWorkingDay('2027-03-02')).toBe('2027-03-03');
    expect(calendar.nextWorkingDay('2027-03-05')).toBe('2027-03-07'); // Friday -> Sunday
  });

  it('refuses a bad weekday, a week with no working day and a bad time zone', () => {
    expect(() => createCalendar({ id: 'x', weekend: ['caturday' as 'saturday'] })).toThrow(
      expect.objectContaining({ code: 'invalid-calendar', path: ['weekend', 0] }),
    );
    const all = [
      'sunday',
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
      'saturday',
    ] as const;
    expect(() => createCalendar({ id: 'x', weekend: all })).toThrow(/at least one working day/);
    expect(() => createCalendar({ id: 'x', timeZone: 'Mars/Olympus' })).toThrow(
      expect.objectContaining({ code: 'invalid-calendar', path: ['timeZone'] }),
    );
  });

  it('refuses a bad holiday date whole, leaving no year half-loaded', () => {
    const calendar = createCalendar({
      id: 'bad',
      holidays: (year) => [
        { date: `${year}-05-01`, name: 'Labour day' },
        { date: `${year}-13-01` as `${number}-${number}-${number}`, name: 'Typo' },
      ],
    });
    expect(() => calendar.isWorkingDay('2027-05-03')).toThrow(
      expect.objectContaining({ code: 'invalid-date' }),
    );
    // Asked again, it fails again rather than answering with half a year of holidays.
    expect(() => calendar.isWorkingDay('2027-05-04')).toThrow(
      expect.objectContaining({ code: 'invalid-date' }),
    );
  });

  it('refuses a calendar with no working day for a year ahead', () => {
    const closed = createCalendar({
      id: 'closed',
      weekend: ['saturday', 'sunday'],
      holidays: (year) =>
        Array.from({ length: 366 }, (_, i) => {
          const date = new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10);
          return { date: date as `${number}-${number}-${number}`, name: 'Closed' };
        }),
    });
    expect(() => closed.nextWorkingDay('2027-01-01')).toThrow(
      expect.objectContaining({ code: 'no-working-day' }),
    );
  });

  it('works with calendars written by hand against the interface', () => {
    const tuesdaysOnly: WorkCalendar = {
      id: 'tuesdays',
      timeZone: 'UTC',
      isWorkingDay: (date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 2,
      closure: (date) =>
        new Date(`${date}T00:00:00Z`).getUTCDay() === 2
          ? undefined
          : { date, kind: 'weekend', name: 'Not Tuesday' },
      nextWorkingDay: (date) => {
        const d = new Date(`${date}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + ((9 - d.getUTCDay()) % 7));
        return d.toISOString().slice(0, 10) as `${number}-${number}-${number}`;
      },
      addWorkingDays: (date, count) => {
        const d = new Date(`${date}T00:00:00Z`);
        for (let left = count; left > 0; ) {
          d.setUTCDate(d.getUTCDate() + 1);
          if (d.getUTCDay() === 2) left--;
        }
        return d.toISOString().slice(0, 10) as `${number}-${number}-${number}`;
      },
    };
    const plan = solve(defineSchedule({ a: {}, b: { after: { step: 'a', lag: 'P1D' } } }), {
      start: '2027-01-04',
      calendar: tuesdaysOnly,
    });
    expect(plan.steps.a.start).toBe('2027-01-05');
    expect(plan.steps.b.start).toBe('2027-01-12');
    // The solver counts working days with the calendar's isWorkingDay, not its own method.
    const inWorkingDays = solve(
      defineSchedule({ a: {}, b: { after: { step: 'a', lag: exactly(2, 'workingDays') } } }),
      { start: '2027-01-04', calendar: tuesdaysOnly },
    );
    expect(inWorkingDays.steps.b.start).toBe('2027-01-19');
  });
});

describe('calendars across daylight-saving changes', () => {
  const schedule = defineSchedule({
    a: {},
    b: { after: { step: 'a', lag: 'P1D' } },
    c: { after: { step: 'b', lag: 'P1D' } },
    d: { after: { step: 'c', lag: 'P1W' } },
    e: { after: { step: 'd', lag: 'P1M' } },
  });
  // Israel moves its clocks on Friday 2027-03-26, most of Europe on Sunday 2027-03-28 and back
  // on Sunday 2027-10-31 (Israel too, in 2027).
  const starts = ['2027-03-25', '2027-03-27', '2027-10-29', '2027-10-30'] as const;

  for (const tz of [
    'UTC',
    'Asia/Jerusalem',
    'Europe/Berlin',
    'America/New_York',
    'Pacific/Kiritimati',
  ]) {
    it(`plans the same dates when the process time zone is ${tz}`, () => {
      process.env.TZ = tz;
      const plans = starts.map((start) => {
        const plan = solve(schedule, { start, calendar: everyDay });
        return plan.order.map((id) => plan.steps[id].start);
      });
      expect(plans).toEqual([
        ['2027-03-25', '2027-03-26', '2027-03-27', '2027-04-03', '2027-05-03'],
        ['2027-03-27', '2027-03-28', '2027-03-29', '2027-04-05', '2027-05-05'],
        ['2027-10-29', '2027-10-30', '2027-10-31', '2027-11-07', '2027-12-07'],
        ['2027-10-30', '2027-10-31', '2027-11-01', '2027-11-08', '2027-12-08'],
      ]);
    });
  }
});
