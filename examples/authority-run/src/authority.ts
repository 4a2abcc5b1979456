import type { Actor } from '@maslul/core';
import type {
  Channel,
  Compass,
  FocusChallenges,
  KehilaRole,
  LogicModel,
  MeetingRecordInput,
  Scope,
  SituationPicture,
  StrategicPlan,
} from '@maslul/kehila-metiva';
import { ON, START } from './dates.js';
import { domainHeads, workPlans } from './teams.js';

// Ramat HaTe'enim is invented: a mid-sized Israeli town that takes on all four channels. Its
// people, neighbourhoods and numbers are made up; the program's rules are real (docs/program.md).

/** The authority's name, as the demo prints it. */
export const AUTHORITY = "Ramat HaTe'enim (fictional)";

const actor = (id: string, role: KehilaRole): Actor<KehilaRole> => ({ id, roles: [role] });

/** Who records what: each event is sent by someone holding the role the program asks for. */
export const people = {
  mayor: actor('mayor-ronit-shalev', 'steeringCommittee'),
  shaping: actor('shaping-committee', 'shapingCommittee'),
  ceo: actor('ceo-eli-navon', 'cityCeo'),
  manager: actor('pm-tamar-golan', 'programManager'),
  hackathon: actor('hackathon-committee', 'hackathonCommittee'),
  heads: {
    social: actor(domainHeads.social.actorId, 'domainHead'),
    educational: actor(domainHeads.educational.actorId, 'domainHead'),
    urban: actor(domainHeads.urban.actorId, 'domainHead'),
    economic: actor(domainHeads.economic.actorId, 'domainHead'),
  } satisfies Record<Channel, Actor<KehilaRole>>,
} as const;

/** S0: three neighbourhoods, all four channels, two years. */
export const scope: Scope = {
  focusAreas: [
    { id: 'givat-hazeitim', name: 'Givat HaZeitim' },
    { id: 'neve-rimon', name: 'Neve Rimon' },
    { id: 'old-market', name: 'The Old Market quarter' },
  ],
  channels: ['social', 'educational', 'urban', 'economic'],
  timeline: { start: START, plannedEnd: '2028-08-31' },
};

/** S1: the five focus challenges, ranked at shaping-committee meeting 1. */
export const challenges: FocusChallenges = [
  { id: 'youth-dropout', title: 'Teenagers dropping out of school', rank: 1 },
  { id: 'lonely-elders', title: 'Loneliness of older residents', rank: 2 },
  { id: 'women-employment', title: 'Low employment of women', rank: 3 },
  { id: 'neglected-streets', title: 'Dark, neglected public space', rank: 4 },
  { id: 'weak-civic-groups', title: 'Few and weak community organisations', rank: 5 },
];

const findings: Record<string, string> = {
  'youth-dropout': '16% of 15-17 year olds in Neve Rimon left school in the last two years',
  'lonely-elders': 'Half of residents over 75 see someone outside the home less than weekly',
  'women-employment': '58% of women aged 25-64 are employed, against 74% nationally',
  'neglected-streets': 'Only 45% of streets in the focus areas are lit after dark',
  'weak-civic-groups': 'Four active residents’ associations in three neighbourhoods',
};

/** S2: the situation picture, one finding and its source per challenge, published. */
export const situationPicture: SituationPicture = {
  asOf: '2026-12-31',
  challenges: challenges.map(({ id }) => ({
    challengeId: id,
    findings: [findings[id] ?? id],
    dataSources: [
      { name: 'Central Bureau of Statistics', url: 'https://www.cbs.gov.il' },
      { name: 'Municipal welfare and education records' },
    ],
  })),
  public: true,
  publishedOn: ON.S2Finish,
};

/** S3: shaping-committee meeting 2, where the mapping is revealed and the conference designed. */
export const shapingMeeting2: MeetingRecordInput = {
  body: 'shapingCommittee',
  number: 2,
  id: 'shaping-2',
  heldOn: ON.S3,
  ideas: [
    { id: 'all-sectors', text: 'Invite every sector: NGOs, businesses, schools, residents' },
    { id: 'youth-panel', text: 'Open the conference with a panel of teenagers', raisedBy: 'youth' },
    { id: 'stadium', text: 'Hold it in a stadium with 5,000 residents' },
  ],
  priorities: ['all-sectors', 'youth-panel'],
  decisions: [
    {
      id: 'conference',
      text: 'Design the launch conference: all sectors invited',
      ideaIds: ['all-sectors', 'youth-panel'],
    },
  ],
};

/** S4: the compass adopted at the launch conference. */
export const compass: Compass = {
  vision: 'A town where every resident belongs, learns and makes a living',
  goals: [
    { id: 'thriving-youth', title: 'Young people who finish school with a future' },
    { id: 'connected-neighbourhoods', title: 'Safe neighbourhoods where no one is alone' },
    { id: 'shared-prosperity', title: 'A local economy that works for women and families' },
  ],
  objectives: [
    objective('cut-dropout', 'thriving-youth', 'dropout-rate', 'Dropout rate, ages 15-17', 16, 9),
    objective('more-volunteers', 'connected-neighbourhoods', 'volunteers', 'Volunteers', 11, 22),
    objective('safe-streets', 'connected-neighbourhoods', 'lit-streets', 'Lit streets', 45, 85),
    objective(
      'no-one-alone',
      'connected-neighbourhoods',
      'weekly-contact',
      'Elders seen weekly',
      50,
      75,
    ),
    objective('women-at-work', 'shared-prosperity', 'women-employed', 'Women employed', 58, 68),
  ],
  adoptedOn: ON.S4,
};

function objective(
  id: string,
  goalId: string,
  indicator: string,
  name: string,
  from: number,
  to: number,
) {
  return {
    id,
    title: `${name}: from ${from}% to ${to}%`,
    goalId,
    indicators: [{ id: indicator, name, unit: '%', baseline: from, target: to }],
  };
}

const outcomes = (short: string, medium: string, long: string) => ({
  short: [short],
  medium: [medium],
  long: [long],
});

/** S5: the theory of change and the logic model, overall and for each of the four channels. */
export const logicModel: LogicModel = {
  theoryOfChange:
    'Strong community ties and shared spaces keep young people in school and elders connected, and open work to women',
  overall: outcomes(
    'Partners recruited',
    'Programs running in all three areas',
    'Indicators at target',
  ),
  byChannel: {
    social: outcomes('Volunteer pool formed', 'Every lonely elder has a contact', 'No one alone'),
    educational: outcomes('Tutors recruited', 'Learning hubs open', 'Dropout rate at 9%'),
    urban: outcomes('Dark streets mapped', 'Main routes lit', '85% of streets lit'),
    economic: outcomes('Employers signed up', 'Training tracks running', '68% of women employed'),
  },
};

/** S7: shaping-committee meeting 4, where the four work plans are revealed and commented on. */
export const shapingMeeting4: MeetingRecordInput = {
  body: 'shapingCommittee',
  number: 4,
  id: 'shaping-4',
  heldOn: ON.S7,
  ideas: [
    { id: 'shared-hubs', text: 'Put the learning hubs and the elders’ club in the same buildings' },
    { id: 'budget-check', text: 'Ask the treasurer to confirm the economic plan’s budget' },
    { id: 'free-wifi', text: 'Free Wi-Fi in every street' },
  ],
  priorities: ['shared-hubs', 'budget-check'],
  decisions: [
    {
      id: 'comments',
      text: 'Comments: share buildings, check economic budget',
      ideaIds: ['shared-hubs', 'budget-check'],
    },
  ],
};

/** S8: the multi-year strategic plan, holding the four work plans. */
export const strategicPlan: StrategicPlan = {
  authority: "Ramat HaTe'enim Municipality",
  horizon: { start: '2027-06-01', end: '2030-12-31' },
  workPlans: [...workPlans],
  communityBudget: {
    amountAgorot: 30_000_000,
    guidelines: 'An open call for resident initiatives, up to ₪20,000 each, decided by residents',
  },
  revisions: [{ version: 1, revisedOn: ON.S8, summary: 'Closed at shaping-committee meeting 5' }],
  public: true,
  publishedOn: ON.S8,
};
