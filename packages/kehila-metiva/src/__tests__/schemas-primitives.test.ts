import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  agorotSchema,
  CHANNELS,
  type Channel,
  channelSchema,
  dateRangeSchema,
  idSchema,
  isoDateSchema,
  textSchema,
} from '../index.js';

describe('idSchema', () => {
  it('accepts an id without whitespace, Hebrew included', () => {
    expect(idSchema.parse('challenge-youth')).toBe('challenge-youth');
    expect(idSchema.parse('נוער-1')).toBe('נוער-1');
  });

  it('refuses an empty id, an id with spaces and a number', () => {
    expect(idSchema.safeParse('').success).toBe(false);
    expect(idSchema.safeParse('two words').error?.issues).toMatchObject([
      { path: [], message: expect.stringContaining('id "two words" is not valid') },
    ]);
    expect(idSchema.safeParse(7).error?.issues).toMatchObject([
      { message: 'expected an id (a string such as "objective-1")' },
    ]);
  });

  it('refuses an id longer than 128 characters', () => {
    expect(idSchema.safeParse('x'.repeat(128)).success).toBe(true);
    expect(idSchema.safeParse('x'.repeat(129)).success).toBe(false);
  });
});

describe('textSchema', () => {
  it('trims the text', () => {
    expect(textSchema.parse('  נוער בסיכון ')).toBe('נוער בסיכון');
  });

  it('refuses a text that is only whitespace', () => {
    expect(textSchema.safeParse('   ').error?.issues).toMatchObject([
      { path: [], message: 'expected a text that is not empty' },
    ]);
  });
});

describe('isoDateSchema', () => {
  it('accepts a calendar date as YYYY-MM-DD, leap days included', () => {
    expect(isoDateSchema.parse('2026-09-07')).toBe('2026-09-07');
    expect(isoDateSchema.parse('2028-02-29')).toBe('2028-02-29');
  });

  it('refuses a date that does not exist, another format, a Date and a date-time', () => {
    expect(isoDateSchema.safeParse('2027-02-29').error?.issues).toMatchObject([
      {
        path: [],
        message: '"2027-02-29" is not a calendar date; write it as "YYYY-MM-DD", e.g. "2026-09-07"',
      },
    ]);
    expect(isoDateSchema.safeParse('07/09/2026').success).toBe(false);
    expect(isoDateSchema.safeParse('2026-09-07T10:00:00Z').success).toBe(false);
    expect(isoDateSchema.safeParse(new Date('2026-09-07')).error?.issues).toMatchObject([
      { message: 'expected a calendar date as "YYYY-MM-DD", e.g. "2026-09-07"' },
    ]);
  });
});

describe('agorotSchema', () => {
  it('accepts whole agorot from 0', () => {
    expect(agorotSchema.parse(0)).toBe(0);
    expect(agorotSchema.parse(25_000_000)).toBe(25_000_000);
  });

  it('refuses fractions of an agora, negative amounts and numeric strings', () => {
    expect(agorotSchema.safeParse(99.5).error?.issues).toMatchObject([
      { message: expect.stringContaining('whole agorot') },
    ]);
    expect(agorotSchema.safeParse(-100).error?.issues).toMatchObject([
      { message: 'an amount of money is 0 or more agorot' },
    ]);
    expect(agorotSchema.safeParse('25000').success).toBe(false);
  });
});

describe('dateRangeSchema', () => {
  it('accepts a range, a one-day range included', () => {
    expect(dateRangeSchema.parse({ start: '2027-05-01', end: '2027-12-31' })).toEqual({
      start: '2027-05-01',
      end: '2027-12-31',
    });
    expect(dateRangeSchema.safeParse({ start: '2027-05-01', end: '2027-05-01' }).success).toBe(
      true,
    );
  });

  it('refuses an end before the start, at the end', () => {
    expect(
      dateRangeSchema.safeParse({ start: '2027-05-01', end: '2027-04-30' }).error?.issues,
    ).toMatchObject([
      {
        path: ['end'],
        message: 'end "2027-04-30" is before start "2027-05-01"; end on or after the start',
      },
    ]);
  });

  it('refuses unknown keys', () => {
    expect(
      dateRangeSchema.safeParse({ start: '2027-05-01', end: '2027-05-02', finish: '2027-05-02' })
        .error?.issues,
    ).toMatchObject([{ code: 'unrecognized_keys', keys: ['finish'] }]);
  });
});

describe('channelSchema', () => {
  it('S0: accepts the four channels', () => {
    expect(CHANNELS.map((channel) => channelSchema.parse(channel))).toEqual([
      'social',
      'educational',
      'urban',
      'economic',
    ]);
    expectTypeOf<Channel>().toEqualTypeOf<'social' | 'educational' | 'urban' | 'economic'>();
  });

  it('S0: refuses another channel, naming the four', () => {
    expect(channelSchema.safeParse('cultural').error?.issues).toMatchObject([
      {
        path: [],
        message:
          'S0: "cultural" is not a channel; a channel is one of "social", "educational", "urban", "economic"',
      },
    ]);
  });
});
