import type { Instant, PlainDate, Plan, PlannedStep } from '@maslul/timing';
import { exportError } from './errors.js';
import type { LabelOptions } from './labels.js';

/**
 * When a meeting starts on its day and how long it lasts: a local time (`'HH:MM'`, 24-hour) in
 * the plan calendar's time zone, and a length in minutes.
 *
 * @example
 * ```ts
 * import type { MeetingTime } from '@maslul/export';
 *
 * const evening: MeetingTime = { start: '17:00', minutes: 120 };
 * ```
 * @category iCalendar
 */
export interface MeetingTime {
  /** The local start, `'HH:MM'` from `'00:00'` to `'23:59'`; `'17:00'` by default. */
  readonly start?: string | undefined;
  /** The length in whole minutes, 1 to 1440; 120 by default. */
  readonly minutes?: number | undefined;
}

/**
 * How steps of one kind appear in the calendar: as timed meetings (one per occurrence of a
 * series), as all-day events (from the first day to the last), or not at all.
 *
 * @example
 * ```ts
 * import type { EventMode } from '@maslul/export';
 *
 * const decisions: EventMode = 'all-day';
 * ```
 * @category iCalendar
 */
export type EventMode = 'meeting' | 'all-day' | 'none';

/**
 * One calendar event as the export makes it, handed to `details` so an app can add a
 * description, a place or a link.
 *
 * @example
 * ```ts
 * import type { CalendarEntry } from '@maslul/export';
 *
 * const describe = (entry: CalendarEntry) =>
 *   entry.occurrence === undefined ? entry.title : `${entry.title}, meeting ${entry.occurrence}`;
 * ```
 * @category iCalendar
 */
export interface CalendarEntry<Id extends string = string> {
  /** The planned step. */
  readonly step: PlannedStep<Id>;
  /** The step's kind: the program's (`'meeting'`, `'decision'`...) or else the plan's. */
  readonly kind: string;
  /** How it is shown. */
  readonly mode: 'meeting' | 'all-day';
  /** For a series, the occurrence's number from 1; otherwise undefined. */
  readonly occurrence: number | undefined;
  /** The day of the event (its first day, for an all-day span). */
  readonly date: PlainDate;
  /** Held (recorded) rather than planned. */
  readonly recorded: boolean;
  /** The event's UID: the same step (and occurrence) gets the same UID in every export. */
  readonly uid: string;
  /** The event's title. */
  readonly title: string;
}

/**
 * What an app may add to an event. The `ics` package checks them (a `url` must be a URL).
 *
 * @example
 * ```ts
 * import type { EventDetails } from '@maslul/export';
 *
 * const details: EventDetails = {
 *   location: 'City hall, room 3',
 *   url: 'https://example.org/program/S1',
 * };
 * ```
 * @category iCalendar
 */
export interface EventDetails {
  readonly description?: string | undefined;
  readonly location?: string | undefined;
  readonly url?: string | undefined;
}

/**
 * What {@link toICalendar} needs beyond the plan: a calendar id for the UIDs, the instant the
 * export is made, meeting times, which kinds become events, and how things are named.
 *
 * @example
 * ```ts
 * import type { ICalendarOptions } from '@maslul/export';
 *
 * const options: ICalendarOptions<'S1' | 'Q'> = {
 *   id: 'ramat-hateenim',
 *   stamp: '2026-09-07T07:00:00Z',
 *   locale: 'he',
 *   time: { start: '17:00', minutes: 120 },
 *   times: { Q: { start: '09:00', minutes: 90 } },
 *   events: { decision: 'all-day' },
 * };
 * ```
 * @category iCalendar
 */
export interface ICalendarOptions<Id extends string = string> extends LabelOptions<Id> {
  /**
   * A name unique among the calendars you publish (an instance id such as `'ramat-hateenim'`).
   * UIDs are `<id>/<step>@maslul` and `<id>/<step>/<n>@maslul` for the n-th occurrence of a
   * series, so a re-export updates events rather than adding new ones.
   */
  readonly id: string;
  /** When this export is made (the events' DTSTAMP): an instant from your clock. */
  readonly stamp: Instant;
  /** The time of every meeting; `{ start: '17:00', minutes: 120 }` by default. */
  readonly time?: MeetingTime | undefined;
  /** The time of one step's meetings, where it differs. */
  readonly times?: { readonly [K in Id]?: MeetingTime | undefined } | undefined;
  /**
   * How each kind appears, over the default: every step that happens on one day is in the
   * calendar, meetings (`'meeting'`, and each occurrence of a `'series'`) at their time, and
   * `'milestone'`, `'decision'` and `'review'` steps as all-day events; `'span'` steps (work over
   * weeks or months) are left out (`'none'`). Kinds are the program's or, without a program, the
   * plan's (`'milestone'`, `'span'`, `'series'`).
   */
  readonly events?: { readonly [kind: string]: EventMode | undefined } | undefined;
  /** The calendar's name (X-WR-CALNAME); the program's label by default. */
  readonly name?: string | undefined;
  /** The PRODID; `'-//maslul//@maslul/export//EN'` by default. */
  readonly productId?: string | undefined;
  /**
   * How often an app that subscribes to the file should fetch it again (REFRESH-INTERVAL, and
   * X-PUBLISHED-TTL for the apps that read only that): an ISO 8601 duration of hours, minutes or
   * days, such as `'PT1H'` (the default) or `'P1D'`.
   */
  readonly refresh?: string | undefined;
  /** A description, place or link for an event. */
  readonly details?: ((entry: CalendarEntry<Id>) => EventDetails | undefined) | undefined;
}

/** The kinds' modes when `events` does not say: every one-day step, no spans. */
export const DEFAULT_EVENT_MODES: Readonly<Record<string, EventMode>> = {
  meeting: 'meeting',
  series: 'meeting',
  milestone: 'all-day',
  decision: 'all-day',
  review: 'all-day',
};

/** A meeting time checked and in minutes from midnight. */
export interface Slot {
  readonly start: number;
  readonly minutes: number;
}

const DEFAULT_SLOT: Slot = { start: 17 * 60, minutes: 120 };
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MODES: ReadonlySet<string> = new Set(['meeting', 'all-day', 'none']);
/** An RFC 5545 duration of days and time: `P1D`, `PT1H`, `PT30M`, `P1DT12H` (no years or months). */
const DURATION = /^P(?:\d+W|(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)$/;

function slotOf(time: MeetingTime | undefined, base: Slot, path: (string | number)[]): Slot {
  if (time === undefined) return base;
  let start = base.start;
  if (time.start !== undefined) {
    const match = typeof time.start === 'string' ? HH_MM.exec(time.start) : null;
    if (!match) {
      throw exportError({
        code: 'invalid-time',
        rule: 'export.meeting-time',
        path: [...path, 'start'],
        message: `${[...path, 'start'].join('.')} is ${JSON.stringify(time.start)}; write a local time as "HH:MM" (24-hour), e.g. "17:00".`,
      });
    }
    start = Number(match[1]) * 60 + Number(match[2]);
  }
  const minutes = time.minutes ?? base.minutes;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    throw exportError({
      code: 'invalid-length',
      rule: 'export.meeting-time',
      path: [...path, 'minutes'],
      message: `${[...path, 'minutes'].join('.')} is ${JSON.stringify(time.minutes)}; give a whole number of minutes from 1 to 1440, e.g. 120.`,
    });
  }
  return { start, minutes };
}

/** The options checked: every problem is a MaslulError naming the field, before any output. */
export interface CheckedOptions<Id extends string> {
  readonly stamp: number;
  readonly slotOf: (id: Id) => Slot;
  readonly modeOf: (kind: string) => EventMode;
  readonly refresh: string;
}

/** Checks the iCalendar options against the plan. */
export function checkOptions<Id extends string>(
  plan: Plan<Id>,
  options: ICalendarOptions<Id>,
): CheckedOptions<Id> {
  if (typeof options?.id !== 'string' || options.id.trim() === '') {
    throw exportError({
      code: 'invalid-calendar-id',
      rule: 'export.calendar-id',
      path: ['id'],
      message: `The calendar id is ${JSON.stringify(options?.id)}; give a name unique among your calendars, such as the instance id "ramat-hateenim": event UIDs are made from it.`,
    });
  }
  const stamp =
    options.stamp instanceof Date
      ? options.stamp.getTime()
      : typeof options.stamp === 'number'
        ? options.stamp
        : Date.parse(String(options.stamp));
  if (!Number.isFinite(stamp) || stamp < 0) {
    throw exportError({
      code: 'invalid-instant',
      rule: 'export.instant',
      path: ['stamp'],
      message: `stamp is ${JSON.stringify(options.stamp)}; give the instant of the export from your clock (a Date, epoch milliseconds or an ISO string such as "2026-09-07T07:00:00Z").`,
    });
  }
  const base = slotOf(options.time, DEFAULT_SLOT, ['time']);
  const slots = new Map<string, Slot>();
  for (const [id, time] of Object.entries(options.times ?? {}) as [string, MeetingTime][]) {
    if (!(id in plan.steps)) {
      throw exportError({
        code: 'unknown-step',
        rule: 'export.known-step',
        path: ['times', id],
        step: id,
        message: `times names step "${id}", which is not a step of the plan. Steps: ${plan.order.map((s) => `"${s}"`).join(', ')}.`,
      });
    }
    slots.set(id, slotOf(time, base, ['times', id]));
  }
  const modes: Record<string, EventMode> = { ...DEFAULT_EVENT_MODES };
  for (const [kind, mode] of Object.entries(options.events ?? {})) {
    if (mode === undefined) continue;
    if (!MODES.has(mode)) {
      throw exportError({
        code: 'invalid-event-mode',
        rule: 'export.event-mode',
        path: ['events', kind],
        message: `events.${kind} is ${JSON.stringify(mode)}; use "meeting", "all-day" or "none".`,
      });
    }
    modes[kind] = mode;
  }
  const refresh = options.refresh ?? 'PT1H';
  if (typeof refresh !== 'string' || !DURATION.test(refresh) || !/[1-9]/.test(refresh)) {
    throw exportError({
      code: 'invalid-refresh',
      rule: 'export.refresh',
      path: ['refresh'],
      message: `refresh is ${JSON.stringify(options.refresh)}; give how often a subscribed app fetches the calendar again as an ISO 8601 duration such as "PT1H" (an hour) or "P1D" (a day).`,
    });
  }
  return {
    stamp,
    refresh,
    slotOf: (id) => slots.get(id) ?? base,
    modeOf: (kind) => modes[kind] ?? 'none',
  };
}
