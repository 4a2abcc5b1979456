import * as z from 'zod';
import { channelSchema } from './channel.js';
import { idSchema } from './id.js';
import { isoDateSchema } from './iso-date.js';
import { addIssue, findRepeats, reportRepeats } from './rule-issue.js';
import { textSchema } from './text.js';

/**
 * An idea raised at a meeting, the wide end of the funnel: realistic or not, it is recorded.
 *
 * @example
 * ```ts
 * import { meetingIdeaSchema } from '@maslul/kehila-metiva';
 *
 * meetingIdeaSchema.parse({ id: 'i-1', text: 'מרכז נוער פתוח בלילות', raisedBy: 'נציגת ועד שכונה' });
 * ```
 * @category Strategy track
 */
export const meetingIdeaSchema = z.strictObject({
  id: idSchema,
  text: textSchema,
  raisedBy: textSchema.optional(),
});

/**
 * An idea raised at a meeting.
 *
 * @example
 * ```ts
 * import type { MeetingIdea } from '@maslul/kehila-metiva';
 *
 * const idea: MeetingIdea = { id: 'i-2', text: 'Shaded walking routes to school' };
 * ```
 * @category Strategy track
 */
export type MeetingIdea = z.infer<typeof meetingIdeaSchema>;

/**
 * A decision of a meeting, the narrow end of the funnel, with the ideas it came from (if any).
 *
 * @example
 * ```ts
 * import { meetingDecisionSchema } from '@maslul/kehila-metiva';
 *
 * meetingDecisionSchema.parse({ id: 'd-1', text: 'Youth at risk is focus challenge 1', ideaIds: ['i-1'] });
 * ```
 * @category Strategy track
 */
export const meetingDecisionSchema = z.strictObject({
  id: idSchema,
  text: textSchema,
  ideaIds: z.array(idSchema).default([]),
});

/**
 * A decision of a meeting, as parsed (`ideaIds` always present).
 *
 * @example
 * ```ts
 * import type { MeetingDecision } from '@maslul/kehila-metiva';
 *
 * const decision: MeetingDecision = { id: 'd-2', text: 'Map the eastern neighbourhoods first', ideaIds: [] };
 * ```
 * @category Strategy track
 */
export type MeetingDecision = z.infer<typeof meetingDecisionSchema>;

/**
 * A decision of a meeting, as written (`ideaIds` may be left out).
 *
 * @example
 * ```ts
 * import type { MeetingDecisionInput } from '@maslul/kehila-metiva';
 *
 * const decision: MeetingDecisionInput = { id: 'd-3', text: 'Invite all sectors to the launch conference' };
 * ```
 * @category Strategy track
 */
export type MeetingDecisionInput = z.input<typeof meetingDecisionSchema>;

const shapingNumber = { error: 'the shaping committee holds meetings 1 to 5: give number 1-5' };
const teamNumber = { error: 'T3: a channel team holds four meetings: give number 1-4' };

// The funnel every meeting records: ideas raised, their ranked priorities, and the decisions.
const funnel = {
  id: idSchema,
  heldOn: isoDateSchema,
  ideas: z
    .array(meetingIdeaSchema)
    .superRefine((ideas, ctx) => reportRepeats(ctx, ideas, (idea) => idea.id, 'idea id', ['id'])),
  priorities: z.array(idSchema),
  decisions: z
    .array(meetingDecisionSchema)
    .superRefine((decisions, ctx) =>
      reportRepeats(ctx, decisions, (decision) => decision.id, 'decision id', ['id']),
    ),
};

/**
 * The record of a meeting as a funnel (PROGRAM, "every shaping-committee meeting works as a
 * funnel"): the ideas raised, the priorities (idea ids, first is highest), and the decisions.
 * `body` says whose meeting it is: the shaping committee (`number` 1-5, PROGRAM S1, S3, S5, S7, S8),
 * a channel team (`channel`, `number` 1-4, PROGRAM T3) or the steering committee. Priorities and
 * decisions refer to ideas of the same meeting; a shaping-committee meeting records at least one
 * idea, and every meeting at least one decision.
 *
 * @example
 * ```ts
 * import { meetingRecordSchema } from '@maslul/kehila-metiva';
 *
 * meetingRecordSchema.parse({
 *   body: 'shapingCommittee',
 *   number: 1,
 *   id: 'shaping-1',
 *   heldOn: '2026-09-22',
 *   ideas: [
 *     { id: 'i-1', text: 'נוער בסיכון' },
 *     { id: 'i-2', text: 'רכבל לשכונה' },
 *   ],
 *   priorities: ['i-1'],
 *   decisions: [{ id: 'd-1', text: 'Youth at risk is a focus challenge', ideaIds: ['i-1'] }],
 * });
 * ```
 * @category Strategy track
 */
export const meetingRecordSchema = z
  .discriminatedUnion(
    'body',
    [
      z.strictObject({
        body: z.literal('shapingCommittee'),
        number: z.int(shapingNumber).min(1, shapingNumber).max(5, shapingNumber),
        ...funnel,
      }),
      z.strictObject({
        body: z.literal('channelTeam'),
        channel: channelSchema,
        number: z.int(teamNumber).min(1, teamNumber).max(4, teamNumber),
        ...funnel,
      }),
      z.strictObject({ body: z.literal('steeringCommittee'), ...funnel }),
    ],
    {
      error:
        'say whose meeting it is: body "shapingCommittee", "channelTeam" or "steeringCommittee"',
    },
  )
  .superRefine((meeting, ctx) => {
    if (meeting.body === 'shapingCommittee' && meeting.ideas.length === 0) {
      addIssue(
        ctx,
        'a shaping-committee meeting works as a funnel: record the ideas raised before the decisions',
        ['ideas'],
      );
    }
    if (meeting.decisions.length === 0) {
      addIssue(ctx, `record at least one decision of meeting "${meeting.id}"`, ['decisions']);
    }
    const ideaIds = new Set(meeting.ideas.map((idea) => idea.id));
    const meetingName = `meeting "${meeting.id}"`;
    meeting.priorities.forEach((id, index) => {
      if (!ideaIds.has(id))
        addIssue(
          ctx,
          `priority "${id}" is not an idea of ${meetingName}; prioritise ideas raised at the meeting`,
          ['priorities', index],
        );
    });
    for (const { index, key } of findRepeats(meeting.priorities, (id) => id)) {
      addIssue(ctx, `idea "${key}" is prioritised twice; list each idea once`, [
        'priorities',
        index,
      ]);
    }
    meeting.decisions.forEach((decision, d) => {
      decision.ideaIds.forEach((id, i) => {
        if (!ideaIds.has(id)) {
          addIssue(
            ctx,
            `decision "${decision.id}" cites idea "${id}", which is not an idea of ${meetingName}`,
            ['decisions', d, 'ideaIds', i],
          );
        }
      });
    });
  });

/**
 * The record of a meeting (shaping committee, channel team or steering committee), as parsed.
 *
 * @example
 * ```ts
 * import type { MeetingRecord } from '@maslul/kehila-metiva';
 *
 * const topPriority = (meeting: MeetingRecord) => meeting.priorities[0];
 * ```
 * @category Strategy track
 */
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

/**
 * The record of a meeting, as written (decisions may leave out `ideaIds`).
 *
 * @example
 * ```ts
 * import type { MeetingRecordInput } from '@maslul/kehila-metiva';
 *
 * const teamMeeting: MeetingRecordInput = {
 *   body: 'channelTeam',
 *   channel: 'urban',
 *   number: 2,
 *   id: 'urban-2',
 *   heldOn: '2027-02-16',
 *   ideas: [{ id: 'i-1', text: 'Shade trees on the school route' }],
 *   priorities: ['i-1'],
 *   decisions: [{ id: 'd-1', text: 'Cost the shade plan for meeting 3' }],
 * };
 * ```
 * @category Strategy track
 */
export type MeetingRecordInput = z.input<typeof meetingRecordSchema>;
