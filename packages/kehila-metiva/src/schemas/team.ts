import * as z from 'zod';
import { channelSchema } from './channel.js';
import { idSchema } from './id.js';
import { isoDateSchema } from './iso-date.js';
import { addRuleIssue, reportRepeats } from './rule-issue.js';
import { textSchema } from './text.js';

/**
 * The kinds of member a channel team draws on (PROGRAM T1): content experts, shaping-committee
 * representatives relevant to the topic, local-authority representatives, community /
 * neighbourhood representatives, and other stakeholders.
 *
 * @example
 * ```ts
 * import { TEAM_MEMBER_CATEGORIES } from '@maslul/kehila-metiva';
 *
 * TEAM_MEMBER_CATEGORIES.length; // 5
 * ```
 * @category Strategy track
 */
export const TEAM_MEMBER_CATEGORIES = [
  'contentExpert',
  'shapingCommitteeRepresentative',
  'localAuthorityRepresentative',
  'communityRepresentative',
  'otherStakeholder',
] as const;

/**
 * The kind of a channel team member (PROGRAM T1).
 *
 * @example
 * ```ts
 * import { teamMemberCategorySchema } from '@maslul/kehila-metiva';
 *
 * teamMemberCategorySchema.parse('communityRepresentative');
 * ```
 * @category Strategy track
 */
export const teamMemberCategorySchema = z.enum(TEAM_MEMBER_CATEGORIES, {
  error: `T1: a team member's category is one of ${TEAM_MEMBER_CATEGORIES.map((c) => `"${c}"`).join(', ')}`,
});

/**
 * The kind of a channel team member (PROGRAM T1).
 *
 * @example
 * ```ts
 * import type { TeamMemberCategory } from '@maslul/kehila-metiva';
 *
 * const category: TeamMemberCategory = 'contentExpert';
 * ```
 * @category Strategy track
 */
export type TeamMemberCategory = z.infer<typeof teamMemberCategorySchema>;

/**
 * A member of a channel team (PROGRAM T1): an id, a name, a category, and optionally the
 * organisation they come from.
 *
 * @example
 * ```ts
 * import { teamMemberSchema } from '@maslul/kehila-metiva';
 *
 * teamMemberSchema.parse({
 *   id: 'm-1',
 *   name: 'רונית כהן',
 *   category: 'localAuthorityRepresentative',
 *   organization: 'אגף החינוך',
 * });
 * ```
 * @category Strategy track
 */
export const teamMemberSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  category: teamMemberCategorySchema,
  organization: textSchema.optional(),
});

/**
 * A member of a channel team (PROGRAM T1).
 *
 * @example
 * ```ts
 * import type { TeamMember } from '@maslul/kehila-metiva';
 *
 * const member: TeamMember = { id: 'm-2', name: 'Yossi Levi', category: 'communityRepresentative' };
 * ```
 * @category Strategy track
 */
export type TeamMember = z.infer<typeof teamMemberSchema>;

/**
 * The domain head (ראש תחום יישובי) of a channel team (PROGRAM T2): their name, the actor id they
 * record the team's events with (`actorId`: only they may record its meetings and work plan), the
 * role id that appointed them (`appointedBy`, a role string such as `'cityCeo'`), and optionally
 * when. That it is the city CEO who appoints is a rule (`appointedByTheCityCeo`, T2) wherever a
 * domain head is recorded: at the team's creation and at its appointment.
 *
 * @example
 * ```ts
 * import { domainHeadSchema } from '@maslul/kehila-metiva';
 *
 * domainHeadSchema.parse({
 *   name: 'מיכל אברהם',
 *   actorId: 'head-social-michal',
 *   appointedBy: 'cityCeo',
 *   appointedOn: '2027-01-20',
 * });
 * ```
 * @category Strategy track
 */
export const domainHeadSchema = z
  .strictObject({
    name: textSchema,
    actorId: idSchema,
    appointedBy: idSchema,
    appointedOn: isoDateSchema.optional(),
  })
  .meta({ rule: 'T2' });

/**
 * The domain head of a channel team and who appointed them (PROGRAM T2).
 *
 * @example
 * ```ts
 * import type { DomainHead } from '@maslul/kehila-metiva';
 *
 * const head: DomainHead = { name: 'Michal Avraham', actorId: 'head-social-michal', appointedBy: 'cityCeo' };
 * ```
 * @category Strategy track
 */
export type DomainHead = z.infer<typeof domainHeadSchema>;

/**
 * The roster of one channel team (PROGRAM S6, T1, T2): its channel, its domain head, and its 10
 * to 15 members, each id once. The domain head leads the team and is not counted among the members.
 *
 * @example
 * ```ts
 * import { teamSchema } from '@maslul/kehila-metiva';
 *
 * const names = ['Dana', 'Avi', 'Noa', 'Omer', 'Lior', 'Maya', 'Eitan', 'Shira', 'Amir', 'Tal'];
 * const team = teamSchema.parse({
 *   channel: 'social',
 *   domainHead: { name: 'Michal Avraham', actorId: 'head-social-michal', appointedBy: 'cityCeo' },
 *   members: names.map((name, i) => ({ id: `m-${i + 1}`, name, category: 'otherStakeholder' })),
 * });
 * team.members.length; // 10
 * ```
 * @category Strategy track
 */
export const teamSchema = z
  .strictObject({
    channel: channelSchema,
    domainHead: domainHeadSchema,
    members: z.array(teamMemberSchema).superRefine((members, ctx) => {
      if (members.length < 10 || members.length > 15) {
        addRuleIssue(ctx, 'T1', `a team has 10 to 15 members; this one has ${members.length}`);
      }
      reportRepeats(ctx, members, (member) => member.id, 'member id', ['id']);
    }),
  })
  .meta({ rule: 'T1' });

/**
 * The roster of one channel team (PROGRAM T1, T2).
 *
 * @example
 * ```ts
 * import type { Team } from '@maslul/kehila-metiva';
 *
 * const residents = (team: Team) =>
 *   team.members.filter((member) => member.category === 'communityRepresentative');
 * ```
 * @category Strategy track
 */
export type Team = z.infer<typeof teamSchema>;
