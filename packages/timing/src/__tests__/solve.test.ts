import { describe, expect, it } from 'vitest';
import { createCalendar, everyDay, mondayToFriday } from '../calendar.js';
import { about, exactly } from '../duration.js';
import { rrule } from '../rrule/index.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';

describe('solve', () => {
  describe('relations', () => {
    const schedule = defineSchedule({
      a: { label: 'Mapping', duration: about(3, 'months') },
      b: { after: { step: 'a', from: 'start', lag: about(1, 'weeks') } },
      c: { after: ['a', 'b'] },
      d: { after: { step: 'b', lag: about(2, 'weeks') } },
    });
    // 2027-01-04 is a Monday.
    const plan = solve(schedule, { start: '2027-01-04', calendar: mondayToFriday });

    it('starts steps that wait for nothing at the program start', () => {
      expect(plan.steps.a.start).toBe('2027-01-04');
      expect(plan.steps.a.basis).toEqual({
        kind: 'program-start',
        date: '2027-01-04',
        moved: undefined,
      });
    });

    it('ends a span after its duration, on a working day, with its window', () => {
      // 2027-04-04 is a Sunday.
      expect(plan.steps.a.finish).toBe('2027-04-05');
      expect(plan.steps.a.finishMoved).toEqual({
        from: '2027-04-04',
        to: '2027-04-05',
        closures: [{ date: '2027-04-04', kind: 'weekend', name: 'Sunday' }],
      });
      // About 3 months: 14 days either way, 2027-03-21 (Sun) and 2027-04-18 (Sun), moved to Monday.
      expect(plan.steps.a.finishWindow).toEqual({ earliest: '2027-03-22', latest: '2027-04-19' });
    });

    it('plans start-to-start from the other step start', () => {
      expect(plan.steps.b.start).toBe('2027-01-11');
      // About 1 week: 5 to 9 days; 2027-01-09 is a Saturday.
      expect(plan.steps.b.window).toEqual({ earliest: '2027-01-11', latest: '2027-01-13' });
    });

    it('plans finish-to-start from the other step finish plus the lag', () => {
      expect(plan.steps.d.start).toBe('2027-01-25');
      expect(plan.steps.d.basis).toMatchObject({
        kind: 'relation',
        relation: { step: 'b', type: 'finish-to-start' },
        anchor: '2027-01-11',
        date: '2027-01-25',
      });
    });

    it('joins on the latest input and names the others', () => {
      expect(plan.steps.c.start).toBe('2027-04-05');
      expect(plan.steps.c.dependsOn).toEqual(['a', 'b']);
      expect(plan.steps.c.basis).toMatchObject({
        kind: 'relation',
        relation: { step: 'a' },
        others: [{ step: 'b', date: '2027-01-11' }],
      });
    });

    it('adds months as calendars do, clamping to the end of a shorter month', () => {
      const monthly = defineSchedule({
        a: {},
        b: { after: { step: 'a', lag: exactly(1, 'months') } },
      });
      const jan31 = solve(monthly, { start: '2027-01-31', calendar: everyDay });
      expect(jan31.steps.b.start).toBe('2027-02-28');
      const leap = solve(monthly, { start: '2028-01-31', calendar: everyDay });
      expect(leap.steps.b.start).toBe('2028-02-29');
    });

    it('gives the program finish as the latest finish', () => {
      expect(plan.finish).toBe('2027-04-05');
      expect(plan.start).toBe('2027-01-04');
      expect(plan.calendar).toEqual({ id: 'mon-fri', timeZone: 'UTC' });
    });
  });

  describe('series', () => {
    const calendar = createCalendar({
      id: 'x',
      holidays: [{ date: '2027-02-01', name: 'Holiday' }],
    });
    const schedule = defineSchedule({
      kickoff: {},
      meetings: {
        after: { step: 'kickoff', lag: exactly(2, 'weeks') },
        repeat: { every: 'P2W', count: 3 },
      },
      after: { after: 'meetings' },
    });

    it('lists occurrences, each moved off days off, and finishes on the last', () => {
      const plan = solve(schedule, { start: '2027-01-04', calendar });
      expect(plan.steps.meetings.occurrences).toEqual([
        { date: '2027-01-18', recorded: false },
        { date: '2027-02-02', recorded: false },
        { date: '2027-02-15', recorded: false },
      ]);
      expect(plan.steps.meetings.finish).toBe('2027-02-15');
      expect(plan.steps.after.start).toBe('2027-02-15');
    });

    it('re-plans the remaining occurrences from the last one held', () => {
      const plan = solve(schedule, {
        start: '2027-01-04',
        calendar,
        facts: { meetings: { occurrences: ['2027-01-19', '2027-02-03'] } },
      });
      expect(plan.steps.meetings.occurrences).toEqual([
        { date: '2027-01-19', recorded: true },
        { date: '2027-02-03', recorded: true },
        { date: '2027-02-17', recorded: false },
      ]);
      expect(plan.steps.meetings.start).toBe('2027-01-19');
      expect(plan.steps.meetings.recorded).toEqual({ start: true, finish: false });
    });

    it('adds months to a monthly cadence as durations do, where an RRULE skips short months', () => {
      const monthly = defineSchedule({
        cadence: { repeat: { every: 'P1M', count: 3 } },
        rule: { repeat: rrule('FREQ=MONTHLY;COUNT=3') },
      });
      const plan = solve(monthly, { start: '2027-01-31', calendar: everyDay });
      const dates = (id: 'cadence' | 'rule') => plan.steps[id].occurrences?.map((o) => o.date);
      expect(dates('cadence')).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
      expect(dates('rule')).toEqual(['2027-01-31', '2027-03-31', '2027-05-31']);
    });

    it('follows RRULE BY-parts: the first Tuesday of each month', () => {
      const monthly = defineSchedule({
        a: {},
        b: { after: 'a', repeat: rrule('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=3') },
      });
      const plan = solve(monthly, { start: '2027-01-04', calendar });
      expect(plan.steps.b.occurrences?.map((o) => o.date)).toEqual([
        '2027-01-05',
        '2027-02-02',
        '2027-03-02',
      ]);
      expect(plan.steps.b.start).toBe('2027-01-05');
    });

    it('stops at UNTIL and warns when a series has no occurrence left', () => {
      const until = defineSchedule({
        a: {},
        b: { after: 'a', repeat: rrule('FREQ=WEEKLY;UNTIL=20270125T000000Z') },
      });
      const plan = solve(until, { start: '2027-01-04', calendar: everyDay });
      expect(plan.steps.b.occurrences?.map((o) => o.date)).toEqual([
        '2027-01-04',
        '2027-01-11',
        '2027-01-18',
        '2027-01-25',
      ]);
      const late = solve(until, { start: '2027-03-01', calendar: everyDay });
      expect(late.warnings).toMatchObject([{ code: 'empty-series', step: 'b' }]);
    });
  });

  describe('facts', () => {
    const schedule = defineSchedule({
      a: {},
      b: { after: { step: 'a', lag: about(2, 'weeks') } },
      c: { after: { step: 'b', lag: about(1, 'weeks') } },
      x: {},
      y: { after: { step: 'x', lag: about(1, 'months') } },
      s: { after: 'a', duration: about(1, 'months') },
    });
    const options = { start: '2027-01-04', calendar: everyDay } as const;
    const before = solve(schedule, options);

    it('re-plans the steps after a recorded fact and leaves the others alone', () => {
      const after = solve(schedule, { ...options, facts: { b: '2027-01-20' } });
      expect(before.steps.b.start).toBe('2027-01-18');
      expect(after.steps.b).toMatchObject({
        start: '2027-01-20',
        finish: '2027-01-20',
        window: { earliest: '2027-01-20', latest: '2027-01-20' },
        recorded: { start: true, finish: true },
        basis: { kind: 'recorded', date: '2027-01-20' },
      });
      expect(after.steps.c.start).toBe('2027-01-27');
      for (const id of ['a', 'x', 'y', 's'] as const)
        expect(after.steps[id]).toEqual(before.steps[id]);
    });

    it('keeps a recorded fact even on a day off', () => {
      const plan = solve(schedule, {
        ...options,
        calendar: mondayToFriday,
        facts: { a: '2027-01-09' },
      });
      expect(plan.steps.a.start).toBe('2027-01-09');
    });

    it('plans a started span to finish a duration after its recorded start', () => {
      const plan = solve(schedule, { ...options, facts: { s: { start: '2027-01-10' } } });
      expect(plan.steps.s).toMatchObject({ start: '2027-01-10', finish: '2027-02-10' });
      expect(plan.steps.s.recorded).toEqual({ start: true, finish: false });
      const done = solve(schedule, {
        ...options,
        facts: { s: { start: '2027-01-10', finish: '2027-03-01' } },
      });
      expect(done.steps.s.finish).toBe('2027-03-01');
    });

    it('warns when a step is recorded before what it waits for', () => {
      const plan = solve(schedule, { ...options, facts: { c: '2027-01-10' } });
      expect(plan.warnings).toEqual([
        {
          code: 'recorded-before-predecessor',
          step: 'c',
          message:
            'Step "c" is recorded as started on 2027-01-10, before "b" finishes (2027-01-18).',
        },
      ]);
    });

    it('refuses an end before a start, naming the step', () => {
      expect(() =>
        solve(schedule, {
          ...options,
          facts: { s: { start: '2027-02-01', finish: '2027-01-20' } },
        }),
      ).toThrow(
        expect.objectContaining({
          code: 'end-before-start',
          rule: 'timing.end-after-start',
          step: 's',
          path: ['facts', 's', 'finish'],
        }),
      );
    });

    it('refuses facts for unknown steps, bad dates and misplaced fields', () => {
      const untyped = (facts: unknown) => solve(schedule, { ...options, facts: facts as never });
      expect(() => untyped({ z: '2027-01-04' })).toThrow(
        expect.objectContaining({ code: 'unknown-step', step: 'z' }),
      );
      expect(() => untyped({ a: '04/01/2027' })).toThrow(
        expect.objectContaining({ code: 'invalid-date', step: 'a' }),
      );
      expect(() => untyped({ a: { occurrences: ['2027-01-04'] } })).toThrow(/not a series/);
      expect(() => untyped({ a: { start: '2027-01-04', finish: '2027-01-05' } })).toThrow(
        /one date/,
      );
      expect(() => untyped({ a: 7 })).toThrow(expect.objectContaining({ code: 'invalid-fact' }));
    });

    it('refuses a bad program start', () => {
      expect(() => solve(schedule, { start: '2027-13-01' })).toThrow(
        expect.objectContaining({ code: 'invalid-date', path: ['start'] }),
      );
    });
  });

  describe('slack and the critical path', () => {
    const schedule = defineSchedule({
      a: {},
      long: { after: 'a', duration: exactly(3, 'months') },
      short: { after: { step: 'a', lag: exactly(2, 'weeks') } },
      end: { after: ['long', 'short'] },
      side: { after: { step: 'a', lag: exactly(1, 'weeks') } },
    });

    it('measures slack to the program end and marks the driving chain', () => {
      const plan = solve(schedule, { start: '2027-01-04', calendar: everyDay });
      expect(plan.targets).toEqual(['long', 'end']); // both finish on 2027-04-04
      expect(plan.steps.short.slack).toBe(76); // 2027-01-18 could wait until 2027-04-04
      expect(plan.steps.side.slack).toBe(83); // 2027-01-11 could wait until the end, 2027-04-04
      for (const id of ['a', 'long', 'end'] as const) {
        expect(plan.steps[id]).toMatchObject({ slack: 0, critical: true });
      }
      expect(plan.steps.short.critical).toBe(false);
    });

    it('measures slack to a chosen target', () => {
      const plan = solve(schedule, { start: '2027-01-04', calendar: everyDay, target: 'short' });
      expect(plan.steps.short).toMatchObject({ slack: 0, critical: true });
      expect(plan.steps.a).toMatchObject({ slack: 0, critical: true });
      expect(plan.steps.long).toMatchObject({ slack: null, critical: false });
      expect(() => solve(schedule, { start: '2027-01-04', target: 'nope' as 'a' })).toThrow(
        expect.objectContaining({ code: 'unknown-step', path: ['target'] }),
      );
    });

    it('counts a weekend that absorbs a slip as slack', () => {
      // b lands on Saturday 2027-01-09 and moves to Monday: a may slip two days for free.
      const weekend = defineSchedule({
        a: {},
        b: { after: { step: 'a', lag: exactly(5, 'days') } },
      });
      const plan = solve(weekend, { start: '2027-01-04', calendar: mondayToFriday });
      expect(plan.steps.b.start).toBe('2027-01-11');
      expect(plan.steps.a).toMatchObject({ slack: 2, critical: true });
    });
  });

  describe('the range of dates', () => {
    it('refuses a plan that would end past 2200, naming the first step past it', () => {
      // 2200-12-31 is the last date accepted as a start or a fact; a plan must not give a later one.
      const schedule = defineSchedule({
        a: { duration: about(6, 'months') },
        b: { after: 'a', duration: about(6, 'months') },
        c: { after: 'b', duration: about(6, 'months') },
      });
      expect(() => solve(schedule, { start: '2200-01-05', calendar: everyDay })).toThrow(
        expect.objectContaining({
          name: 'TimingError',
          code: 'invalid-date',
          rule: 'timing.plain-date',
          path: ['steps', 'b'],
          message: expect.stringMatching(/^Step "b" would be planned to finish as late as 2201-/),
        }),
      );
    });

    it('accepts 2200-12-31 as a start and refuses 2201-01-01', () => {
      const schedule = defineSchedule({ a: {} });
      expect(solve(schedule, { start: '2200-12-31', calendar: everyDay }).finish).toBe(
        '2200-12-31',
      );
      expect(() => solve(schedule, { start: '2201-01-01', calendar: everyDay })).toThrow(
        expect.objectContaining({ code: 'invalid-date', path: ['start'] }),
      );
    });

    it('plans a chain that ends inside the range', () => {
      const schedule = defineSchedule({ a: { duration: about(6, 'months') } });
      expect(solve(schedule, { start: '2200-01-05', calendar: everyDay }).finish).toBe(
        '2200-07-05',
      );
    });
  });

  describe('facts', () => {
    const schedule = defineSchedule({ a: {}, s: { after: 'a', duration: 'P1M' } });
    const start = '2027-01-04';

    it('reads a fact that changed between two solves as it is now', () => {
      const fact: { start?: string; finish?: string } = { start: '2027-01-05' };
      const first = solve(schedule, { start, calendar: everyDay, facts: { s: fact } as never });
      fact.start = '2027-01-07';
      const second = solve(schedule, { start, calendar: everyDay, facts: { s: fact } as never });
      expect([first.steps.s.start, second.steps.s.start]).toEqual(['2027-01-05', '2027-01-07']);
    });

    it('checks a frozen fact for the kind of step it is given to, every time it is wrong', () => {
      const fact = Object.freeze({ start: '2027-01-05', finish: '2027-01-06' });
      expect(
        solve(schedule, { start, calendar: everyDay, facts: { s: fact } }).steps.s,
      ).toMatchObject({
        start: '2027-01-05',
        finish: '2027-01-06',
      });
      // The same frozen object for a milestone, which is one day: refused, each time.
      for (let i = 0; i < 2; i++) {
        expect(() => solve(schedule, { start, facts: { a: fact } })).toThrow(
          expect.objectContaining({ code: 'invalid-fact', path: ['facts', 'a', 'finish'] }),
        );
      }
    });
  });
});
