import { describe, expect, it } from 'vitest';
import { addLength } from '../add-length.js';
import { createCalendar, everyDay, mondayToFriday } from '../calendar.js';
import { about, exactly } from '../duration.js';
import { TimingError } from '../errors.js';
import { israelCalendar } from '../israel/index.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';

describe('addLength', () => {
  it('adds months as date-fns does: the last day of a shorter month, not a day past it', () => {
    expect(addLength('2027-01-31', { months: 1, days: 0 })).toBe('2027-02-28');
    expect(addLength('2028-01-31', { months: 1, days: 0 })).toBe('2028-02-29'); // a leap year
    expect(addLength('2027-03-31', { months: 1, days: 0 })).toBe('2027-04-30');
    expect(addLength('2027-01-31', about(1, 'months').nominal)).toBe('2027-02-28');
    expect(addLength('2027-03-31', { months: -1, days: 0 })).toBe('2027-02-28');
  });

  it('adds the months first, then the days', () => {
    // 30 January + 1 month = 28 February, + 1 day = 1 March; days first would give 28 February.
    expect(addLength('2027-01-30', { months: 1, days: 1 })).toBe('2027-03-01');
    expect(addLength('2027-01-10', { months: 0, days: 14 })).toBe('2027-01-24');
    expect(addLength('2027-03-01', { months: 0, days: -1 })).toBe('2027-02-28');
  });

  it('adds working days last, with the calendar, past a weekend', () => {
    // Friday 1 January 2027 + 1 working day is Monday 4 January.
    expect(addLength('2027-01-01', exactly(1, 'workingDays').nominal, mondayToFriday)).toBe(
      '2027-01-04',
    );
    // 31 January 2027 + 1 month = Sunday 28 February; + 1 working day = Monday 1 March.
    expect(addLength('2027-01-31', { months: 1, days: 0, workingDays: 1 }, mondayToFriday)).toBe(
      '2027-03-01',
    );
    expect(addLength('2027-01-01', exactly(1, 'workingDays').nominal, everyDay)).toBe('2027-01-02');
  });

  it('adds working days past a holiday of the calendar', () => {
    const berlin = createCalendar({
      id: 'de-be',
      holidays: [{ date: '2027-10-04', name: 'Bridge day' }],
    });
    // Friday 1 October: Monday 4 is a holiday, so one working day later is Tuesday 5.
    expect(addLength('2027-10-01', exactly(1, 'workingDays').nominal, berlin)).toBe('2027-10-05');
    // Thursday 30 September 2027, the eve of Rosh Hashana 5788: 10 working days later.
    expect(addLength('2027-09-30', about(10, 'workingDays').nominal, israelCalendar())).toBe(
      '2027-10-18',
    );
  });

  it('leaves the date where the length puts it, a day off or not', () => {
    expect(addLength('2027-01-02', { months: 0, days: 0 })).toBe('2027-01-02'); // a Saturday
    expect(addLength('2027-01-31', { months: 1, days: 0 })).toBe('2027-02-28'); // a Sunday
  });

  it('gives the date the solver plans before moving it to a working day', () => {
    const lag = { months: 1, days: 3, workingDays: 2 };
    const schedule = defineSchedule({
      a: {},
      b: { after: { step: 'a', lag: { nominal: lag, earliest: lag, latest: lag, text: 'x' } } },
    });
    const plan = solve(schedule, { start: '2027-01-29', calendar: mondayToFriday });
    // Friday 29 January + 1 month = 28 February, + 3 days = Wednesday 3 March, + 2 working days.
    expect(plan.steps.b.basis).toMatchObject({ kind: 'relation', date: '2027-03-05' });
    expect(addLength('2027-01-29', lag, mondayToFriday)).toBe('2027-03-05');
  });

  it('refuses a date that is not YYYY-MM-DD, naming it', () => {
    expect(() => addLength('2027-02-30' as never, { months: 1, days: 0 })).toThrow(TimingError);
    expect(() => addLength('2027-02-30' as never, { months: 1, days: 0 })).toThrow(
      'date is "2027-02-30"',
    );
  });

  it('refuses a length that is not whole months, days and working days', () => {
    const refusal = (() => {
      try {
        addLength('2027-01-04', { months: 0, days: 1.5 });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(TimingError);
    expect((refusal as TimingError).issues[0]).toMatchObject({
      code: 'invalid-duration',
      path: ['length', 'days'],
      rule: 'timing.duration',
    });
  });

  it('refuses to give a date past 2200, as the solver does', () => {
    expect(addLength('2199-12-31', { months: 12, days: 0 })).toBe('2200-12-31');
    expect(() => addLength('2200-06-01', { months: 12, days: 0 })).toThrow(
      'is not a date between 1900 and 2200',
    );
    // Refused at once, not counted a working day at a time.
    expect(() => addLength('2027-01-04', { months: 0, days: 0, workingDays: 1e9 })).toThrow(
      TimingError,
    );
  });
});
