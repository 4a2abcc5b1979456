import { createInstance, createManualClock, defineProgram } from '@maslul/core';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { createCalendar, defineSchedule, MaslulError, type Plan, solve } from '@maslul/timing';
import { israelCalendar } from '@maslul/timing/israel';
import { describe, expect, it } from 'vitest';
import { type ICalendarOptions, toICalendar } from '../index.js';
import { at, freshPlan, planWithFacts, START } from './fixtures.js';
import { inJerusalem, parseCalendar } from './ical.js';

const stamp = at(START);
const HOUR = 3_600_000;

/** The meetings the plan should hold: each meeting step and each occurrence of a series. */
function expectedMeetings<Id extends string>(
  plan: Plan<Id>,
): { uid: string; date: string; label: string }[] {
  return plan.order.flatMap((id) => {
    const { kind, label } = kehilaMetiva.steps[id as keyof typeof kehilaMetiva.steps];
    const step = plan.steps[id];
    const he = typeof label === 'string' ? label : (label.he as string);
    if (kind === 'meeting')
      return [{ uid: `authority-7/${id}@maslul`, date: step.start, label: he }];
    if (kind !== 'series') return [];
    const occurrences = step.occurrences ?? [];
    return occurrences.map((o, i) => ({
      uid: `authority-7/${id}/${i + 1}@maslul`,
      date: o.date,
      label: `${he} (${i + 1}/${occurrences.length})`,
    }));
  });
}

const heOptions = { id: 'authority-7', stamp, program: kehilaMetiva, locale: 'he' } as const;

describe('toICalendar', () => {
  it('writes every meeting and every series occurrence once, at 17:00 Jerusalem time', () => {
    const plan = freshPlan();
    const { events } = parseCalendar(toICalendar(plan, heOptions));
    const expected = expectedMeetings(plan);
    // Shaping-committee meetings 1 to 5 (S1, S3, S5, S7, S8) and the five quarterly meetings.
    expect(expected.map((e) => e.uid.split('/')[1]).sort()).toEqual([
      'Q',
      'Q',
      'Q',
      'Q',
      'Q',
      'S1@maslul',
      'S3@maslul',
      'S5@maslul',
      'S7@maslul',
      'S8@maslul',
    ]);
    const timed = events.filter((e) => !e.allDay);
    expect(timed.map((e) => e.uid).sort()).toEqual(expected.map((e) => e.uid).sort());
    for (const meeting of expected) {
      const event = events.find((e) => e.uid === meeting.uid);
      if (!event) throw new Error(`no event ${meeting.uid}`);
      expect(event.allDay).toBe(false);
      expect(inJerusalem(event.start)).toBe(`${meeting.date} 17:00`);
      expect(event.end.getTime() - event.start.getTime()).toBe(2 * HOUR);
      expect(event.summary).toBe(meeting.label);
    }
  });

  it('writes every other one-day step as an all-day event by default, and no span', () => {
    const plan = freshPlan();
    const { events } = parseCalendar(toICalendar(plan, heOptions));
    const allDay = events.filter((e) => e.allDay);
    // The scope (S0), the launch conference (S4), the approval (S9), the hackathon (X1), the
    // measurement (X3), the progress review (X4) and the year-two decision (C1).
    expect(allDay.map((e) => e.uid.replace(/^authority-7\/|@maslul$/g, '')).sort()).toEqual([
      'C1',
      'S0',
      'S4',
      'S9',
      'X1',
      'X3',
      'X4',
    ]);
    for (const event of allDay) {
      const id = event.uid.replace(/^authority-7\/|@maslul$/g, '') as keyof typeof plan.steps;
      expect(event.startDate).toBe(plan.steps[id].start);
    }
    expect(allDay.find((e) => e.uid === 'authority-7/S4@maslul')?.summary).toBe(
      'כנס השקה רשותי: המצפן',
    );
    expect(events.some((e) => /\/(S2|S6|X2)@/.test(e.uid))).toBe(false);
  });

  it('asks subscribed apps to fetch the file again every hour, or as often as `refresh` says', () => {
    const hourly = toICalendar(freshPlan(), heOptions);
    expect(hourly).toContain(
      '\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n',
    );
    expect(hourly.match(/X-PUBLISHED-TTL/g)).toHaveLength(1);
    expect(hourly.indexOf('REFRESH-INTERVAL')).toBeLessThan(hourly.indexOf('BEGIN:VEVENT'));
    const daily = toICalendar(freshPlan(), { ...heOptions, refresh: 'P1D' });
    expect(daily).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\nX-PUBLISHED-TTL:P1D\r\n');
    for (const refresh of ['1 hour', 'P1M', 'PT', 'PT0H']) {
      expect(() => toICalendar(freshPlan(), { ...heOptions, refresh })).toThrow(
        expect.objectContaining({
          code: 'invalid-refresh',
          path: ['refresh'],
          message: `refresh is ${JSON.stringify(refresh)}; give how often a subscribed app fetches the calendar again as an ISO 8601 duration such as "PT1H" (an hour) or "P1D" (a day).`,
        }),
      );
    }
  });

  it('keeps the local time across the plan’s daylight-saving changes (UTC+3 in summer, +2 in winter)', () => {
    const { events } = parseCalendar(toICalendar(freshPlan(), heOptions));
    const start = (uid: string) => events.find((e) => e.uid === uid)?.start.toISOString();
    expect(start('authority-7/S1@maslul')).toBe('2026-09-22T14:00:00.000Z'); // summer
    expect(start('authority-7/Q/1@maslul')).toBe('2026-12-07T15:00:00.000Z'); // winter
    expect(start('authority-7/S7@maslul')).toBe('2027-03-30T14:00:00.000Z'); // after 2027-03-26
    expect(start('authority-7/Q/5@maslul')).toBe('2027-12-07T15:00:00.000Z'); // after 2027-10-31
  });

  it('places weekly meetings on each side of the October change, and on the day itself, at 17:00', () => {
    // Israel leaves summer time at 02:00 on Sunday 2026-10-25, a working day there.
    const plan = solve(
      defineSchedule({
        team: { label: 'Team meeting', group: 'teams', repeat: { every: 'P1W', count: 3 } },
      }),
      { start: '2026-10-18', calendar: israelCalendar() },
    );
    const { events } = parseCalendar(toICalendar(plan, { id: 'dst', stamp }));
    expect(events.map((e) => e.start.toISOString())).toEqual([
      '2026-10-18T14:00:00.000Z',
      '2026-10-25T15:00:00.000Z',
      '2026-11-01T15:00:00.000Z',
    ]);
    expect(events.map((e) => inJerusalem(e.start))).toEqual([
      '2026-10-18 17:00',
      '2026-10-25 17:00',
      '2026-11-01 17:00',
    ]);
    expect(events.map((e) => e.summary)).toEqual([
      'Team meeting (1/3)',
      'Team meeting (2/3)',
      'Team meeting (3/3)',
    ]);
  });

  it('reads a time the clocks skip as after the change, and a time they repeat as the first', () => {
    // Every day open, in Jerusalem: 2027-03-26 02:00 jumps to 03:00; 2026-10-25 02:00 falls to 01:00.
    const calendar = createCalendar({ id: 'all', timeZone: 'Asia/Jerusalem', weekend: [] });
    const plan = solve(
      defineSchedule({
        spring: { repeat: { every: 'P1D', count: 1 } },
        autumn: { repeat: { every: 'P1D', count: 1 } },
      }),
      { start: '2027-03-26', calendar, facts: { autumn: { occurrences: ['2026-10-25'] } } },
    );
    const ics = toICalendar(plan, {
      id: 'edges',
      stamp,
      times: { spring: { start: '02:30', minutes: 60 }, autumn: { start: '01:30', minutes: 60 } },
    });
    const { events } = parseCalendar(ics);
    const start = (uid: string) => events.find((e) => e.uid === uid)?.start.toISOString();
    expect(start('edges/spring/1@maslul')).toBe('2027-03-26T00:30:00.000Z'); // 03:30 summer time
    expect(start('edges/autumn/1@maslul')).toBe('2026-10-24T22:30:00.000Z'); // 01:30 summer time
  });

  it('keeps each UID across exports while the plan moves, and writes the same text twice', () => {
    const before = parseCalendar(toICalendar(freshPlan(), heOptions)).events;
    const { plan } = planWithFacts();
    const after = parseCalendar(toICalendar(plan, heOptions)).events;
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    const day = (events: typeof before, uid: string) =>
      inJerusalem(events.find((e) => e.uid === uid)?.start as Date).slice(0, 10);
    expect(day(before, 'authority-7/S1@maslul')).toBe('2026-09-22');
    expect(day(after, 'authority-7/S1@maslul')).toBe('2026-09-24'); // held two days late
    expect(day(before, 'authority-7/Q/1@maslul')).toBe('2026-12-07');
    expect(day(after, 'authority-7/Q/1@maslul')).toBe('2026-12-08');
    expect(toICalendar(plan, heOptions)).toBe(toICalendar(plan, heOptions));
  });

  it('titles events in the chosen locale and names the calendar after the program', () => {
    const plan = freshPlan();
    const hebrew = parseCalendar(toICalendar(plan, heOptions));
    expect(hebrew.name).toBe('קהילה מיטיבה');
    expect(hebrew.productId).toBe('-//maslul//@maslul/export//EN');
    expect(hebrew.events.find((e) => e.uid.includes('/S1@'))?.summary).toBe(
      'מפגש ועדה מעצבת 1: חמישה אתגרים',
    );
    expect(hebrew.events.find((e) => e.uid.includes('/Q/1@'))?.categories).toEqual(['ועדת היגוי']);
    const english = parseCalendar(toICalendar(plan, { ...heOptions, locale: 'en', name: 'Ours' }));
    expect(english.name).toBe('Ours');
    expect(english.events.find((e) => e.uid.includes('/S1@'))?.summary).toBe(
      'Shaping committee meeting 1: five focus challenges',
    );
    const own = parseCalendar(toICalendar(plan, { ...heOptions, label: (step) => step.id }));
    expect(own.events.find((e) => e.uid.includes('/S3@'))?.summary).toBe('S3');
  });

  it('places meetings in any IANA zone, and names a zone the runtime does not know', () => {
    const plan = freshPlan();
    const inZone = (timeZone: string) => ({ ...plan, calendar: { ...plan.calendar, timeZone } });
    const s1 = (timeZone: string) =>
      parseCalendar(toICalendar(inZone(timeZone), heOptions))
        .events.find((e) => e.uid === 'authority-7/S1@maslul')
        ?.start.toISOString();
    expect(s1('America/New_York')).toBe('2026-09-22T21:00:00.000Z'); // 17:00 EDT
    expect(s1('UTC')).toBe('2026-09-22T17:00:00.000Z');
    expect(() => toICalendar(inZone('Nowhere/City'), heOptions)).toThrow(
      expect.objectContaining({
        code: 'invalid-time-zone',
        path: ['plan', 'calendar', 'timeZone'],
        message: expect.stringContaining('"Nowhere/City", which is not an IANA time zone'),
      }),
    );
  });

  it('marks held meetings CONFIRMED and planned ones TENTATIVE', () => {
    const { events } = parseCalendar(toICalendar(planWithFacts().plan, heOptions));
    const status = (uid: string) =>
      events.find((e) => e.uid === `authority-7/${uid}@maslul`)?.status;
    expect(status('S1')).toBe('CONFIRMED');
    expect(status('Q/1')).toBe('CONFIRMED');
    expect(status('Q/2')).toBe('TENTATIVE');
    expect(status('S3')).toBe('TENTATIVE');
  });

  it('marks a skipped step CANCELLED: its planned event did not happen', () => {
    const program = defineProgram('evenings', { version: 1, label: 'Evenings' })
      .roles({ office: { label: 'Office' } })
      .track('main', 'Main', (t) =>
        t
          .meeting('evening', { label: 'Evening', by: ['office'], optional: true })
          .meeting('review', { label: 'Review', by: ['office'], after: 'P1W' }),
      )
      .build();
    const clock = createManualClock('2027-01-04T07:00:00Z');
    const instance = createInstance(program, { start: '2027-01-04', clock });
    const options = { id: 'e', stamp, program } as const;
    const before = parseCalendar(toICalendar(instance.schedule().plan, options)).events;
    expect(before.map((e) => [e.uid, e.status])).toEqual([
      ['e/evening@maslul', 'TENTATIVE'],
      ['e/review@maslul', 'TENTATIVE'],
    ]);
    const skipped = instance.send(
      { type: 'evening.skip', payload: { reason: 'Nobody registered' } },
      { actor: { id: 'avi', roles: ['office'] } },
    );
    if (!skipped.ok) throw skipped.refusal;
    const after = parseCalendar(toICalendar(instance.schedule().plan, options)).events;
    expect(after.map((e) => [e.uid, e.status])).toEqual([
      ['e/evening@maslul', 'CANCELLED'],
      ['e/review@maslul', 'TENTATIVE'],
    ]);
  });

  it('adds spans as all-day events and leaves kinds out when asked, and per-step times', () => {
    const plan = freshPlan();
    const { events } = parseCalendar(
      toICalendar(plan, {
        ...heOptions,
        events: { milestone: 'none', span: 'all-day', series: 'none' },
        times: { S3: { start: '09:30', minutes: 90 } },
      }),
    );
    const byUid = (id: string) => events.find((e) => e.uid === `authority-7/${id}@maslul`);
    expect(events.some((e) => e.uid.includes('/Q/'))).toBe(false);
    expect(byUid('S0')).toMatchObject({
      allDay: true,
      startDate: '2026-09-07',
      endDate: '2026-09-08',
    });
    expect(byUid('X3')).toMatchObject({ allDay: true, startDate: plan.steps.X3.start });
    // A span covers its first to its last day; DTEND is the day after.
    expect(byUid('S2')).toMatchObject({
      allDay: true,
      startDate: '2026-09-22',
      endDate: '2026-12-23',
    });
    expect(inJerusalem(byUid('S3')?.start as Date)).toBe('2026-12-22 09:30');
    expect(inJerusalem(byUid('S3')?.end as Date)).toBe('2026-12-22 11:00');
    expect(byUid('S4')).toBeUndefined(); // milestones left out, as asked
  });

  it('escapes commas, semicolons, backslashes and line breaks, and folds long Hebrew titles', () => {
    const long = 'מפגש ועדה מעצבת, עם ראש העיר; '.repeat(8);
    const odd = 'Budget, scope; and\\or\nnext steps';
    const { events } = parseCalendar(
      toICalendar(freshPlan(), {
        ...heOptions,
        label: (step) => (step.id === 'S1' ? odd : long),
        details: (entry) =>
          entry.step.id === 'S1' ? { url: 'https://example.org/S1' } : undefined,
      }),
    );
    expect(events.find((e) => e.uid.includes('/S1@'))).toMatchObject({
      summary: odd,
      url: 'https://example.org/S1',
    });
    expect(events.find((e) => e.uid.includes('/S3@'))?.summary).toBe(long);
  });

  it('refuses bad options with a MaslulError naming the field and the fix', () => {
    const plan = freshPlan();
    const refusal = (options: ICalendarOptions<string>) => {
      try {
        toICalendar(plan, options);
      } catch (error) {
        expect(error).toBeInstanceOf(MaslulError);
        return error as MaslulError;
      }
      throw new Error('expected a MaslulError');
    };
    expect(refusal({ ...heOptions, time: { start: '5pm' } })).toMatchObject({
      code: 'invalid-time',
      path: ['time', 'start'],
      rule: 'export.meeting-time',
    });
    expect(refusal({ ...heOptions, times: { S1: { minutes: 0 } } })).toMatchObject({
      code: 'invalid-length',
      path: ['times', 'S1', 'minutes'],
    });
    expect(refusal({ ...heOptions, times: { S11: { minutes: 60 } } }).message).toContain('"S11"');
    expect(refusal({ ...heOptions, id: ' ' })).toMatchObject({ code: 'invalid-calendar-id' });
    expect(refusal({ ...heOptions, stamp: 'yesterday' })).toMatchObject({
      code: 'invalid-instant',
      path: ['stamp'],
    });
    const mode = { ...heOptions, events: { decision: 'allday' } } as unknown as ICalendarOptions;
    expect(refusal(mode)).toMatchObject({
      code: 'invalid-event-mode',
      path: ['events', 'decision'],
    });
  });

  it('turns the ics package’s refusal of an event into a MaslulError naming the step', () => {
    let error: unknown;
    try {
      toICalendar(freshPlan(), {
        ...heOptions,
        details: (entry) => (entry.occurrence === 2 ? { url: 'not a link' } : undefined),
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MaslulError);
    expect(error).toMatchObject({
      code: 'invalid-event',
      rule: 'export.ics',
      path: ['steps', 'Q', 'occurrences', 1],
    });
    expect((error as Error).message).toContain('step "Q" (occurrence 2)');
    expect((error as Error).message).toContain('url "not a link"');
  });
});
