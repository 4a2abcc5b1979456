import { type Event, flags, HebrewCalendar } from '@hebcal/core';
import type { Holiday } from '../calendar.js';
import { fail } from '../errors.js';
import { type DayNumber, firstDayOfYear, plainDateOf } from '../plain-date.js';

/**
 * Which days besides the yamim tovim and Yom HaAtzma'ut an Israeli calendar closes. Every option
 * is off by default.
 *
 * @example
 * ```ts
 * import type { IsraelCalendarOptions } from '@maslul/timing/israel';
 *
 * const publicSector: IsraelCalendarOptions = { erev: true };
 * ```
 * @category Calendars
 */
export interface IsraelCalendarOptions {
  /** Also close the intermediate days (chol hamoed) of Sukkot and Pesach, Hoshana Raba included. */
  readonly cholHamoed?: boolean | undefined;
  /**
   * Also close the eve of each yom tov: Erev Rosh Hashana, Erev Yom Kippur, Erev Sukkot, Erev
   * Pesach, Erev Shavuot, and the eves of Shmini Atzeret (Hoshana Raba) and of Pesach VII.
   */
  readonly erev?: boolean | undefined;
}

/**
 * R.D. (Rata Die, hebcal's day count from 0001-01-01) of 1970-01-01. Hebcal's `HDate.abs()` is
 * plain arithmetic, so `abs() - RD_EPOCH` gives our day number with no time zone involved, where
 * `greg()` would give a local-midnight `Date` that shifts a day under `toISOString()` east of UTC.
 */
const RD_EPOCH = 719_163;
const YOM_HAATZMAUT = "Yom HaAtzma'ut";
/** Our plain dates span 1900-2200; hebcal's modern holidays need no more. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** A hebcal event that closes a day, with that day's number. */
interface DayOff {
  readonly day: DayNumber;
  readonly event: Event;
}

function holidayOf(day: DayNumber, event: Event): Holiday {
  // getDesc() is hebcal's untranslated title, documented as stable across releases (render('en')
  // adds typographic quotes: "Yom HaAtzma’ut"); names.he carries the display name in Hebrew.
  return { date: plainDateOf(day), name: event.getDesc(), names: { he: event.render('he') } };
}

/**
 * The days off in Israel in one Gregorian year: every yom tov as kept in Israel (Rosh Hashana I
 * and II, Yom Kippur, Sukkot I, Shmini Atzeret/Simchat Torah, Pesach I and VII, Shavuot) and Yom
 * HaAtzma'ut on the date it is observed (hebcal moves it away from Shabbat), computed with
 * `@hebcal/core`. One holiday per date, sorted by date; the result does not depend on the
 * process time zone.
 *
 * @param year - the Gregorian year, 1900 to 2200
 * @param options - also close chol hamoed (`cholHamoed`) or the eves of the yamim tovim (`erev`)
 * @returns the days off of that year, each with its English `name` and Hebrew `names.he`
 * @throws TimingError `invalid-date` when the year is not a whole number from 1900 to 2200
 *
 * @example
 * ```ts
 * import { israeliHolidays } from '@maslul/timing/israel';
 *
 * const days = israeliHolidays(2027);
 * days[0]; // { date: '2027-04-22', name: 'Pesach I', names: { he: 'פֶּסַח א׳' } }
 * israeliHolidays(2027, { cholHamoed: true }).length; // 20: 9, plus Pesach II-VI and Sukkot II-VII
 * ```
 * @category Calendars
 */
export function israeliHolidays(
  year: number,
  options?: IsraelCalendarOptions | undefined,
): Holiday[] {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    fail({
      code: 'invalid-date',
      path: ['year'],
      rule: 'timing.plain-date',
      message: `Israeli holidays were asked for year ${JSON.stringify(year)}; give a whole Gregorian year from ${MIN_YEAR} to ${MAX_YEAR}, e.g. 2027.`,
    });
  }
  const first = firstDayOfYear(year);
  const last = firstDayOfYear(year + 1) - 1;
  // One day past the year, so a yom tov on 1 January would still close its eve on 31 December
  // (none falls there in this calendar, but the rule should not depend on it).
  const events = HebrewCalendar.calendar({
    start: first + RD_EPOCH,
    end: last + 1 + RD_EPOCH,
    il: true,
  });

  const yomTov: DayOff[] = [];
  const modern: DayOff[] = [];
  const cholHamoed: DayOff[] = [];
  const eveEvents = new Map<DayNumber, Event>();
  for (const event of events) {
    const mask = event.getFlags();
    if (mask & flags.CHUL_ONLY) continue;
    const day = event.getDate().abs() - RD_EPOCH;
    // Yom Kippur is CHAG | MAJOR_FAST | YOM_TOV_ENDS, so the CHAG test covers it.
    if (mask & flags.CHAG) yomTov.push({ day, event });
    else if (mask & flags.MODERN_HOLIDAY && event.getDesc() === YOM_HAATZMAUT) {
      modern.push({ day, event });
    } else if (mask & flags.CHOL_HAMOED) cholHamoed.push({ day, event });
    // EREV also marks Erev Purim, Erev Tish'a B'Av and Chanukah's first candle: keep the event
    // for naming, and decide below by whether a yom tov follows.
    if (mask & (flags.EREV | flags.CHOL_HAMOED) && !eveEvents.has(day)) eveEvents.set(day, event);
  }

  const byDay = new Map<DayNumber, Holiday>();
  const add = (day: DayNumber, holiday: () => Holiday): void => {
    if (day >= first && day <= last && !byDay.has(day)) byDay.set(day, holiday());
  };
  const addEvent = ({ day, event }: DayOff): void => add(day, () => holidayOf(day, event));
  // Added in order of precedence, so a date keeps its strongest reason.
  yomTov.forEach(addEvent);
  modern.forEach(addEvent);
  if (options?.cholHamoed) cholHamoed.forEach(addEvent);
  if (options?.erev) {
    const yomTovDays = new Set(yomTov.map((d) => d.day));
    for (const { day, event } of yomTov) {
      const eve = day - 1;
      // Rosh Hashana II's eve is Rosh Hashana I, already a yom tov.
      if (yomTovDays.has(eve)) continue;
      // Hebcal names the eves of Shmini Atzeret and Pesach VII only as chol hamoed days
      // (Hoshana Raba, Pesach VI), not as EREV events; they are eves all the same.
      const named = eveEvents.get(eve);
      add(eve, () =>
        named
          ? holidayOf(eve, named)
          : {
              date: plainDateOf(eve),
              name: `Erev ${event.getDesc()}`,
              names: { he: `עֶרֶב ${event.render('he')}` },
            },
      );
    }
  }
  return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
