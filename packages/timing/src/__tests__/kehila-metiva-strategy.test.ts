import { describe, expect, it } from 'vitest';
import { criticalPath } from '../critical-path.js';
import { about } from '../duration.js';
import { israelCalendar } from '../israel/index.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';

// The strategy track of docs/program.md (S0-S9) for an authority with two channel teams.
// Where the program says only "after", the step follows about two weeks later.
const teamMeetings = { every: 'P2W', count: 4 } as const;
const strategy = defineSchedule({
  S0: { label: 'Steering committee sets the scope' },
  S1: { label: 'Shaping committee 1', after: { step: 'S0', lag: about(2, 'weeks') } },
  S2: { label: 'Mapping', after: 'S1', duration: about(3, 'months') },
  S3: { label: 'Shaping committee 2', after: 'S2' },
  S4: { label: 'Launch conference', after: { step: 'S3', lag: about(2, 'weeks') } },
  S5: { label: 'Shaping committee 3', after: { step: 'S4', lag: about(2, 'weeks') } },
  'S6.social': { after: { step: 'S5', lag: about(2, 'weeks') }, repeat: teamMeetings },
  'S6.urban': { after: { step: 'S5', lag: about(2, 'weeks') }, repeat: teamMeetings },
  S7: {
    label: 'Shaping committee 4',
    after: [
      { step: 'S6.social', lag: about(2, 'weeks') },
      { step: 'S6.urban', lag: about(2, 'weeks') },
    ],
  },
  S8: { label: 'Shaping committee 5', after: { step: 'S7', lag: about(2, 'weeks') } },
  S9: { label: 'Steering committee approval', after: { step: 'S8', lag: about(2, 'weeks') } },
});
const calendar = israelCalendar();

describe('the Kehila Metiva strategy track (PROGRAM S0-S9)', () => {
  // Monday 2026-09-07, a week before Rosh Hashana 5787.
  const plan = solve(strategy, { start: '2026-09-07', calendar });

  it('plans S0-S9 on Israeli working days, checked by hand', () => {
    expect(plan.order.map((id) => [id, plan.steps[id].start, plan.steps[id].finish])).toEqual([
      ['S0', '2026-09-07', '2026-09-07'], // the program start, a Monday
      // 09-07 + 14 = Monday 09-21, Yom Kippur: the next working day is Tuesday 09-22.
      ['S1', '2026-09-22', '2026-09-22'],
      // Mapping starts with S1 and runs 3 months: Tuesday 12-22.
      ['S2', '2026-09-22', '2026-12-22'],
      ['S3', '2026-12-22', '2026-12-22'], // when mapping ends
      ['S4', '2027-01-05', '2027-01-05'], // 12-22 + 14, a Tuesday
      ['S5', '2027-01-19', '2027-01-19'], // + 14
      // Each team: first meeting 14 days after S5, then every two weeks, four in all.
      ['S6.social', '2027-02-02', '2027-03-16'],
      ['S6.urban', '2027-02-02', '2027-03-16'],
      ['S7', '2027-03-30', '2027-03-30'], // 14 days after the last team meeting
      ['S8', '2027-04-13', '2027-04-13'],
      ['S9', '2027-04-27', '2027-04-27'], // chol hamoed Pesach: a working day by default
    ]);
    expect(plan.steps['S6.social'].occurrences?.map((o) => o.date)).toEqual([
      '2027-02-02',
      '2027-02-16',
      '2027-03-02',
      '2027-03-16',
    ]);
  });

  it('gives the windows the about-durations allow, checked by hand', () => {
    // S1: 10 to 18 days after 09-07: Thursday 09-17 to Friday 09-25, which moves past Friday and
    // Sukkot (Saturday 09-26) to Sunday 09-27.
    expect(plan.steps.S1.window).toEqual({ earliest: '2026-09-17', latest: '2026-09-27' });
    // Mapping may end 14 days either side of 3 months: from 09-17 + 3 months - 14 = Thursday
    // 12-03, to 09-27 + 3 months + 14 = Sunday 2027-01-10.
    expect(plan.steps.S2.finishWindow).toEqual({ earliest: '2026-12-03', latest: '2027-01-10' });
    // S4: 12-03 + 10 = Sunday 12-13; 01-10 + 18 = Thursday 01-28.
    expect(plan.steps.S4.window).toEqual({ earliest: '2026-12-13', latest: '2027-01-28' });
  });

  it('ends with the approval on one critical chain, about 7.5 months after the scope', () => {
    expect(plan.finish).toBe('2027-04-27');
    expect(criticalPath(plan, 'S9')).toEqual([
      'S0',
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
      'S6.social',
      'S7',
      'S8',
      'S9',
    ]);
  });

  it('re-plans after late facts, moving S9 past Pesach and the weekend', () => {
    const replanned = solve(strategy, {
      start: '2026-09-07',
      calendar,
      facts: { S0: '2026-09-07', S1: '2026-09-22', S8: '2027-04-08' },
    });
    // 04-08 + 14 = Thursday 04-22, Pesach I; Friday and Saturday follow: Sunday 04-25.
    expect(replanned.steps.S9.start).toBe('2027-04-25');
    expect(replanned.steps.S9.basis).toMatchObject({
      kind: 'relation',
      date: '2027-04-22',
      moved: {
        from: '2027-04-22',
        to: '2027-04-25',
        closures: [
          { date: '2027-04-22', kind: 'holiday', name: 'Pesach I' },
          { date: '2027-04-23', kind: 'weekend', name: 'Friday' },
          { date: '2027-04-24', kind: 'weekend', name: 'Saturday' },
        ],
      },
    });
    // Nothing before S8 moved.
    for (const id of ['S2', 'S3', 'S4', 'S5', 'S7'] as const) {
      expect(replanned.steps[id].start).toBe(plan.steps[id].start);
    }
  });
});
