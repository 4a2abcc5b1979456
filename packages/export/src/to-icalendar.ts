import type { PlainDate, Plan } from '@maslul/timing';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { exportError } from './errors.js';
import {
  type CalendarEntry,
  type CheckedOptions,
  checkOptions,
  type ICalendarOptions,
} from './icalendar-options.js';
import { type Naming, namingOf } from './labels.js';
import { instantIn } from './zoned-time.js';

/** The `ics` package reads `timestamp` (DTSTAMP) but its types leave it out. */
type IcsEvent = EventAttributes & { readonly timestamp?: number };

const MINUTE = 60_000;
const DAY = 86_400_000;

const utcArray = (instant: number): DateArray => {
  const d = new Date(instant);
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
};

const dateArray = (date: PlainDate, plusDays = 0): DateArray => {
  const d = new Date(Date.parse(date) + plusDays * DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};

/** CATEGORIES is a comma-separated list, and `ics` joins it unescaped: escape each value. */
const category = (text: string): string => text.replace(/[\\,;]/g, (c) => `\\${c}`);

/** Every event of the plan, in plan order (a series' occurrences in date order). */
function entriesOf<Id extends string>(
  plan: Plan<Id>,
  options: ICalendarOptions<Id>,
  checked: CheckedOptions<Id>,
  naming: Naming<Id>,
): CalendarEntry<Id>[] {
  const entries: CalendarEntry<Id>[] = [];
  for (const id of plan.order) {
    const step = plan.steps[id];
    const kind = naming.kind(id);
    const mode = checked.modeOf(kind);
    if (mode === 'none') continue;
    const title = naming.step(id);
    const uid = `${options.id}/${id}@maslul`;
    if (step.occurrences) {
      const count = step.occurrences.length;
      step.occurrences.forEach((occurrence, i) => {
        entries.push({
          step,
          kind,
          mode,
          occurrence: i + 1,
          date: occurrence.date,
          recorded: occurrence.recorded,
          uid: `${options.id}/${id}/${i + 1}@maslul`,
          title: `${title} (${i + 1}/${count})`,
        });
      });
    } else {
      const recorded = step.recorded.finish;
      entries.push({
        step,
        kind,
        mode,
        occurrence: undefined,
        date: step.start,
        recorded,
        uid,
        title,
      });
    }
  }
  return entries;
}

/** The `ics` attributes of one entry: UTC instants for meetings, plain dates for all-day events. */
function eventOf<Id extends string>(
  entry: CalendarEntry<Id>,
  plan: Plan<Id>,
  options: ICalendarOptions<Id>,
  checked: CheckedOptions<Id>,
  naming: Naming<Id>,
): IcsEvent {
  const details = options.details?.(entry);
  const group = entry.step.group;
  const common = {
    uid: entry.uid,
    title: entry.title,
    timestamp: checked.stamp,
    // A skipped step did not happen: its event, planned before, is cancelled.
    status: entry.step.recorded.skipped ? 'CANCELLED' : entry.recorded ? 'CONFIRMED' : 'TENTATIVE',
    ...(group === undefined ? {} : { categories: [category(naming.track(group))] }),
    ...(details?.description === undefined ? {} : { description: details.description }),
    ...(details?.location === undefined ? {} : { location: details.location }),
    ...(details?.url === undefined ? {} : { url: details.url }),
  } as const;
  if (entry.mode === 'all-day') {
    // An all-day event ends the day after its last day (DTEND is exclusive).
    const last = entry.occurrence === undefined ? entry.step.finish : entry.date;
    const days = Math.round((Date.parse(last) - Date.parse(entry.date)) / DAY) + 1;
    return { ...common, start: dateArray(entry.date), end: dateArray(entry.date, days) };
  }
  const slot = checked.slotOf(entry.step.id);
  const start = instantIn(entry.date, slot.start, plan.calendar.timeZone);
  return {
    ...common,
    start: utcArray(start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcArray(start + slot.minutes * MINUTE),
    endInputType: 'utc',
    endOutputType: 'utc',
  };
}

interface IcsError {
  readonly message?: string;
  readonly inner?: readonly { readonly path?: string; readonly value?: unknown }[];
}

/** Turns the `ics` package's refusal of one event into a MaslulError that names the step. */
function refusal<Id extends string>(entry: CalendarEntry<Id>, error: IcsError): Error {
  const fields = (error.inner ?? [])
    .filter((issue) => issue.path)
    .map((issue) => `${issue.path} ${JSON.stringify(issue.value)}`);
  const what = entry.occurrence === undefined ? '' : ` (occurrence ${entry.occurrence})`;
  const path = [
    'steps',
    entry.step.id,
    ...(entry.occurrence ? ['occurrences', entry.occurrence - 1] : []),
  ];
  return exportError({
    code: 'invalid-event',
    rule: 'export.ics',
    path,
    step: entry.step.id,
    message: `The calendar event of step "${entry.step.id}"${what} was refused by the ics package${fields.length ? `: its ${fields.join(', ')}` : `: ${error.message ?? 'unknown error'}`}. Fix what \`details\` gives this step.`,
  });
}

/**
 * The plan as an iCalendar (RFC 5545) file: one event per meeting (each step whose kind is
 * `'meeting'`, and each occurrence of a series), at its local time in the plan calendar's time
 * zone, written as a UTC instant so every calendar app shows it at the right time on either side
 * of a daylight-saving change; every other one-day step (a milestone, a decision, a review) as an
 * all-day event, and spans too if asked (`events`). Each event is titled with its step's label in the locale asked for (an occurrence of a
 * series: `'label (2/5)'`) and filed under its track's name (CATEGORIES). Held meetings are
 * CONFIRMED, planned ones TENTATIVE. UIDs are stable per step and
 * occurrence, so subscribing to the file (or importing it again) moves events as the plan moves;
 * the file asks subscribed apps to fetch it again every hour (`refresh`).
 *
 * @param plan - a plan from `solve` or `instance.schedule().plan`
 * @param options - the calendar id and the export instant (required), meeting times, which kinds
 *   become events, labels and locale
 * @returns the `.ics` text (CRLF line ends)
 * @throws MaslulError `invalid-calendar-id`, `invalid-instant`, `invalid-time`, `invalid-length`,
 *   `unknown-step`, `invalid-event-mode`, `invalid-refresh`, `invalid-time-zone`, or
 *   `invalid-event` naming the step whose event the `ics` package refused
 *
 * @example
 * ```ts
 * import { createInstance, createManualClock } from '@maslul/core';
 * import { toICalendar } from '@maslul/export';
 * import { kehilaMetiva } from '@maslul/kehila-metiva';
 * import { israelCalendar } from '@maslul/timing/israel';
 *
 * const clock = createManualClock('2026-09-07T07:00:00Z');
 * const run = createInstance(kehilaMetiva, { start: '2026-09-07', clock, calendar: israelCalendar() });
 * const ics = toICalendar(run.schedule().plan, {
 *   id: 'ramat-hateenim',
 *   stamp: clock.now(),
 *   program: kehilaMetiva,
 *   locale: 'he',
 *   time: { start: '17:00', minutes: 120 },
 *   events: { decision: 'all-day' },
 * });
 * // BEGIN:VCALENDAR ... SUMMARY:מפגש ועדה מעצבת 1: חמישה אתגרים ... DTSTART:20260922T140000Z ...
 * ```
 * @category iCalendar
 */
export function toICalendar<Id extends string>(
  plan: Plan<Id>,
  options: ICalendarOptions<Id>,
): string {
  const checked = checkOptions(plan, options);
  const naming = namingOf(plan, options);
  const entries = entriesOf(plan, options, checked, naming);
  const events = entries.map((entry) => eventOf(entry, plan, options, checked, naming));
  const header = {
    productId: options.productId ?? '-//maslul//@maslul/export//EN',
    method: 'PUBLISH',
    ...((options.name ?? naming.program) === undefined
      ? {}
      : { calName: (options.name ?? naming.program) as string }),
  };
  const { error, value } = createEvents(events, header);
  if (error || value === null) {
    // `ics` stops at the first bad event without saying which: find it by trying each alone.
    entries.forEach((entry, i) => {
      const alone = createEvents([events[i] as IcsEvent], header);
      if (alone.error) throw refusal(entry, alone.error as IcsError);
    });
    throw exportError({
      code: 'invalid-calendar',
      rule: 'export.ics',
      path: [],
      message: `The ics package refused the calendar: ${(error as IcsError | null)?.message ?? 'no output'}. Check name and productId.`,
    });
  }
  // `ics` always writes X-PUBLISHED-TTL:PT1H (what Outlook reads) and no RFC 7986
  // REFRESH-INTERVAL (what the standard and Apple's Calendar read): write both, as asked.
  return value.replace(
    'X-PUBLISHED-TTL:PT1H\r\n',
    `REFRESH-INTERVAL;VALUE=DURATION:${checked.refresh}\r\nX-PUBLISHED-TTL:${checked.refresh}\r\n`,
  );
}
