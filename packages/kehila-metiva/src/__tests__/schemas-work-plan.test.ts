import { describe, expect, it } from 'vitest';
import { budgetLineSchema, planActionSchema, workPlanSchema } from '../index.js';

const youthClub = {
  id: 'youth-club',
  title: 'מועדון נוער פתוח בערבים בנווה שרת',
  origin: 'new',
  kind: 'program',
  strengthensSocialInfrastructure: true,
  budget: { amountAgorot: 35_000_000, section: '1-817-750', source: 'משרד הרווחה' },
  gantt: { start: '2027-05-01', end: '2027-12-31' },
  objectiveIds: ['cut-dropout'],
  owner: 'אגף החינוך',
};
const mentoring = {
  ...youthClub,
  id: 'school-mentoring',
  title: 'Mentoring in the comprehensive school',
  origin: 'existing',
  kind: 'intervention',
  strengthensSocialInfrastructure: false,
  budget: { amountAgorot: 0 },
  owner: 'Comprehensive school',
};
const workPlan = {
  channel: 'educational',
  submittedOn: '2027-03-16',
  actions: [youthClub, mentoring],
};

describe('budgetLineSchema', () => {
  it('P2: refuses an amount in shekels with agorot fractions', () => {
    expect(budgetLineSchema.safeParse({ amountAgorot: 350_000.5 }).error?.issues[0]?.path).toEqual([
      'amountAgorot',
    ]);
  });
});

describe('planActionSchema', () => {
  it('P1, P2, P4: parses an action with origin, kind, social-infrastructure flag, budget and Gantt', () => {
    expect(planActionSchema.parse(youthClub)).toEqual(youthClub);
  });

  it('P2: refuses a Gantt item that ends before it starts', () => {
    const backwards = { ...youthClub, gantt: { start: '2027-05-01', end: '2027-03-01' } };
    expect(planActionSchema.safeParse(backwards).error?.issues).toMatchObject([
      {
        path: ['gantt', 'end'],
        message: 'end "2027-03-01" is before start "2027-05-01"; end on or after the start',
      },
    ]);
  });

  it('S6: refuses an action linked to no objective', () => {
    expect(
      planActionSchema.safeParse({ ...youthClub, objectiveIds: [] }).error?.issues,
    ).toMatchObject([
      {
        path: ['objectiveIds'],
        message: 'S6: link the action to at least one objective it serves',
        params: { rule: 'S6' },
      },
    ]);
  });

  it('P1: requires the social-infrastructure flag', () => {
    const { strengthensSocialInfrastructure: _, ...unflagged } = youthClub;
    expect(planActionSchema.safeParse(unflagged).error?.issues).toMatchObject([
      {
        path: ['strengthensSocialInfrastructure'],
        message: 'P1: say whether the action strengthens social infrastructure (true or false)',
      },
    ]);
  });

  it('P4: refuses an origin other than existing or new', () => {
    expect(
      planActionSchema.safeParse({ ...youthClub, origin: 'planned' }).error?.issues,
    ).toMatchObject([
      { path: ['origin'], message: 'P4: say whether the action is "existing" or "new"' },
    ]);
  });

  it('P2: refuses a kind other than program or intervention', () => {
    expect(
      planActionSchema.safeParse({ ...youthClub, kind: 'project' }).error?.issues,
    ).toMatchObject([
      { path: ['kind'], message: 'P2: say whether the action is a "program" or an "intervention"' },
    ]);
  });

  it('refuses an action without an owner', () => {
    const { owner: _, ...ownerless } = youthClub;
    expect(planActionSchema.safeParse(ownerless).error?.issues[0]?.path).toEqual(['owner']);
  });
});

describe('workPlanSchema', () => {
  it('S6: parses a channel work plan into plain JSON', () => {
    const parsed = workPlanSchema.parse(workPlan);
    expect(parsed).toEqual(workPlan);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('S6: refuses a work plan without actions', () => {
    expect(workPlanSchema.safeParse({ ...workPlan, actions: [] }).error?.issues).toMatchObject([
      { path: ['actions'], message: 'S6: a work plan lists at least one action' },
    ]);
  });

  it('refuses two actions with one id', () => {
    const twice = { ...workPlan, actions: [youthClub, youthClub] };
    expect(workPlanSchema.safeParse(twice).error?.issues).toMatchObject([
      {
        path: ['actions', 1, 'id'],
        message: 'action id "youth-club" is used twice; give each one its own',
      },
    ]);
  });
});
