import { describe, expect, it } from 'vitest';
import { continuationDecisionSchema, continuationDecisionsSchema } from '../index.js';

const continued = {
  initiativeId: 'idea-homework-club',
  decision: 'continue',
  reasons: ['הנשירה בקרב המשתתפים ירדה מ-18% ל-12%', 'Part of the educational work plan'],
  advancesObjectiveIds: ['cut-dropout'],
  fitsPlan: true,
  decidedOn: '2027-11-10',
};
const stopped = {
  initiativeId: 'idea-cable-car',
  decision: 'stop',
  reasons: ['Does not fit the urban work plan'],
  advancesObjectiveIds: [],
  fitsPlan: false,
  decidedOn: '2027-11-10',
};

describe('continuationDecisionSchema', () => {
  it('C2: parses a continued initiative that advances an objective and fits the plan', () => {
    const parsed = continuationDecisionSchema.parse(continued);
    expect(parsed).toEqual(continued);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('C2: parses a stopped initiative, whatever it advances', () => {
    expect(continuationDecisionSchema.parse(stopped)).toEqual(stopped);
    expect(continuationDecisionSchema.safeParse({ ...continued, decision: 'stop' }).success).toBe(
      true,
    );
  });

  it('C2: refuses to continue an initiative that advances no objective', () => {
    const parsed = continuationDecisionSchema.safeParse({ ...continued, advancesObjectiveIds: [] });
    expect(parsed.error?.issues).toMatchObject([
      {
        path: ['advancesObjectiveIds'],
        message:
          'C2: initiative "idea-homework-club" continues only if it advances an objective; list the objectives it advances or stop it',
        params: { rule: 'C2' },
      },
    ]);
  });

  it('C2: refuses to continue an initiative that does not fit the plan', () => {
    expect(
      continuationDecisionSchema.safeParse({ ...continued, fitsPlan: false }).error?.issues,
    ).toMatchObject([
      {
        path: ['fitsPlan'],
        message:
          'C2: initiative "idea-homework-club" continues only if it fits the strategic plan; stop it or fit it to the plan first',
        params: { rule: 'C2' },
      },
    ]);
  });

  it('C2: reports both missing conditions of a continued initiative', () => {
    const neither = { ...stopped, decision: 'continue' };
    expect(
      continuationDecisionSchema.safeParse(neither).error?.issues.map((issue) => issue.path),
    ).toEqual([['advancesObjectiveIds'], ['fitsPlan']]);
  });

  it('C2: refuses a decision without reasons', () => {
    expect(
      continuationDecisionSchema.safeParse({ ...stopped, reasons: [] }).error?.issues,
    ).toMatchObject([
      {
        path: ['reasons'],
        message: 'C2: record the reasons for the decision on initiative "idea-cable-car"',
      },
    ]);
    expect(
      continuationDecisionSchema.safeParse({ ...stopped, reasons: ['  '] }).error?.issues[0]?.path,
    ).toEqual(['reasons', 0]);
  });

  it('C1: refuses a decision other than continue or stop', () => {
    expect(
      continuationDecisionSchema.safeParse({ ...continued, decision: 'pause' }).error?.issues,
    ).toMatchObject([
      { path: ['decision'], message: 'C1: decide "continue" or "stop" for each initiative' },
    ]);
  });
});

describe('continuationDecisionsSchema', () => {
  it('C1: parses one decision per initiative', () => {
    expect(continuationDecisionsSchema.parse([continued, stopped])).toEqual([continued, stopped]);
  });

  it('C1: refuses two decisions on one initiative', () => {
    expect(
      continuationDecisionsSchema.safeParse([
        continued,
        { ...stopped, initiativeId: continued.initiativeId },
      ]).error?.issues,
    ).toMatchObject([
      {
        path: [1, 'initiativeId'],
        message:
          'C1: initiative "idea-homework-club" has two decisions; record one decision per initiative',
      },
    ]);
  });

  it('C1: refuses an empty list of decisions', () => {
    expect(continuationDecisionsSchema.safeParse([]).error?.issues).toMatchObject([
      { path: [], message: 'C1: decide on at least one initiative' },
    ]);
  });
});
