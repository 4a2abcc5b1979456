import { describe, expect, it } from 'vitest';
import { about, DEFAULT_TOLERANCE, exactly, parseDuration } from '../duration.js';
import { TimingError } from '../errors.js';

describe('about', () => {
  it('gives "about 2 weeks" a window of 10 to 18 days', () => {
    const d = about(2, 'weeks');
    expect(d.nominal).toEqual({ months: 0, days: 14 });
    expect(d.earliest).toEqual({ months: 0, days: 10 });
    expect(d.latest).toEqual({ months: 0, days: 18 });
    expect(d.text).toBe('about 2 weeks');
  });

  it('sizes month windows in days around whole months', () => {
    expect(about(1, 'months')).toMatchObject({
      nominal: { months: 1, days: 0 },
      earliest: { months: 1, days: -7 },
      latest: { months: 1, days: 7 },
    });
    // 9 months ~ 274 days; 15% = 41 days either way.
    expect(about(9, 'months').latest).toEqual({ months: 9, days: 41 });
    expect(about(1, 'years').nominal).toEqual({ months: 12, days: 0 });
  });

  it('keeps a floor of tolerance for short durations', () => {
    expect(about(1, 'days')).toMatchObject({ earliest: { days: 0 }, latest: { days: 2 } });
    expect(about(1, 'weeks')).toMatchObject({ earliest: { days: 5 }, latest: { days: 9 } });
    expect(DEFAULT_TOLERANCE.days.minDays).toBe(1);
  });

  it('gives zero a zero window', () => {
    expect(about(0, 'days')).toMatchObject({ earliest: { days: 0 }, latest: { days: 0 } });
  });

  it('takes window overrides as lengths or ISO strings', () => {
    const d = about(2, 'weeks', { earliest: 'P10D', latest: { months: 0, days: 21 } });
    expect(d.earliest).toEqual({ months: 0, days: 10 });
    expect(d.latest).toEqual({ months: 0, days: 21 });
  });

  it('refuses a window that does not contain the nominal length', () => {
    expect(() => about(2, 'weeks', { earliest: 'P3W' })).toThrow(
      expect.objectContaining({
        code: 'window-excludes-nominal',
        rule: 'timing.window-contains-nominal',
      }),
    );
  });

  it('refuses negative, fractional and unknown amounts with typed errors', () => {
    expect(() => about(-1, 'weeks')).toThrow(TimingError);
    expect(() => about(-1, 'weeks')).toThrow(
      expect.objectContaining({ code: 'negative-duration' }),
    );
    expect(() => about(1.5, 'weeks')).toThrow(
      expect.objectContaining({ code: 'invalid-duration' }),
    );
    expect(() => about(1, 'fortnights' as 'weeks')).toThrow(
      /use "days", "workingDays", "weeks", "months" or "years"/,
    );
  });
});

describe('exactly', () => {
  it('has no window', () => {
    const d = exactly(3, 'days');
    expect(d.earliest).toEqual(d.nominal);
    expect(d.latest).toEqual(d.nominal);
    expect(d.text).toBe('exactly 3 days');
  });
});

describe('parseDuration', () => {
  it('reads P2W and P3M as about-durations', () => {
    expect(parseDuration('P2W')).toEqual(about(2, 'weeks'));
    expect(parseDuration('P3M')).toEqual(about(3, 'months'));
    expect(parseDuration('P1D').text).toBe('about 1 day');
  });

  it('sums mixed parts and their windows', () => {
    const d = parseDuration('P1M15D');
    expect(d.nominal).toEqual({ months: 1, days: 15 });
    // 1 month brings 7 days (the floor), 15 days brings 3.
    expect(d.latest).toEqual({ months: 1, days: 25 });
    expect(d.text).toBe('about P1M15D');
    expect(parseDuration('P1Y').nominal).toEqual({ months: 12, days: 0 });
  });

  it('refuses what is not a whole-day ISO duration, saying how to write one', () => {
    for (const bad of ['two weeks', 'P', '2W', 'P1.5W', 'PT3H', 'P1DT2H', '']) {
      expect(() => parseDuration(bad), bad).toThrow(
        expect.objectContaining({
          code: 'invalid-duration',
          message: expect.stringContaining('"P2W"'),
        }),
      );
    }
    expect(() => parseDuration('-P2W')).toThrow(
      expect.objectContaining({ code: 'negative-duration' }),
    );
  });
});
