import { describe, expect, it } from 'vitest';
import { everyDay } from '../calendar.js';
import { about } from '../duration.js';
import { explain } from '../explain.js';
import type { StepFact } from '../facts.js';
import { toGantt } from '../gantt.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';
import { statusAt } from '../status.js';

const schedule = defineSchedule({
  open: {},
  evening: { after: { step: 'open', lag: about(2, 'weeks') } },
  window: { after: 'evening', duration: about(1, 'months') },
  checkins: { after: 'window', repeat: { every: 'P1W', count: 3 } },
  results: { after: { step: 'checkins', lag: 'P1W' } },
});
const start = '2027-01-04';

describe('skipped steps', () => {
  it('settles a skipped step on its day, taking no time; what waits for it plans from then', () => {
    const plan = solve(schedule, {
      start,
      calendar: everyDay,
      facts: { open: start, evening: { finish: '2027-01-06', skipped: true } },
    });
    expect(plan.steps.evening).toMatchObject({
      start: '2027-01-06',
      finish: '2027-01-06',
      recorded: { start: true, finish: true, skipped: true },
      basis: { kind: 'recorded', date: '2027-01-06' },
    });
    // The window follows the day the evening was skipped, not its planned date two weeks on.
    expect(plan.steps.window.start).toBe('2027-01-06');
    expect(statusAt(plan, '2027-01-07')).toMatchObject({ open: 'done', evening: 'skipped' });
    expect(explain(plan, 'evening')).toContain('"evening" was skipped on 2027-01-06.');
    expect(toGantt(plan).find((row) => row.id === 'evening')).toMatchObject({
      done: true,
      skipped: true,
    });
    expect(toGantt(plan).find((row) => row.id === 'open')).toMatchObject({ skipped: false });
  });

  it('gives a skipped series no occurrences and no warning, and plans what follows from its day', () => {
    const plan = solve(schedule, {
      start,
      calendar: everyDay,
      facts: {
        open: start,
        evening: '2027-01-18',
        window: { start: '2027-01-18', finish: '2027-02-18' },
        checkins: { finish: '2027-02-19', skipped: true },
      },
    });
    expect(plan.steps.checkins).toMatchObject({
      start: '2027-02-19',
      finish: '2027-02-19',
      occurrences: [],
    });
    expect(plan.warnings).toEqual([]);
    expect(plan.steps.results.start).toBe('2027-02-26');
    expect(statusAt(plan, '2027-03-01').checkins).toBe('skipped');
  });

  it('refuses a skipped fact with two dates, none, or occurrences held', () => {
    const facts = (checkins: StepFact) =>
      ({
        open: start,
        evening: '2027-01-18',
        window: { start: '2027-01-18', finish: '2027-02-18' },
        checkins,
      }) as const;
    for (const checkins of [
      { start: '2027-02-19', finish: '2027-02-20', skipped: true },
      { skipped: true },
      { occurrences: ['2027-02-19'], finish: '2027-02-19', skipped: true },
    ] as const) {
      expect(() => solve(schedule, { start, facts: facts(checkins) })).toThrow(
        expect.objectContaining({
          code: 'invalid-fact',
          path: ['facts', 'checkins', 'skipped'],
          rule: 'timing.fact',
          message: expect.stringContaining(
            '"checkins" is skipped: give the one day it was skipped',
          ),
        }),
      );
    }
  });
});
