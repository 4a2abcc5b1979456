import { afterEach, describe, expect, it } from 'vitest';
import type { Holiday } from '../calendar.js';
import { israelCalendar, israeliHolidays } from '../israel/index.js';
import type { PlainDate } from '../plain-date.js';

/** The dates of a year's holidays, for compact expectations. */
const datesOf = (holidays: readonly Holiday[]): string[] => holidays.map((h) => h.date);

/** Every date from `from` to `to`, both included. */
function daysBetween(from: PlainDate, to: PlainDate): PlainDate[] {
  const days: PlainDate[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10) as PlainDate);
  }
  return days;
}

// Hand-checked against the Hebrew calendar (and against ICU's Hebrew calendar below): 1 Tishrei
// 5787 and 5788 both fall on Shabbat, so Rosh Hashana, Sukkot and Shmini Atzeret are Saturdays
// and Yom Kippur a Monday in both years.
const AUTUMN_2026 = [
  { date: '2026-09-12', name: 'Rosh Hashana 5787' },
  { date: '2026-09-13', name: 'Rosh Hashana II' },
  { date: '2026-09-21', name: 'Yom Kippur' },
  { date: '2026-09-26', name: 'Sukkot I' },
  { date: '2026-10-03', name: 'Shmini Atzeret' },
];
const AUTUMN_2027 = [
  { date: '2027-10-02', name: 'Rosh Hashana 5788' },
  { date: '2027-10-03', name: 'Rosh Hashana II' },
  { date: '2027-10-11', name: 'Yom Kippur' },
  { date: '2027-10-16', name: 'Sukkot I' },
  { date: '2027-10-23', name: 'Shmini Atzeret' },
];

describe('israeliHolidays', () => {
  it('closes the autumn yamim tovim of 2026 and 2027', () => {
    expect(israeliHolidays(2026).filter((h) => h.date >= '2026-09-01')).toMatchObject(AUTUMN_2026);
    expect(israeliHolidays(2027).filter((h) => h.date >= '2027-09-01')).toMatchObject(AUTUMN_2027);
  });

  it('closes Pesach I and VII and one day of Shavuot, as kept in Israel', () => {
    const spring = israeliHolidays(2027).filter((h) => h.date < '2027-09-01');
    expect(spring).toMatchObject([
      { date: '2027-04-22', name: 'Pesach I' },
      { date: '2027-04-28', name: 'Pesach VII' },
      { date: '2027-05-12', name: "Yom HaAtzma'ut" },
      { date: '2027-06-11', name: 'Shavuot' },
    ]);
  });

  it('leaves out the second days kept only outside Israel', () => {
    const dates = datesOf(israeliHolidays(2027));
    // Pesach II, Pesach VIII, Shavuot II, Sukkot II, Simchat Torah in the Diaspora.
    for (const date of ['2027-04-23', '2027-04-29', '2027-06-12', '2027-10-17', '2027-10-24']) {
      expect(dates).not.toContain(date);
    }
  });

  it('leaves out fasts, minor and other modern holidays', () => {
    const dates = datesOf(israeliHolidays(2027));
    // Purim, Yom HaShoah, Yom HaZikaron, Yom Yerushalayim, Tish'a B'Av, Chanukah I.
    for (const date of [
      '2027-03-23',
      '2027-05-04',
      '2027-05-11',
      '2027-06-04',
      '2027-08-12',
      '2027-12-25',
    ]) {
      expect(dates).not.toContain(date);
    }
  });

  it("closes Yom HaAtzma'ut on 5 Iyar, or on the day hebcal moves it to away from Shabbat", () => {
    const atzmaut = (year: number): string[] =>
      datesOf(israeliHolidays(year).filter((h) => h.name === "Yom HaAtzma'ut"));
    expect(atzmaut(2027)).toEqual(['2027-05-12']); // 5 Iyar, a Wednesday
    // 5 Iyar 5788 is Monday 1 May: moved to Tuesday so Yom HaZikaron does not start on Shabbat.
    expect(atzmaut(2028)).toEqual(['2028-05-02']);
    // 5 Iyar 5789 is Friday 20 April: brought forward to Thursday.
    expect(atzmaut(2029)).toEqual(['2029-04-19']);
  });

  it('names every day in English and in Hebrew', () => {
    const holidays = israeliHolidays(2027, { cholHamoed: true, erev: true });
    for (const holiday of holidays) {
      expect(holiday.names?.he).toMatch(/[\u05d0-\u05ea]/);
      expect(holiday.name).toMatch(/^[A-Za-z]/);
    }
    expect(holidays.find((h) => h.date === '2027-10-11')).toEqual({
      date: '2027-10-11',
      name: 'Yom Kippur',
      names: { he: 'יוֹם כִּפּוּר' },
    });
  });

  it('gives one holiday per date, sorted, all in the year asked for', () => {
    for (const year of [2026, 2027, 2028]) {
      const dates = datesOf(israeliHolidays(year, { cholHamoed: true, erev: true }));
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    }
  });

  it('with cholHamoed, also closes the intermediate days of Pesach and Sukkot', () => {
    const holidays = israeliHolidays(2027, { cholHamoed: true });
    const dates = datesOf(holidays);
    expect(dates).toEqual(
      expect.arrayContaining([
        ...daysBetween('2027-04-22', '2027-04-28'),
        ...daysBetween('2027-10-16', '2027-10-23'),
      ]),
    );
    expect(holidays.length).toBe(9 + 5 + 6);
    expect(holidays.find((h) => h.date === '2027-10-22')?.name).toBe('Sukkot VII (Hoshana Raba)');
    expect(datesOf(israeliHolidays(2027))).not.toContain('2027-04-25');
  });

  it('with erev, also closes the eve of each yom tov and of no other day', () => {
    const base = new Set(datesOf(israeliHolidays(2027)));
    const eves = israeliHolidays(2027, { erev: true }).filter((h) => !base.has(h.date));
    expect(eves).toMatchObject([
      { date: '2027-04-21', name: 'Erev Pesach' },
      { date: '2027-04-27', name: "Pesach VI (CH''M)" }, // eve of Pesach VII
      { date: '2027-06-10', name: 'Erev Shavuot' },
      { date: '2027-10-01', name: 'Erev Rosh Hashana' },
      { date: '2027-10-10', name: 'Erev Yom Kippur' },
      { date: '2027-10-15', name: 'Erev Sukkot' },
      { date: '2027-10-22', name: 'Sukkot VII (Hoshana Raba)' }, // eve of Shmini Atzeret
    ]);
    expect(eves.find((h) => h.date === '2027-10-10')?.names?.he).toBe('עֶרֶב יוֹם כִּפּוּר');
    // Hebcal flags these EREV too, but no yom tov follows them.
    const dates = eves.map((h) => h.date);
    expect(dates).not.toContain('2027-03-22'); // Erev Purim
    expect(dates).not.toContain('2027-08-11'); // Erev Tish'a B'Av
    expect(dates).not.toContain('2027-12-24'); // Chanukah: 1 Candle
  });

  it("agrees with ICU's Hebrew calendar on every yom tov from 1990 to 2060", () => {
    const hebrew = new Intl.DateTimeFormat('en-u-ca-hebrew', {
      timeZone: 'UTC',
      month: 'long',
      day: 'numeric',
    });
    const yomTov = ['1 Tishri', '2 Tishri', '10 Tishri', '15 Tishri', '22 Tishri'];
    const spring = ['15 Nisan', '21 Nisan', '6 Sivan'];
    for (let year = 1990; year <= 2060; year++) {
      const days = israeliHolidays(year)
        .filter((h) => h.name !== "Yom HaAtzma'ut")
        .map((h) => hebrew.format(new Date(`${h.date}T00:00:00Z`)));
      expect(days, String(year)).toEqual([...spring, ...yomTov]);
    }
  });

  it('rejects a year that is not a whole year from 1900 to 2200', () => {
    expect(() => israeliHolidays(2027.5)).toThrow(/2027.5/);
    expect(() => israeliHolidays(1800)).toThrow(expect.objectContaining({ code: 'invalid-date' }));
  });
});

describe('israelCalendar', () => {
  it('has an id that reflects its options, and dates in Asia/Jerusalem', () => {
    expect(israelCalendar().id).toBe('il');
    expect(israelCalendar({ cholHamoed: true }).id).toBe('il+chol-hamoed');
    expect(israelCalendar({ erev: true }).id).toBe('il+erev');
    expect(israelCalendar({ cholHamoed: true, erev: true }).id).toBe('il+chol-hamoed+erev');
    expect(israelCalendar({ cholHamoed: false, erev: undefined }).id).toBe('il');
    expect(israelCalendar().timeZone).toBe('Asia/Jerusalem');
  });

  it('works Sunday to Thursday and closes Friday and Saturday', () => {
    const il = israelCalendar();
    // 2027-01-03 is a Sunday, in a week with no holiday.
    expect(daysBetween('2027-01-03', '2027-01-09').map((d) => il.isWorkingDay(d))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("closure() names a weekend day 'Friday' or 'Saturday'", () => {
    const il = israelCalendar();
    expect(il.closure('2027-01-08')).toEqual({
      date: '2027-01-08',
      kind: 'weekend',
      name: 'Friday',
    });
    expect(il.closure('2027-01-09')).toEqual({
      date: '2027-01-09',
      kind: 'weekend',
      name: 'Saturday',
    });
    expect(il.closure('2027-01-10')).toBeUndefined();
  });

  it('closure() gives a holiday its English and Hebrew names, even on a Saturday', () => {
    const il = israelCalendar();
    expect(il.closure('2027-10-11')).toEqual({
      date: '2027-10-11',
      kind: 'holiday',
      name: 'Yom Kippur',
      names: { he: 'יוֹם כִּפּוּר' },
    });
    // Rosh Hashana 5788 is a Saturday: the holiday is the better explanation.
    expect(il.closure('2027-10-02')).toMatchObject({
      kind: 'holiday',
      name: 'Rosh Hashana 5788',
      names: { he: 'רֹאשׁ הַשָּׁנָה 5788' },
    });
  });

  it('nextWorkingDay() skips a holiday that runs into the weekend', () => {
    const il = israelCalendar();
    // Pesach I 5786 is Thursday 2 April 2026: Thursday, Friday, Saturday are closed.
    expect(il.nextWorkingDay('2026-04-02')).toBe('2026-04-05');
    // Erev Rosh Hashana 5787 is a Friday, then Rosh Hashana I (Saturday) and II (Sunday).
    expect(il.nextWorkingDay('2026-09-11')).toBe('2026-09-14');
    expect(il.nextWorkingDay('2027-10-01')).toBe('2027-10-04');
    // Shavuot 5787 is a Friday.
    expect(il.nextWorkingDay('2027-06-11')).toBe('2027-06-13');
    expect(il.nextWorkingDay('2027-06-10')).toBe('2027-06-10');
  });

  it('with cholHamoed, nextWorkingDay() skips the whole festival', () => {
    const il = israelCalendar({ cholHamoed: true });
    expect(il.nextWorkingDay('2026-04-02')).toBe('2026-04-09');
    expect(il.nextWorkingDay('2027-10-16')).toBe('2027-10-24');
    expect(il.closure('2027-04-25')).toMatchObject({ kind: 'holiday', name: "Pesach IV (CH''M)" });
  });

  it('with erev, closes the eve and moves the day before it', () => {
    const il = israelCalendar({ erev: true });
    expect(il.isWorkingDay('2027-10-10')).toBe(false); // Erev Yom Kippur, a Sunday
    expect(il.nextWorkingDay('2027-10-10')).toBe('2027-10-12');
    expect(il.nextWorkingDay('2027-04-21')).toBe('2027-04-25'); // Erev Pesach to Sunday
    expect(israelCalendar().nextWorkingDay('2027-04-21')).toBe('2027-04-21');
  });

  it('crosses a year end, loading the holidays of both years', () => {
    const il = israelCalendar();
    // 2027-12-31 is a Friday; 2028-01-01 a Saturday.
    expect(il.nextWorkingDay('2027-12-31')).toBe('2028-01-02');
    expect(il.isWorkingDay('2027-12-30')).toBe(true);
    expect(il.closure('2027-10-23')).toMatchObject({ kind: 'holiday', name: 'Shmini Atzeret' });
    // Pesach I 5788 is Tuesday 11 April 2028.
    expect(il.closure('2028-04-11')).toMatchObject({ kind: 'holiday', name: 'Pesach I' });
    // Asked about the later year first, it still loads the earlier one.
    const backwards = israelCalendar();
    expect(backwards.closure('2027-01-01')).toMatchObject({ kind: 'weekend', name: 'Friday' });
    expect(backwards.isWorkingDay('2026-12-31')).toBe(true);
    expect(backwards.closure('2026-09-21')).toMatchObject({ name: 'Yom Kippur' });
  });

  describe('under any process time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    /** Everything the calendar says about the days around both 2027 DST changes and more. */
    function snapshot(): unknown {
      const il = israelCalendar({ cholHamoed: true, erev: true });
      const days = [
        // Israel moves its clocks on Friday 26 March 2027, Europe on Sunday 28 March, both back on
        // Sunday 31 October; Pesach, Rosh Hashana and the year end are where dates could slip.
        ...daysBetween('2027-03-20', '2027-04-30'),
        ...daysBetween('2027-09-28', '2027-11-02'),
        ...daysBetween('2026-12-28', '2027-01-04'),
        ...daysBetween('2026-09-08', '2026-09-16'),
      ];
      return {
        holidays: [2026, 2027, 2028].map((y) => israeliHolidays(y, { cholHamoed: true })),
        erev: israeliHolidays(2027, { erev: true }),
        days: days.map((d) => [d, il.isWorkingDay(d), il.closure(d), il.nextWorkingDay(d)]),
      };
    }

    it('gives the same dates in Jerusalem, Berlin, Los Angeles and Tokyo as in UTC', () => {
      process.env.TZ = 'UTC';
      const expected = snapshot();
      for (const [zone, januaryOffset] of [
        ['Asia/Jerusalem', -120],
        ['Europe/Berlin', -60],
        ['America/Los_Angeles', 480],
        ['Asia/Tokyo', -540],
      ] as const) {
        process.env.TZ = zone;
        // Guards the test itself: the zone change must reach Date, or this proves nothing.
        expect(new Date(2027, 0, 1).getTimezoneOffset(), zone).toBe(januaryOffset);
        expect(snapshot(), zone).toEqual(expected);
      }
    });
  });
});
