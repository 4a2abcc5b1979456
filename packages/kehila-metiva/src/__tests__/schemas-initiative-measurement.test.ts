import { describe, expect, it } from 'vitest';
import { initiativeMeasurementSchema, objectiveProgressSchema } from '../index.js';

const measurement = {
  initiativeId: 'idea-homework-club',
  measuredOn: '2027-08-04',
  progress: [
    { measure: 'share', objectiveId: 'cut-dropout', share: 0.3 },
    { measure: 'indicator', objectiveId: 'cut-dropout', indicatorId: 'dropout-rate', value: 16 },
  ],
  notes: '42 ילדים מגיעים פעמיים בשבוע; קשה להחזיק מתנדבים בתקופת מבחנים',
};

describe('objectiveProgressSchema', () => {
  it('X3: accepts a share 0 to 1 and an indicator value', () => {
    expect(
      objectiveProgressSchema.safeParse({ measure: 'share', objectiveId: 'o', share: 0 }).success,
    ).toBe(true);
    expect(
      objectiveProgressSchema.safeParse({ measure: 'share', objectiveId: 'o', share: 1 }).success,
    ).toBe(true);
    expect(
      objectiveProgressSchema.safeParse({
        measure: 'indicator',
        objectiveId: 'o',
        indicatorId: 'i',
        value: -3,
      }).success,
    ).toBe(true);
  });

  it('X3: refuses a share above 1', () => {
    expect(
      objectiveProgressSchema.safeParse({
        measure: 'share',
        objectiveId: 'cut-dropout',
        share: 1.5,
      }).error?.issues,
    ).toMatchObject([
      { path: ['share'], message: 'X3: a share of progress is a number from 0 to 1' },
    ]);
  });

  it('X3: refuses an indicator value without the indicator id', () => {
    const value = { measure: 'indicator', objectiveId: 'cut-dropout', value: 16 };
    expect(objectiveProgressSchema.safeParse(value).error?.issues[0]?.path).toEqual([
      'indicatorId',
    ]);
  });

  it('X3: refuses progress that does not say how it is measured', () => {
    expect(
      objectiveProgressSchema.safeParse({ objectiveId: 'cut-dropout', share: 0.3 }).error?.issues,
    ).toMatchObject([
      {
        path: ['measure'],
        message:
          'X3: say how progress is measured: measure "share" (0 to 1) or "indicator" (a value)',
      },
    ]);
  });
});

describe('initiativeMeasurementSchema', () => {
  it('X3: parses a measurement with progress per objective and notes', () => {
    const parsed = initiativeMeasurementSchema.parse(measurement);
    expect(parsed).toEqual(measurement);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('X3: refuses a measurement of no objective', () => {
    expect(
      initiativeMeasurementSchema.safeParse({ ...measurement, progress: [] }).error?.issues,
    ).toMatchObject([
      {
        path: ['progress'],
        message: 'X3: measure progress toward at least one objective',
        params: { rule: 'X3' },
      },
    ]);
  });

  it('refuses the same share or indicator value given twice', () => {
    const twice = { ...measurement, progress: [...measurement.progress, ...measurement.progress] };
    expect(initiativeMeasurementSchema.safeParse(twice).error?.issues).toMatchObject([
      {
        path: ['progress', 2],
        message: 'a share for objective "cut-dropout" is given twice; give it once',
      },
      {
        path: ['progress', 3],
        message:
          'a value for indicator "dropout-rate" of objective "cut-dropout" is given twice; give it once',
      },
    ]);
  });

  it('refuses a measurement date that is not a calendar date', () => {
    expect(
      initiativeMeasurementSchema.safeParse({ ...measurement, measuredOn: '2027-13-01' }).error
        ?.issues[0]?.path,
    ).toEqual(['measuredOn']);
  });
});
