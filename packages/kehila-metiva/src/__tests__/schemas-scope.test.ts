import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Channel, type Scope, scopeSchema } from '../index.js';

const scope = {
  focusAreas: [
    { id: 'neve-sharet', name: 'נווה שרת' },
    { id: 'old-north', name: 'הצפון הישן' },
  ],
  channels: ['social', 'urban'],
  timeline: { start: '2026-09-07', plannedEnd: '2027-12-31' },
};

describe('scopeSchema', () => {
  it('S0: parses focus areas, channels and timeline into plain JSON', () => {
    const parsed = scopeSchema.parse(scope);
    expect(parsed).toEqual(scope);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
    expectTypeOf<Scope['channels']>().toEqualTypeOf<Channel[]>();
  });

  it('S0: accepts all four channels', () => {
    const all = { ...scope, channels: ['social', 'educational', 'urban', 'economic'] };
    expect(scopeSchema.safeParse(all).success).toBe(true);
  });

  it('S0: refuses a scope with no channel', () => {
    expect(scopeSchema.safeParse({ ...scope, channels: [] }).error?.issues).toMatchObject([
      {
        path: ['channels'],
        message: 'S0: take on one to four channels, not 0',
        params: { rule: 'S0' },
      },
    ]);
  });

  it('S0: refuses a channel listed twice, at the repeat', () => {
    const twice = { ...scope, channels: ['social', 'urban', 'social'] };
    expect(scopeSchema.safeParse(twice).error?.issues).toMatchObject([
      {
        path: ['channels', 2],
        message: 'S0: channel "social" is listed twice; list each channel once',
        params: { rule: 'S0' },
      },
    ]);
  });

  it('S0: refuses five channels', () => {
    const five = { ...scope, channels: ['social', 'educational', 'urban', 'economic', 'social'] };
    expect(scopeSchema.safeParse(five).error?.issues[0]).toMatchObject({
      path: ['channels'],
      message: 'S0: take on one to four channels, not 5',
    });
  });

  it('S0: refuses an unknown channel', () => {
    const parsed = scopeSchema.safeParse({ ...scope, channels: ['social', 'culture'] });
    expect(parsed.error?.issues).toMatchObject([
      { path: ['channels', 1], message: expect.stringMatching(/^S0: "culture" is not a channel/) },
    ]);
  });

  it('S0: refuses a scope without a focus area', () => {
    expect(scopeSchema.safeParse({ ...scope, focusAreas: [] }).error?.issues).toMatchObject([
      { path: ['focusAreas'], message: 'S0: name at least one focus area (neighbourhood)' },
    ]);
  });

  it('refuses two focus areas with one id', () => {
    const repeated = {
      ...scope,
      focusAreas: [
        { id: 'north', name: 'צפון' },
        { id: 'north', name: 'צפון חדש' },
      ],
    };
    expect(scopeSchema.safeParse(repeated).error?.issues).toMatchObject([
      {
        path: ['focusAreas', 1, 'id'],
        message: 'focus area id "north" is used twice; give each one its own',
      },
    ]);
  });

  it('S0: refuses a planned end that is not after the start', () => {
    const backwards = { ...scope, timeline: { start: '2026-09-07', plannedEnd: '2026-06-30' } };
    expect(scopeSchema.safeParse(backwards).error?.issues).toMatchObject([
      {
        path: ['timeline', 'plannedEnd'],
        message: 'S0: the planned end "2026-06-30" is not after the start "2026-09-07"',
      },
    ]);
  });

  it('refuses a Date object as the start', () => {
    const withDate = { ...scope, timeline: { start: new Date(), plannedEnd: '2027-12-31' } };
    expect(scopeSchema.safeParse(withDate).error?.issues[0]?.path).toEqual(['timeline', 'start']);
  });
});
