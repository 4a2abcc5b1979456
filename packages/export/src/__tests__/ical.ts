// Reads an exported calendar back with ical.js, an iCalendar parser written apart from the `ics`
// package that writes it, and shows each instant as a wall-clock time in Jerusalem.
import ICAL from 'ical.js';

/** One VEVENT as ical.js reads it. */
export interface ParsedEvent {
  readonly uid: string;
  readonly summary: string;
  /** The start: an instant for timed events. */
  readonly start: Date;
  readonly end: Date;
  /** True for all-day events (VALUE=DATE). */
  readonly allDay: boolean;
  /** `YYYY-MM-DD` for all-day events; DTEND is the day after the last. */
  readonly startDate: string;
  readonly endDate: string;
  readonly status: string;
  readonly categories: readonly string[];
  readonly url: string | undefined;
}

/** The calendar's own properties and its events, in file order. */
export function parseCalendar(text: string): {
  readonly name: string;
  readonly productId: string;
  readonly events: ParsedEvent[];
} {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const categories = component.getFirstProperty('categories');
    const url = component.getFirstPropertyValue('url');
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      allDay: event.startDate.isDate,
      startDate: event.startDate.toString().slice(0, 10),
      endDate: event.endDate.toString().slice(0, 10),
      status: String(component.getFirstPropertyValue('status')),
      categories: categories ? categories.getValues().map(String) : [],
      url: url === null ? undefined : String(url),
    };
  });
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    productId: String(calendar.getFirstPropertyValue('prodid')),
    events,
  };
}

const jerusalem = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jerusalem',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as it shows on a clock in Jerusalem: `'2026-10-25 17:00'`. */
export function inJerusalem(instant: Date): string {
  const parts = Object.fromEntries(jerusalem.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
