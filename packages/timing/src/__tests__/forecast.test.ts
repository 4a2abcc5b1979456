import { describe, expect, it } from 'vitest';
import { everyDay, mondayToFriday } from '../calendar.js';
import { about, exactly } from '../duration.js';
import { forecast } from '../forecast.js';
import { defineSchedule } from '../schedule.js';
import { solve } from '../solve.js';

const schedule = defineSchedule({
  conference: {},
  hackathon: { after: { step: 'conference', lag: about(1, 'months') } },
  measurement: { after: { step: 'hackathon', lag: about(6, 'months') } },
  review: { after: { step: 'hackathon', lag: about(9, 'months') } },
  support: { after: 'hackathon', duration: about(9, 'months') },
});
const options = { start: '2027-01-05', calendar: mondayToFriday } as const;

describe('forecast', () => {
  it('gives the same forecast for the same seed', () => {
    const a = forecast(schedule, { ...options, samples: 300, seed: 7 });
    const b = forecast(schedule, { ...options, samples: 300, seed: 7 });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ samples: 300, seed: 7 });
    const c = forecast(schedule, { ...options, samples: 300, seed: 8 });
    expect(c.steps.review).not.toEqual(a.steps.review);
  });

  it('keeps P10 <= P50 <= P90 inside the windows the solver gives', () => {
    const plan = solve(schedule, options);
    const { steps } = forecast(schedule, { ...options, samples: 500 });
    for (const id of plan.order) {
      const { start, finish } = steps[id];
      expect(start.p10 <= start.p50 && start.p50 <= start.p90, id).toBe(true);
      expect(finish.p10 <= finish.p50 && finish.p50 <= finish.p90, id).toBe(true);
      expect(start.p10 >= plan.steps[id].window.earliest, id).toBe(true);
      expect(start.p90 <= plan.steps[id].window.latest, id).toBe(true);
      expect(finish.p10 >= plan.steps[id].finishWindow.earliest, id).toBe(true);
      expect(finish.p90 <= plan.steps[id].finishWindow.latest, id).toBe(true);
    }
    // Nine months is wider than one: the review's spread is wider than the hackathon's.
    const spread = (p: { p10: string; p90: string }) => Date.parse(p.p90) - Date.parse(p.p10);
    expect(spread(steps.review.start)).toBeGreaterThan(spread(steps.hackathon.start));
  });

  it('centres a symmetric window on the nominal date', () => {
    const single = defineSchedule({ a: {}, b: { after: { step: 'a', lag: about(2, 'weeks') } } });
    const { steps } = forecast(single, { start: '2027-01-04', calendar: everyDay, samples: 2001 });
    expect(steps.b.start.p50).toBe('2027-01-18');
    expect(steps.b.start.p10 < '2027-01-18' && steps.b.start.p90 > '2027-01-18').toBe(true);
  });

  it('keeps exact lags and recorded facts fixed', () => {
    const exact = defineSchedule({ a: {}, b: { after: { step: 'a', lag: exactly(2, 'weeks') } } });
    const { steps } = forecast(exact, {
      start: '2027-01-04',
      samples: 50,
      facts: { a: '2027-01-06' },
    });
    expect(steps.a.start).toEqual({ p10: '2027-01-06', p50: '2027-01-06', p90: '2027-01-06' });
    expect(steps.b.start).toEqual({ p10: '2027-01-20', p50: '2027-01-20', p90: '2027-01-20' });
  });

  it('refuses a bad sample count or seed, and bad input as solve does', () => {
    expect(() => forecast(schedule, { ...options, samples: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid-option', path: ['samples'] }),
    );
    expect(() => forecast(schedule, { ...options, seed: 1.5 })).toThrow(
      expect.objectContaining({ code: 'invalid-option', path: ['seed'] }),
    );
    expect(() => forecast(schedule, { ...options, start: 'soon' })).toThrow(
      expect.objectContaining({ code: 'invalid-date' }),
    );
  });
});
