// The mini class that dateIn and startOfDayIn were built on until they read the zone's offset
// themselves: kept here as the oracle their results must match, day for day.
import { TZDateMini } from '@date-fns/tz/date/mini';
// fast-check 4 names only part of its API as named exports; the default export has all of it.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { everyDay, mondayToFriday } from '../calendar.js';
import { about } from '../duration.js';
import { israelCalendar } from '../israel/index.js';
import type { PlainDate } from '../plain-date.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';
import { dateIn, startOfDayIn, statusAt } from '../status.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const QUARTER_HOUR = 900_000;

/**
 * Zones whose days are hard to find the start of: half-hour and 45-minute offsets, a 30-minute
 * DST (Lord Howe), days whose midnight the clock skips (Santiago, Havana, Beirut, Cairo, the
 * Azores and Asuncion spring forward at 00:00; Kathmandu moved from +05:30 to +05:45 at midnight
 * on 1986-01-01), midnights that come twice or fall back into the day before (Havana, the
 * Azores, Santiago, Beirut), and a day that never was (Apia skipped 2011-12-30).
 */
const ZONES = [
  'UTC',
  'Asia/Jerusalem',
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Africa/Cairo',
  'Atlantic/Azores',
  'America/Asuncion',
  'Pacific/Apia',
] as const;

/** Years with every kind of change above: 1986 (Kathmandu), 2011 (Apia), 2024-2027. */
const YEARS = [1986, 2011, 2024, 2025, 2026, 2027];

/**
 * For the tests that go through every day of YEARS in every zone (about 30,000 days, each
 * checked against TZDateMini or Intl): a second or two alone, more beside other builds.
 */
const EVERY_DAY_TIMEOUT = 30_000;

/** Days that a zone skipped: no instant has that local date. */
const SKIPPED = new Set(['Pacific/Apia 2011-12-30']);

function* daysOf(years: readonly number[]): Generator<PlainDate> {
  for (const year of years) {
    for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += DAY) {
      yield new Date(time).toISOString().slice(0, 10) as PlainDate;
    }
  }
}

/** What `check` says is wrong on each day of YEARS in each of the ZONES (nothing: undefined). */
function wrongDays(check: (date: PlainDate, zone: string) => string | undefined): string[] {
  const wrong: string[] = [];
  for (const zone of ZONES) {
    for (const date of daysOf(YEARS)) {
      const problem = check(date, zone);
      if (problem !== undefined) wrong.push(problem);
    }
  }
  return wrong;
}

/** The former dateIn, on TZDateMini (without its cache). */
function oracleDateIn(time: number, timeZone: string): PlainDate {
  const local = new TZDateMini(time, timeZone);
  const day = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
  return new Date(day).toISOString().slice(0, 10) as PlainDate;
}

/** The former startOfDayIn, on TZDateMini (without its cache). */
function oracleStartOfDayIn(date: PlainDate, timeZone: string): number {
  const utc = new Date(date);
  return new TZDateMini(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    timeZone,
  ).getTime();
}

const intlFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date of an instant as Intl reads it: a check that uses no date library. */
function intlDateIn(time: number, timeZone: string): PlainDate {
  let format = intlFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    intlFormats.set(timeZone, format);
  }
  const text = format.format(time); // MM/DD/YYYY
  return `${text.slice(6)}-${text.slice(0, 2)}-${text.slice(3, 5)}` as PlainDate;
}

/**
 * Whether `start` is the first instant of `date` in the zone, as Intl reads it: it is on that
 * date (on a later one for a day the zone skipped), and 1 ms before it and every quarter hour of
 * the two hours before it are earlier dates (no clock goes back more than two hours, so an
 * earlier instant of the date would show there).
 */
function isFirstInstant(start: number, date: PlainDate, timeZone: string): boolean {
  const on = intlDateIn(start, timeZone);
  if (SKIPPED.has(`${timeZone} ${date}`) ? on <= date : on !== date) return false;
  if (intlDateIn(start - 1, timeZone) >= date) return false;
  for (let back = QUARTER_HOUR; back <= 2 * HOUR; back += QUARTER_HOUR) {
    if (intlDateIn(start - back, timeZone) >= date) return false;
  }
  return true;
}

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

  it(
    'gives the date TZDateMini and Intl give on both sides of the start of every day of 1986, 2011 and 2024-2027 in 14 zones',
    () => {
      const wrong = wrongDays((date, zone) => {
        const start = startOfDayIn(date, zone);
        const problems = [start - 1, start].flatMap((time) => {
          const got = dateIn(time, zone);
          const expected = oracleDateIn(time, zone);
          return got !== expected || got !== intlDateIn(time, zone)
            ? [`${new Date(time).toISOString()} ${zone}: ${got}, not ${expected}`]
            : [];
        });
        return problems.length > 0 ? problems.join('; ') : undefined;
      });
      expect(wrong).toEqual([]);
    },
    EVERY_DAY_TIMEOUT,
  );

  it('gives the date TZDateMini and Intl give at any instant from 1973 to 2100', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1973, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (zone, time) => {
          const got = dateIn(time, zone);
          expect(got).toBe(oracleDateIn(time, zone));
          expect(got).toBe(intlDateIn(time, zone));
        },
      ),
      { numRuns: 2_000 },
    );
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

  it(
    'starts every day of 1986, 2011 and 2024-2027 in 14 zones at the first instant Intl reads as that date (the next day, for a day the zone skipped)',
    () => {
      const wrong = wrongDays((date, zone) => {
        const start = startOfDayIn(date, zone);
        return isFirstInstant(start, date, zone)
          ? undefined
          : `${date} ${zone}: ${new Date(start).toISOString()}`;
      });
      expect(wrong).toEqual([]);
    },
    EVERY_DAY_TIMEOUT,
  );

  it(
    'starts every day where TZDateMini started it, unless TZDateMini was wrong (1986-01-01 in Kathmandu; more when the machine keeps a time zone with DST)',
    () => {
      const wrong = wrongDays((date, zone) => {
        const got = startOfDayIn(date, zone);
        const expected = oracleStartOfDayIn(date, zone);
        return got !== expected && isFirstInstant(expected, date, zone)
          ? `${date} ${zone}: ${new Date(got).toISOString()}, not ${new Date(expected).toISOString()}`
          : undefined;
      });
      expect(wrong).toEqual([]);
      // TZDateMini began Kathmandu's 1986-01-01 at 1985-12-31 23:45 +05:30, 15 minutes early.
      expect(oracleStartOfDayIn('1986-01-01', 'Asia/Kathmandu')).not.toBe(
        startOfDayIn('1986-01-01', 'Asia/Kathmandu'),
      );
    },
    EVERY_DAY_TIMEOUT,
  );

  it(
    'starts each day at the same instant whatever time zone the machine keeps',
    async () => {
      const machine = process.env.TZ;
      const days = [...daysOf([2011, 2027])];
      try {
        for (const [zone, offset] of [
          ['America/Santiago', 180],
          ['Pacific/Apia', -780],
          ['Asia/Kathmandu', -345],
        ] as const) {
          process.env.TZ = zone;
          expect(new Date('2027-01-15').getTimezoneOffset()).toBe(offset); // Node took the change
          vi.resetModules(); // no cached starts
          const fresh = await import('../status.js');
          const wrong: string[] = [];
          for (const timeZone of ZONES) {
            for (const date of days) {
              const got = fresh.startOfDayIn(date, timeZone);
              if (got !== startOfDayIn(date, timeZone)) wrong.push(`${date} ${timeZone} (${zone})`);
            }
          }
          expect(wrong).toEqual([]);
        }
      } finally {
        if (machine === undefined) delete process.env.TZ;
        else process.env.TZ = machine;
      }
    },
    EVERY_DAY_TIMEOUT,
  );

  it('starts a day whose midnight the clock skips at its first instant, 01:00 (00:15 in Kathmandu)', () => {
    const starts = (date: PlainDate, zone: string) =>
      new Date(startOfDayIn(date, zone)).toISOString();
    expect(starts('2027-03-14', 'America/Havana')).toBe('2027-03-14T05:00:00.000Z'); // 01:00 -04
    expect(starts('2027-09-05', 'America/Santiago')).toBe('2027-09-05T04:00:00.000Z'); // 01:00 -03
    expect(starts('2027-03-28', 'Asia/Beirut')).toBe('2027-03-27T22:00:00.000Z'); // 01:00 +03
    expect(starts('2027-04-30', 'Africa/Cairo')).toBe('2027-04-29T22:00:00.000Z'); // 01:00 +03
    expect(starts('2027-03-28', 'Atlantic/Azores')).toBe('2027-03-28T01:00:00.000Z'); // 01:00 +00
    expect(starts('2024-10-06', 'America/Asuncion')).toBe('2024-10-06T04:00:00.000Z'); // 01:00 -03
    expect(starts('1986-01-01', 'Asia/Kathmandu')).toBe('1985-12-31T18:30:00.000Z'); // 00:15 +05:45
  });

  it('starts a day whose clock falls back at midnight at its first midnight', () => {
    // Havana: 01:00 -04 goes back to 00:00 -05, so 00:00 comes twice; the first is 04:00Z.
    expect(new Date(startOfDayIn('2027-11-07', 'America/Havana')).toISOString()).toBe(
      '2027-11-07T04:00:00.000Z',
    );
    // Santiago: Sunday 00:00 -03 is Saturday 23:00 -04 again; Sunday comes an hour later.
    expect(new Date(startOfDayIn('2027-04-04', 'America/Santiago')).toISOString()).toBe(
      '2027-04-04T04:00:00.000Z',
    );
  });

  it('starts a day the zone skipped where the next day starts (Apia skipped 2011-12-30)', () => {
    expect(new Date(startOfDayIn('2011-12-30', 'Pacific/Apia')).toISOString()).toBe(
      '2011-12-30T10:00:00.000Z', // 2011-12-29 24:00 -10 became 2011-12-31 00:00 +14
    );
    expect(startOfDayIn('2011-12-31', 'Pacific/Apia')).toBe(
      startOfDayIn('2011-12-30', 'Pacific/Apia'),
    );
  });

  it('gives NaN for a time zone Intl does not know, as before', () => {
    expect(startOfDayIn('2027-01-01', 'Mars/Olympus_Mons')).toBeNaN();
  });
});
