// The `@maslul/timing/israel` entry. It is built apart from the main entry so that apps that do
// not plan on the Israeli calendar never bundle @hebcal/core. `israelCalendar` lives here rather
// than in a file of its own because it is a few lines over createCalendar and israeliHolidays.
import { createCalendar, type WorkCalendar } from '../calendar.js';
import { type IsraelCalendarOptions, israeliHolidays } from './israel-holidays.js';

export type { IsraelCalendarOptions } from './israel-holidays.js';
export { israeliHolidays } from './israel-holidays.js';

/**
 * The Israeli work calendar: Sunday to Thursday, with Friday and Saturday as the weekend, the
 * yamim tovim as kept in Israel and Yom HaAtzma'ut as days off, and dates in `Asia/Jerusalem`.
 * Options also close chol hamoed or the eves of the yamim tovim; the id says which
 * (`'il'`, `'il+chol-hamoed'`, `'il+erev'`, `'il+chol-hamoed+erev'`).
 *
 * @param options - also close chol hamoed (`cholHamoed`) or the eves of the yamim tovim (`erev`)
 * @returns the calendar; it computes a year's holidays with `@hebcal/core` when first asked
 *   about a date in that year
 *
 * @example
 * ```ts
 * import { israelCalendar } from '@maslul/timing/israel';
 *
 * const il = israelCalendar();
 * il.isWorkingDay('2027-10-11'); // false: Yom Kippur
 * il.closure('2027-10-02'); // { date: '2027-10-02', kind: 'holiday', name: 'Rosh Hashana 5788', names: { he: 'רֹאשׁ הַשָּׁנָה 5788' } }
 * il.nextWorkingDay('2027-10-01'); // '2027-10-04': past Friday, Rosh Hashana I (Saturday) and II
 * israelCalendar({ cholHamoed: true }).id; // 'il+chol-hamoed'
 * ```
 * @category Calendars
 */
export function israelCalendar(options?: IsraelCalendarOptions | undefined): WorkCalendar {
  const cholHamoed = options?.cholHamoed ?? false;
  const erev = options?.erev ?? false;
  // Copied, so a caller changing its options object later cannot change a built calendar.
  const own: IsraelCalendarOptions = { cholHamoed, erev };
  return createCalendar({
    id: `il${cholHamoed ? '+chol-hamoed' : ''}${erev ? '+erev' : ''}`,
    timeZone: 'Asia/Jerusalem',
    weekend: ['friday', 'saturday'],
    holidays: (year) => israeliHolidays(year, own),
  });
}
