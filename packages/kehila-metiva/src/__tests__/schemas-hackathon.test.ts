import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type HackathonIdea,
  type HackathonIdeaInput,
  hackathonIdeaSchema,
  hackathonSchema,
  hackathonSelectionSchema,
  initiativeSupportSchema,
} from '../index.js';

const homework = {
  id: 'idea-homework-club',
  title: 'מועדון שיעורי בית עם סטודנטים מהשכונה',
  proposedBy: 'קבוצת הורים, נווה שרת',
  challengeIds: ['youth'],
  objectiveIds: ['cut-dropout'],
};
const cableCar = {
  id: 'idea-cable-car',
  title: 'A cable car to the neighbourhood',
  objectiveIds: ['mobility'],
};
const hackathon = {
  heldOn: '2027-02-04',
  ideas: [homework, cableCar],
  selections: [
    {
      ideaId: 'idea-homework-club',
      selectedOn: '2027-02-04',
      support: {
        connections: ['מנהלת בית הספר', 'המתנ"ס השכונתי'],
        mentoring: { personal: true, group: true },
        moneyAgorot: 1_500_000,
      },
    },
  ],
};

describe('hackathonIdeaSchema', () => {
  it('X1: parses an idea tied to a challenge and an objective', () => {
    expect(hackathonIdeaSchema.parse(homework)).toEqual(homework);
  });

  it('X1: accepts an idea tied to objectives only, filling in no challenges', () => {
    expect(hackathonIdeaSchema.parse(cableCar).challengeIds).toEqual([]);
    expectTypeOf<HackathonIdeaInput['challengeIds']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<HackathonIdea['challengeIds']>().toEqualTypeOf<string[]>();
  });

  it('X1: refuses an idea tied to no challenge and no objective', () => {
    const untied = { id: 'idea-x', title: 'פסטיבל', challengeIds: [], objectiveIds: [] };
    expect(hackathonIdeaSchema.safeParse(untied).error?.issues).toMatchObject([
      {
        path: ['challengeIds'],
        message:
          'X1: tie idea "פסטיבל" to at least one focus challenge (challengeIds) or objective (objectiveIds)',
        params: { rule: 'X1' },
      },
    ]);
    expect(hackathonIdeaSchema.safeParse({ id: 'idea-x', title: 'פסטיבל' }).success).toBe(false);
  });

  it('refuses a challenge listed twice', () => {
    const twice = { ...homework, challengeIds: ['youth', 'youth'] };
    expect(hackathonIdeaSchema.safeParse(twice).error?.issues).toMatchObject([
      {
        path: ['challengeIds', 1],
        message: 'challenge id "youth" is used twice; give each one its own',
      },
    ]);
  });
});

describe('initiativeSupportSchema', () => {
  it('X2: fills in the kinds of support left out', () => {
    expect(initiativeSupportSchema.parse({ mentoring: { group: true } })).toEqual({
      connections: [],
      mentoring: { personal: false, group: true },
      moneyAgorot: 0,
    });
  });

  it('X2: refuses support that gives nothing', () => {
    const nothing = { connections: [], mentoring: { personal: false }, moneyAgorot: 0 };
    expect(initiativeSupportSchema.safeParse(nothing).error?.issues).toMatchObject([
      {
        path: [],
        message:
          'X2: give a selected initiative at least one kind of support: connections, mentoring or money',
        params: { rule: 'X2' },
      },
    ]);
  });

  it('X2: refuses money in fractions of an agora', () => {
    expect(initiativeSupportSchema.safeParse({ moneyAgorot: 10.5 }).error?.issues[0]?.path).toEqual(
      ['moneyAgorot'],
    );
  });
});

describe('hackathonSelectionSchema', () => {
  it('X2: refuses a selection without support, at the support', () => {
    const bare = { ideaId: 'idea-homework-club', selectedOn: '2027-02-04', support: {} };
    expect(hackathonSelectionSchema.safeParse(bare).error?.issues[0]?.path).toEqual(['support']);
  });
});

describe('hackathonSchema', () => {
  it('X1: parses the ideas and the committee selections into plain JSON', () => {
    const parsed = hackathonSchema.parse(hackathon);
    expect(parsed.ideas[1]).toEqual({ ...cableCar, challengeIds: [] });
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('X1: refuses a hackathon without ideas', () => {
    expect(
      hackathonSchema.safeParse({ ...hackathon, ideas: [], selections: [] }).error?.issues,
    ).toMatchObject([{ path: ['ideas'], message: 'X1: record the ideas raised at the hackathon' }]);
  });

  it('refuses the selection of an idea the hackathon did not raise', () => {
    const selections = [{ ...hackathon.selections[0], ideaId: 'idea-unknown' }];
    expect(hackathonSchema.safeParse({ ...hackathon, selections }).error?.issues).toMatchObject([
      {
        path: ['selections', 0, 'ideaId'],
        message: 'selection of "idea-unknown", which is not an idea of this hackathon',
      },
    ]);
  });

  it('X1: refuses an idea selected twice', () => {
    const selections = [hackathon.selections[0], hackathon.selections[0]];
    expect(hackathonSchema.safeParse({ ...hackathon, selections }).error?.issues).toMatchObject([
      {
        path: ['selections', 1, 'ideaId'],
        message: 'X1: idea "idea-homework-club" is selected twice; select each idea once',
      },
    ]);
  });

  it('X1: refuses a selection dated before the hackathon', () => {
    const selections = [{ ...hackathon.selections[0], selectedOn: '2027-02-01' }];
    expect(hackathonSchema.safeParse({ ...hackathon, selections }).error?.issues).toMatchObject([
      {
        path: ['selections', 0, 'selectedOn'],
        message:
          'X1: idea "idea-homework-club" is selected on "2027-02-01", before the hackathon ("2027-02-04")',
      },
    ]);
  });

  it('refuses two ideas with one id', () => {
    const ideas = [homework, { ...cableCar, id: homework.id }];
    expect(hackathonSchema.safeParse({ ...hackathon, ideas }).error?.issues).toMatchObject([
      {
        path: ['ideas', 1, 'id'],
        message: 'idea id "idea-homework-club" is used twice; give each one its own',
      },
    ]);
  });
});
