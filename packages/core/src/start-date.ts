import { MaslulError } from '@maslul/timing';

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Refuses a program start that is not a real `YYYY-MM-DD` date of the years 1900 to 2200 (the
 * dates the timing model plans with), naming the field, before anything is planned or stored.
 */
export function checkStart(start: unknown): void {
  const match = typeof start === 'string' ? PLAIN_DATE.exec(start) : null;
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const day = new Date(0);
    day.setUTCFullYear(y, m - 1, d); // not Date.UTC: it reads years 0 to 99 as 1900 to 1999
    if (y >= 1900 && y <= 2200 && day.getUTCMonth() === m - 1 && day.getUTCDate() === d) return;
  }
  throw new MaslulError([
    {
      code: 'invalid-date',
      path: ['start'],
      rule: 'core.start-date',
      message: `The start ${JSON.stringify(start)} is not a date between 1900 and 2200. Write it as "YYYY-MM-DD", e.g. "2027-01-10".`,
    },
  ]);
}
