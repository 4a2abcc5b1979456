import { describe, expect, expectTypeOf, it } from 'vitest';
import { type MeetingRecord, type MeetingRecordInput, meetingRecordSchema } from '../index.js';

const shaping1 = {
  body: 'shapingCommittee',
  number: 1,
  id: 'shaping-1',
  heldOn: '2026-09-22',
  ideas: [
    { id: 'i-1', text: 'נוער בסיכון', raisedBy: 'מנהל אגף החינוך' },
    { id: 'i-2', text: 'תעסוקת נשים' },
    { id: 'i-3', text: 'רכבל לשכונה' },
  ],
  priorities: ['i-1', 'i-2'],
  decisions: [{ id: 'd-1', text: 'Youth at risk is focus challenge 1', ideaIds: ['i-1'] }],
};

describe('meetingRecordSchema', () => {
  it('parses a shaping-committee meeting as a funnel: ideas, priorities, decisions', () => {
    const parsed = meetingRecordSchema.parse(shaping1);
    expect(parsed).toEqual(shaping1);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('fills in a decision without idea ids with none', () => {
    const parsed = meetingRecordSchema.parse({
      ...shaping1,
      decisions: [{ id: 'd-1', text: 'Map the eastern neighbourhoods first' }],
    });
    expect(parsed.decisions[0]?.ideaIds).toEqual([]);
    expectTypeOf<MeetingRecordInput['decisions'][number]['ideaIds']>().toEqualTypeOf<
      string[] | undefined
    >();
    expectTypeOf<MeetingRecord['decisions'][number]['ideaIds']>().toEqualTypeOf<string[]>();
  });

  it('T3: parses a channel-team meeting 1 to 4 and refuses meeting 5', () => {
    const teamMeeting = { ...shaping1, body: 'channelTeam', channel: 'urban', number: 4 };
    expect(meetingRecordSchema.safeParse(teamMeeting).success).toBe(true);
    expect(
      meetingRecordSchema.safeParse({ ...teamMeeting, number: 5 }).error?.issues,
    ).toMatchObject([
      { path: ['number'], message: 'T3: a channel team holds four meetings: give number 1-4' },
    ]);
  });

  it('refuses a shaping-committee meeting 6', () => {
    expect(meetingRecordSchema.safeParse({ ...shaping1, number: 6 }).error?.issues).toMatchObject([
      { path: ['number'], message: 'the shaping committee holds meetings 1 to 5: give number 1-5' },
    ]);
  });

  it('refuses a channel-team meeting without its channel', () => {
    const teamMeeting = { ...shaping1, body: 'channelTeam', number: 2 };
    expect(meetingRecordSchema.safeParse(teamMeeting).error?.issues[0]?.path).toEqual(['channel']);
  });

  it('parses a steering-committee meeting, which has no number', () => {
    const { number: _, ...rest } = shaping1;
    expect(meetingRecordSchema.safeParse({ ...rest, body: 'steeringCommittee' }).success).toBe(
      true,
    );
  });

  it('refuses an unknown body, naming the three', () => {
    expect(
      meetingRecordSchema.safeParse({ ...shaping1, body: 'council' }).error?.issues,
    ).toMatchObject([
      {
        path: ['body'],
        message:
          'say whose meeting it is: body "shapingCommittee", "channelTeam" or "steeringCommittee"',
      },
    ]);
  });

  it('refuses a shaping-committee meeting that records no ideas', () => {
    const empty = { ...shaping1, ideas: [], priorities: [], decisions: [{ id: 'd-1', text: 'x' }] };
    expect(meetingRecordSchema.safeParse(empty).error?.issues).toMatchObject([
      {
        path: ['ideas'],
        message:
          'a shaping-committee meeting works as a funnel: record the ideas raised before the decisions',
      },
    ]);
  });

  it('refuses a meeting that decides nothing', () => {
    expect(
      meetingRecordSchema.safeParse({ ...shaping1, decisions: [] }).error?.issues,
    ).toMatchObject([
      { path: ['decisions'], message: 'record at least one decision of meeting "shaping-1"' },
    ]);
  });

  it('refuses a priority or a decision citing an idea the meeting did not raise', () => {
    const dangling = {
      ...shaping1,
      priorities: ['i-1', 'i-9'],
      decisions: [{ id: 'd-1', text: 'x', ideaIds: ['i-8'] }],
    };
    expect(meetingRecordSchema.safeParse(dangling).error?.issues).toMatchObject([
      {
        path: ['priorities', 1],
        message:
          'priority "i-9" is not an idea of meeting "shaping-1"; prioritise ideas raised at the meeting',
      },
      {
        path: ['decisions', 0, 'ideaIds', 0],
        message: 'decision "d-1" cites idea "i-8", which is not an idea of meeting "shaping-1"',
      },
    ]);
  });

  it('refuses an idea prioritised twice and an idea id used twice', () => {
    const repeated = {
      ...shaping1,
      ideas: [...shaping1.ideas, { id: 'i-1', text: 'again' }],
      priorities: ['i-1', 'i-1'],
    };
    expect(meetingRecordSchema.safeParse(repeated).error?.issues).toMatchObject([
      { path: ['ideas', 3, 'id'], message: 'idea id "i-1" is used twice; give each one its own' },
      { path: ['priorities', 1], message: 'idea "i-1" is prioritised twice; list each idea once' },
    ]);
  });
});
