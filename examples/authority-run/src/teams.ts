import {
  type Channel,
  type DomainHead,
  type MeetingRecordInput,
  type PlanAction,
  TEAM_MEMBER_CATEGORIES,
  type Team,
  type WorkPlan,
} from '@maslul/kehila-metiva';
import { ON, TEAM_MEETINGS } from './dates.js';

// The four channel teams of S6 (T1-T3): their domain heads, rosters, meetings and work plans.

const head = (name: string, actorId: string): DomainHead => ({
  name,
  actorId,
  appointedBy: 'cityCeo',
  appointedOn: ON.teamsAppointed,
});

/** T2: each team's domain head, appointed by the city CEO; only they record their team's events. */
export const domainHeads: Record<Channel, DomainHead> = {
  social: head('Michal Ben-Ami', 'head-social-michal'),
  educational: head('Yoav Sela', 'head-educational-yoav'),
  urban: head('Rina Katz', 'head-urban-rina'),
  economic: head('Samir Haddad', 'head-economic-samir'),
};

const SIZES: Record<Channel, number> = { social: 12, educational: 11, urban: 14, economic: 10 };

const NAMES = [
  'Noa Levi',
  'Omer Peretz',
  'Lior Biton',
  'Maya Avraham',
  'Eitan Friedman',
  'Shira Dahan',
  'Amir Haddad',
  'Tal Azoulay',
  'Sigal Malka',
  'David Shapira',
  'Hila Gabay',
  'Yonatan Klein',
  'Rivka Amar',
  'Avi Sasson',
  'Dana Mizrahi',
];

/** T1: a team of 10 to 15 members across the five kinds of participant. */
export const team = (channel: Channel): Team => ({
  channel,
  domainHead: domainHeads[channel],
  members: Array.from({ length: SIZES[channel] }, (_, i) => ({
    id: `${channel}-${i + 1}`,
    name: NAMES[(i + channel.length) % NAMES.length] ?? 'Team member',
    category: TEAM_MEMBER_CATEGORIES[i % TEAM_MEMBER_CATEGORIES.length] ?? 'otherStakeholder',
  })),
});

/** T3: one of a team's four work meetings, each narrowing its ideas toward the work plan. */
export const teamMeeting = (channel: Channel, number: 1 | 2 | 3 | 4) =>
  ({
    body: 'channelTeam',
    channel,
    number,
    id: `${channel}-meeting-${number}`,
    heldOn: TEAM_MEETINGS[channel][number - 1] ?? ON.S6Start,
    ideas: [
      { id: 'partners', text: `Map the ${channel} partners already active in the focus areas` },
      { id: 'quick-win', text: 'Pick one action residents will see within a year' },
    ],
    priorities: number < 3 ? ['partners'] : ['quick-win'],
    decisions: [{ id: `step-${number}`, text: `Draft ${number} of the ${channel} work plan` }],
  }) satisfies MeetingRecordInput;

const action = (
  id: string,
  title: string,
  objectiveId: string,
  shekels: number,
  more: Pick<PlanAction, 'origin' | 'kind' | 'strengthensSocialInfrastructure' | 'owner'>,
): PlanAction => ({
  id,
  title,
  ...more,
  budget: { amountAgorot: shekels * 100, source: 'Municipal budget and government ministries' },
  gantt: { start: '2027-06-01', end: '2029-12-31' },
  objectiveIds: [objectiveId],
});

const ACTIONS: Record<Channel, readonly PlanAction[]> = {
  social: [
    action(
      'elders-network',
      'Neighbourhood network of volunteers for elders',
      'no-one-alone',
      900_000,
      {
        origin: 'new',
        kind: 'program',
        strengthensSocialInfrastructure: true,
        owner: 'Welfare department',
      },
    ),
    action(
      'volunteer-centre',
      'A volunteer centre in each focus area',
      'more-volunteers',
      600_000,
      {
        origin: 'existing',
        kind: 'program',
        strengthensSocialInfrastructure: true,
        owner: 'Community department',
      },
    ),
  ],
  educational: [
    action(
      'learning-hubs',
      'After-school learning hubs with student tutors',
      'cut-dropout',
      1_400_000,
      {
        origin: 'new',
        kind: 'program',
        strengthensSocialInfrastructure: true,
        owner: 'Education department',
      },
    ),
  ],
  urban: [
    action('street-lighting', 'Lighting of the main walking routes', 'safe-streets', 2_500_000, {
      origin: 'existing',
      kind: 'intervention',
      strengthensSocialInfrastructure: false,
      owner: 'Engineering department',
    }),
    action(
      'shared-yards',
      'Shared yards and gardens run by residents',
      'more-volunteers',
      400_000,
      {
        origin: 'new',
        kind: 'intervention',
        strengthensSocialInfrastructure: true,
        owner: 'Community department',
      },
    ),
  ],
  economic: [
    action('women-to-work', 'Training and placement track for women', 'women-at-work', 1_100_000, {
      origin: 'new',
      kind: 'program',
      strengthensSocialInfrastructure: false,
      owner: 'Economic development company',
    }),
  ],
};

/** S6: a channel's work plan, submitted by its domain head after the four meetings. */
export const workPlan = (channel: Channel): WorkPlan => ({
  channel,
  submittedOn: ON.workPlans,
  actions: [...ACTIONS[channel]],
});

/** The four work plans, in the order the channels were chosen. */
export const workPlans: readonly WorkPlan[] = (
  ['social', 'educational', 'urban', 'economic'] as const
).map(workPlan);
