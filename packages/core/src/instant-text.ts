/**
 * The ISO text of an instant (`2027-01-04T09:00:00.000Z`), as `Date#toISOString` writes it, for
 * the instants an event may carry (years 1900 to 2200). Each event's log entry holds one, and
 * `toISOString` costs more than the rest of the entry: the date part is made once per day, the
 * time of day by arithmetic.
 */
const MS_PER_DAY = 86_400_000;
const days = new Map<number, string>();

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const three = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

export function isoOf(time: number): string {
  // A Date truncates its time value toward zero, so the text names the same millisecond.
  const ms = Math.trunc(time);
  const day = Math.floor(ms / MS_PER_DAY);
  let date = days.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (days.size > 20_000) days.clear();
    days.set(day, date);
  }
  const of = ms - day * MS_PER_DAY;
  const hours = Math.floor(of / 3_600_000);
  const minutes = Math.floor(of / 60_000) % 60;
  const seconds = Math.floor(of / 1000) % 60;
  return `${date}T${two(hours)}:${two(minutes)}:${two(seconds)}.${three(of % 1000)}Z`;
}
