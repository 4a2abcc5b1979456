import { describe, expect, it } from 'vitest';
import { mondayToFriday } from '../calendar.js';
import { criticalPath } from '../critical-path.js';
import { about } from '../duration.js';
import { explain } from '../explain.js';
import { toGantt } from '../gantt.js';
import { israelCalendar } from '../israel/index.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';

const schedule = defineSchedule({
  S0: { label: 'Scope set' },
  S1: { label: 'Shaping committee 1', after: { step: 'S0', lag: about(2, 'weeks') } },
  S2: { label: 'Mapping', after: 'S1', duration: about(3, 'months') },
  X1: { label: 'Hackathon', after: { step: 'S1', lag: about(1, 'months') } },
  C: { label: 'Decision', after: ['S2', 'X1'] },
});
// 2026-09-07 + 14 days = 2026-09-21, Yom Kippur 5787.
const plan = solve(schedule, { start: '2026-09-07', calendar: israelCalendar() });

describe('explain', () => {
  it('says which relation, which lag and which holiday set a date', () => {
    expect(explain(plan, 'S1')).toBe(
      '"S1" (Shaping committee 1) is planned for 2026-09-22: about 2 weeks after "S0" (Scope set) ' +
        'finishes (2026-09-07), which gives 2026-09-21. The start moved from 2026-09-21 to ' +
        '2026-09-22, the next working day, past 2026-09-21 (Yom Kippur). ' +
        'It may start from 2026-09-17 to 2026-09-27.',
    );
  });

  it('explains the program start, spans and joins', () => {
    expect(explain(plan, 'S0')).toBe(
      '"S0" (Scope set) waits for nothing, so it starts at the program start, 2026-09-07. ' +
        'It may start from 2026-09-07 to 2026-09-07.',
    );
    // 2026-12-22 is a Tuesday: no move.
    expect(explain(plan, 'S2')).toContain('It runs to 2026-12-22.');
    expect(explain(plan, 'C')).toContain(
      'when "S2" (Mapping) finishes (2026-12-22). It also waits for "X1" (2026-10-22), which comes no later.',
    );
  });

  it('explains recorded facts and series', () => {
    const meetings = defineSchedule({
      a: {},
      m: { after: 'a', repeat: { every: 'P2W', count: 3 } },
    });
    const recorded = solve(meetings, {
      start: '2027-01-04',
      calendar: mondayToFriday,
      facts: { m: { occurrences: ['2027-01-05'] } },
    });
    expect(explain(recorded, 'm')).toBe(
      '"m" is recorded as started on 2027-01-05. It meets 3 times: 2027-01-05 (held), 2027-01-19, 2027-02-02.',
    );
  });

  it('refuses an unknown step', () => {
    expect(() => explain(plan, 'S9' as 'S0')).toThrow(
      expect.objectContaining({ code: 'unknown-step' }),
    );
  });
});

describe('criticalPath', () => {
  it('walks the driving relations back from the target', () => {
    expect(criticalPath(plan, 'C')).toEqual(['S0', 'S1', 'S2', 'C']);
    expect(criticalPath(plan, 'X1')).toEqual(['S0', 'S1', 'X1']);
    expect(criticalPath(plan)).toEqual(['S0', 'S1', 'S2', 'C']);
  });

  it('says a recorded one-day step is recorded on its day, and a span recorded as started', () => {
    const recorded = solve(schedule, {
      start: '2026-09-07',
      calendar: israelCalendar(),
      facts: { S1: '2026-09-23', S2: { start: '2026-09-24' } },
    });
    expect(explain(recorded, 'S1')).toBe('"S1" (Shaping committee 1) is recorded on 2026-09-23.');
    expect(explain(recorded, 'S2')).toMatch(
      /^"S2" \(Mapping\) is recorded as started on 2026-09-24\./,
    );
  });

  it('stops at a recorded fact', () => {
    const replanned = solve(schedule, {
      start: '2026-09-07',
      calendar: israelCalendar(),
      facts: { S1: '2026-09-24' },
    });
    expect(criticalPath(replanned, 'C')).toEqual(['S1', 'S2', 'C']);
  });

  it('refuses an unknown target', () => {
    expect(() => criticalPath(plan, 'Z' as 'C')).toThrow(
      expect.objectContaining({ code: 'unknown-step' }),
    );
  });
});

describe('toGantt', () => {
  it('gives one row per step with dates, dependencies and the critical flag', () => {
    const rows = toGantt(plan);
    expect(rows.map((r) => r.id)).toEqual(plan.order);
    expect(rows.find((r) => r.id === 'S2')).toEqual({
      id: 'S2',
      label: 'Mapping',
      group: undefined,
      kind: 'span',
      start: '2026-09-22',
      end: '2026-12-22',
      dependencies: ['S1'],
      critical: true,
      milestone: false,
      done: false,
      skipped: false,
    });
    expect(rows.find((r) => r.id === 'X1')).toMatchObject({ milestone: true, critical: false });
  });
});
