import { describe, expect, it } from 'vitest';
import { focusChallengeSchema, focusChallengesSchema } from '../index.js';

const five = [
  { id: 'youth', title: 'נוער בסיכון', rank: 1 },
  { id: 'employment', title: 'תעסוקת נשים', rank: 2 },
  { id: 'public-space', title: 'מרחב ציבורי מוזנח', rank: 3 },
  { id: 'elderly', title: 'בדידות אזרחים ותיקים', rank: 4 },
  { id: 'early-childhood', title: 'גיל הרך', rank: 5 },
];

describe('focusChallengeSchema', () => {
  it('parses a challenge with an optional description', () => {
    const challenge = { id: 'youth', title: 'Youth at risk', rank: 1, description: '15-18' };
    expect(focusChallengeSchema.parse(challenge)).toEqual(challenge);
  });

  it('S1: refuses a rank outside 1 to 5 and a fractional rank', () => {
    expect(focusChallengeSchema.safeParse({ ...five[0], rank: 6 }).error?.issues).toMatchObject([
      { path: ['rank'], message: 'S1: rank 6 is not 1 to 5', params: { rule: 'S1' } },
    ]);
    expect(focusChallengeSchema.safeParse({ ...five[0], rank: 1.5 }).error?.issues).toMatchObject([
      { path: ['rank'], message: 'S1: a rank is a whole number from 1 to 5' },
    ]);
  });
});

describe('focusChallengesSchema', () => {
  it('S1: parses five challenges ranked 1 to 5, in any order', () => {
    expect(focusChallengesSchema.parse(five)).toEqual(five);
    expect(focusChallengesSchema.safeParse([...five].reverse()).success).toBe(true);
  });

  it('S1: refuses four challenges', () => {
    expect(focusChallengesSchema.safeParse(five.slice(0, 4)).error?.issues).toMatchObject([
      {
        path: [],
        message: 'S1: rank exactly five focus challenges, not 4',
        params: { rule: 'S1' },
      },
    ]);
  });

  it('S1: refuses six challenges', () => {
    const six = [...five, { id: 'housing', title: 'דיור', rank: 5 }];
    expect(focusChallengesSchema.safeParse(six).error?.issues[0]).toMatchObject({
      path: [],
      message: 'S1: rank exactly five focus challenges, not 6',
    });
  });

  it('S1: refuses a rank given twice, naming both challenges and the missing rank', () => {
    const repeated = five.map((c) => (c.id === 'early-childhood' ? { ...c, rank: 4 } : c));
    expect(focusChallengesSchema.safeParse(repeated).error?.issues).toMatchObject([
      {
        path: [4, 'rank'],
        message:
          'S1: rank 4 is given to "בדידות אזרחים ותיקים" and "גיל הרך"; give each rank 1 to 5 to one challenge',
      },
      { path: [], message: 'S1: no challenge has rank 5; ranks 1 to 5 are all given' },
    ]);
  });

  it('refuses two challenges with one id', () => {
    const repeated = five.map((c) => (c.id === 'elderly' ? { ...c, id: 'youth' } : c));
    expect(focusChallengesSchema.safeParse(repeated).error?.issues).toMatchObject([
      { path: [3, 'id'], message: 'challenge id "youth" is used twice; give each one its own' },
    ]);
  });
});
