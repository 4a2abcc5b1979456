import { describe, expect, it } from 'vitest';
import { communityBudgetSchema, planRevisionSchema, strategicPlanSchema } from '../index.js';

const action = {
  id: 'youth-club',
  title: 'מועדון נוער פתוח בערבים',
  origin: 'new',
  kind: 'program',
  strengthensSocialInfrastructure: true,
  budget: { amountAgorot: 35_000_000 },
  gantt: { start: '2027-05-01', end: '2027-12-31' },
  objectiveIds: ['cut-dropout'],
  owner: 'אגף החינוך',
};
const shade = {
  ...action,
  id: 'shade-routes',
  title: 'Shaded walking routes to school',
  strengthensSocialInfrastructure: false,
  objectiveIds: ['safe-routes'],
  owner: 'Engineering department',
};
const plan = {
  authority: 'עיריית חדרה',
  horizon: { start: '2027-05-01', end: '2030-12-31' },
  workPlans: [
    { channel: 'educational', actions: [action] },
    { channel: 'urban', actions: [shade] },
  ],
  communityBudget: { amountAgorot: 20_000_000, guidelines: 'קול קורא ליוזמות תושבים' },
  revisions: [
    { version: 1, revisedOn: '2027-04-13', summary: 'Closed at shaping committee 5' },
    { version: 2, revisedOn: '2027-10-15', summary: 'Shade routes moved to 2028' },
  ],
  public: true,
  publishedOn: '2027-05-02',
  approvedOn: '2027-04-27',
};

describe('planRevisionSchema', () => {
  it('P3: refuses version 0', () => {
    const zero = { version: 0, revisedOn: '2027-04-13', summary: 'Draft' };
    expect(planRevisionSchema.safeParse(zero).error?.issues).toMatchObject([
      { path: ['version'], message: 'P3: a version is a whole number from 1' },
    ]);
  });
});

describe('communityBudgetSchema', () => {
  it('P6: refuses a flexible community budget of 0', () => {
    const none = { amountAgorot: 0, guidelines: 'None this year' };
    expect(communityBudgetSchema.safeParse(none).error?.issues).toMatchObject([
      {
        path: ['amountAgorot'],
        message: 'P6: give the community a flexible budget above 0 agorot',
        params: { rule: 'P6' },
      },
    ]);
  });
});

describe('strategicPlanSchema', () => {
  it('S8, S9: parses the plan with its work plans, budget, revisions and publication', () => {
    const parsed = strategicPlanSchema.parse(plan);
    expect(parsed).toEqual(plan);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('P5: accepts a plan that is not public yet', () => {
    const { publishedOn: _, ...unpublished } = plan;
    expect(strategicPlanSchema.safeParse({ ...unpublished, public: false }).success).toBe(true);
  });

  it('P5: refuses a publication date on a plan that is not public', () => {
    expect(strategicPlanSchema.safeParse({ ...plan, public: false }).error?.issues).toMatchObject([
      {
        path: ['publishedOn'],
        message:
          'P5: the plan has a publication date "2027-05-02" but is not public; set public: true or remove publishedOn',
      },
    ]);
  });

  it('P1: refuses a plan with no action that strengthens social infrastructure', () => {
    const none = {
      ...plan,
      workPlans: [
        {
          channel: 'educational',
          actions: [{ ...action, strengthensSocialInfrastructure: false }],
        },
      ],
    };
    expect(strategicPlanSchema.safeParse(none).error?.issues).toMatchObject([
      {
        path: ['workPlans'],
        message:
          'P1: the plan includes no action that strengthens social infrastructure; add one or mark one (strengthensSocialInfrastructure: true)',
        params: { rule: 'P1' },
      },
    ]);
  });

  it('S6: refuses two work plans for one channel', () => {
    const twice = {
      ...plan,
      workPlans: [plan.workPlans[0], { ...plan.workPlans[1], channel: 'educational' }],
    };
    expect(strategicPlanSchema.safeParse(twice).error?.issues).toMatchObject([
      {
        path: ['workPlans', 1, 'channel'],
        message: 'S6: channel "educational" has two work plans; merge them into one per channel',
      },
    ]);
  });

  it('S8: refuses a plan without work plans', () => {
    expect(strategicPlanSchema.safeParse({ ...plan, workPlans: [] }).error?.issues).toMatchObject([
      {
        path: ['workPlans'],
        message: 'S8: the plan includes the work plan of at least one channel',
      },
    ]);
  });

  it('P3: refuses a plan with no version', () => {
    expect(strategicPlanSchema.safeParse({ ...plan, revisions: [] }).error?.issues).toMatchObject([
      {
        path: ['revisions'],
        message: 'P3: record version 1, the plan closed at shaping-committee meeting 5 (S8)',
      },
    ]);
  });

  it('P3: refuses a skipped version and a revision dated before the previous one', () => {
    const revisions = [
      plan.revisions[0],
      { version: 3, revisedOn: '2027-04-01', summary: 'Backdated and skipped' },
    ];
    expect(strategicPlanSchema.safeParse({ ...plan, revisions }).error?.issues).toMatchObject([
      {
        path: ['revisions', 1, 'version'],
        message: 'P3: versions run 1, 2, 3…: expected version 2, not 3',
      },
      {
        path: ['revisions', 1, 'revisedOn'],
        message: 'P3: version 3 is dated "2027-04-01", before version 1 ("2027-04-13")',
      },
    ]);
  });

  it('S9: refuses an approval before the plan was closed', () => {
    expect(
      strategicPlanSchema.safeParse({ ...plan, approvedOn: '2027-04-01' }).error?.issues,
    ).toMatchObject([
      {
        path: ['approvedOn'],
        message:
          'S9: the plan is approved on "2027-04-01", before it was closed on "2027-04-13" (S8, version 1)',
      },
    ]);
  });

  it('P6: refuses a plan without a flexible community budget', () => {
    const { communityBudget: _, ...withoutBudget } = plan;
    expect(strategicPlanSchema.safeParse(withoutBudget).error?.issues[0]?.path).toEqual([
      'communityBudget',
    ]);
  });
});
