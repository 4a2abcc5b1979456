import { describe, expect, it } from 'vitest';
import {
  domainHeadSchema,
  TEAM_MEMBER_CATEGORIES,
  teamMemberSchema,
  teamSchema,
} from '../index.js';

const names = [
  'דנה לוי',
  'אבי כהן',
  'נועה פרץ',
  'עומר ביטון',
  'ליאור מזרחי',
  'מאיה אזולאי',
  'איתן שמעוני',
  'שירה דהן',
  'אמיר חדד',
  'טל גבאי',
  'רוני אוחיון',
  'הילה סעדה',
  'יעל נחום',
  'גיא אלון',
  'מור עמר',
  'בן ששון',
];
const members = (count: number) =>
  names.slice(0, count).map((name, i) => ({
    id: `m-${i + 1}`,
    name,
    category: TEAM_MEMBER_CATEGORIES[i % TEAM_MEMBER_CATEGORIES.length],
  }));
const team = (count: number) => ({
  channel: 'social',
  domainHead: {
    name: 'מיכל אברהם',
    actorId: 'head-social-michal',
    appointedBy: 'cityCeo',
    appointedOn: '2027-01-20',
  },
  members: members(count),
});

describe('teamMemberSchema', () => {
  it('T1: refuses a category the program does not list', () => {
    const mayor = { id: 'm-1', name: 'ראש העיר', category: 'mayor' };
    expect(teamMemberSchema.safeParse(mayor).error?.issues).toMatchObject([
      {
        path: ['category'],
        message: expect.stringMatching(/^T1: a team member's category is one of/),
      },
    ]);
  });
});

describe('domainHeadSchema', () => {
  it('T2: records who appointed the domain head, and the actor id they record with', () => {
    const head = { name: 'Michal', actorId: 'head-social-michal', appointedBy: 'cityCeo' };
    expect(domainHeadSchema.parse(head)).toEqual(head);
  });

  it('T2: refuses a domain head without an actor id or an appointing role', () => {
    expect(
      domainHeadSchema.safeParse({ name: 'Michal' }).error?.issues.map((issue) => issue.path),
    ).toEqual([['actorId'], ['appointedBy']]);
  });
});

describe('teamSchema', () => {
  it('T1: accepts teams of 10 and of 15 members', () => {
    expect(teamSchema.parse(team(10))).toEqual(team(10));
    expect(teamSchema.safeParse(team(15)).success).toBe(true);
  });

  it('T1: refuses a team of 9', () => {
    expect(teamSchema.safeParse(team(9)).error?.issues).toMatchObject([
      {
        path: ['members'],
        message: 'T1: a team has 10 to 15 members; this one has 9',
        params: { rule: 'T1' },
      },
    ]);
  });

  it('T1: refuses a team of 16', () => {
    expect(teamSchema.safeParse(team(16)).error?.issues).toMatchObject([
      { path: ['members'], message: 'T1: a team has 10 to 15 members; this one has 16' },
    ]);
  });

  it('refuses a member listed twice', () => {
    const roster = team(10);
    const twice = { ...roster, members: [...roster.members.slice(0, 9), roster.members[0]] };
    expect(teamSchema.safeParse(twice).error?.issues).toMatchObject([
      {
        path: ['members', 9, 'id'],
        message: 'member id "m-1" is used twice; give each one its own',
      },
    ]);
  });

  it('T2: refuses a team without a domain head', () => {
    const { domainHead: _, ...headless } = team(10);
    expect(teamSchema.safeParse(headless).error?.issues[0]?.path).toEqual(['domainHead']);
  });
});
