import { describe, expect, it } from 'vitest';
import { compassSchema, indicatorSchema, objectiveSchema } from '../index.js';

const dropout = {
  id: 'dropout-rate',
  name: 'שיעור נשירה בגילאי 15-17',
  unit: '%',
  baseline: 18,
  target: 10,
  targetDate: '2029-06-30',
};
const compass = {
  vision: 'קהילה מיטיבה: עיר שבה כל תושב.ת שותף.ה ומשגשג.ת',
  goals: [
    { id: 'resilient-youth', title: 'נוער עם סיכויים שווים' },
    { id: 'economic-mobility', title: 'ניעות כלכלית למשפחות' },
  ],
  objectives: [
    { id: 'cut-dropout', title: 'Cut dropout', goalId: 'resilient-youth', indicators: [dropout] },
    {
      id: 'women-employment',
      title: 'Raise employment of women',
      goalId: 'economic-mobility',
      indicators: [
        {
          id: 'women-employed',
          name: 'Employment of women 25-64',
          unit: '%',
          baseline: 52,
          target: 60,
        },
      ],
    },
  ],
  adoptedOn: '2027-01-05',
};

describe('indicatorSchema', () => {
  it('S4: parses an indicator whose target is below its baseline', () => {
    expect(indicatorSchema.parse(dropout)).toEqual(dropout);
  });

  it('refuses a baseline that is not a finite number', () => {
    expect(indicatorSchema.safeParse({ ...dropout, baseline: '18' }).error?.issues).toMatchObject([
      { path: ['baseline'], message: 'expected the baseline as a finite number' },
    ]);
    expect(
      indicatorSchema.safeParse({ ...dropout, target: Number.POSITIVE_INFINITY }).success,
    ).toBe(false);
  });
});

describe('objectiveSchema', () => {
  it('S4: refuses an objective without an indicator', () => {
    const unmeasured = { ...compass.objectives[0], indicators: [] };
    expect(objectiveSchema.safeParse(unmeasured).error?.issues).toMatchObject([
      {
        path: ['indicators'],
        message: 'S4: measure objective "cut-dropout" with at least one indicator',
        params: { rule: 'S4' },
      },
    ]);
  });
});

describe('compassSchema', () => {
  it('S4: parses vision, goals and objectives with indicators', () => {
    const parsed = compassSchema.parse(compass);
    expect(parsed).toEqual(compass);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('S4: refuses an objective linked to a goal that is not in the compass', () => {
    const dangling = {
      ...compass,
      objectives: [{ ...compass.objectives[0], goalId: 'housing' }],
    };
    expect(compassSchema.safeParse(dangling).error?.issues).toMatchObject([
      {
        path: ['objectives', 0, 'goalId'],
        message:
          'S4: objective "cut-dropout" is linked to goal "housing", which is not one of the goals ("resilient-youth", "economic-mobility")',
      },
    ]);
  });

  it('S4: refuses a compass without goals or objectives', () => {
    expect(
      compassSchema.safeParse({ ...compass, goals: [], objectives: [] }).error?.issues,
    ).toMatchObject([
      { path: ['goals'], message: 'S4: set at least one goal' },
      { path: ['objectives'], message: 'S4: set at least one objective' },
    ]);
  });

  it('refuses a compass without a vision', () => {
    expect(compassSchema.safeParse({ ...compass, vision: ' ' }).error?.issues).toMatchObject([
      { path: ['vision'], message: 'expected a text that is not empty' },
    ]);
  });

  it('refuses repeated goal, objective and indicator ids', () => {
    const repeated = {
      ...compass,
      goals: [compass.goals[0], compass.goals[0]],
      objectives: [
        compass.objectives[0],
        { ...compass.objectives[0], id: 'cut-dropout-2' },
        { ...compass.objectives[0] },
      ],
    };
    expect(compassSchema.safeParse(repeated).error?.issues).toMatchObject([
      {
        path: ['goals', 1, 'id'],
        message: 'goal id "resilient-youth" is used twice; give each one its own',
      },
      {
        path: ['objectives', 2, 'id'],
        message: 'objective id "cut-dropout" is used twice; give each one its own',
      },
      {
        path: ['objectives', 1, 'indicators', 0, 'id'],
        message: 'indicator id "dropout-rate" is used twice; give each one its own',
      },
      { path: ['objectives', 2, 'indicators', 0, 'id'] },
    ]);
  });
});
