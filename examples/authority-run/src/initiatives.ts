import type {
  ContinuationDecision,
  HackathonIdeaInput,
  HackathonInput,
  InitiativeMeasurement,
  ObjectiveProgress,
} from '@maslul/kehila-metiva';
import { ON } from './dates.js';

// The pilot track (X1-X4, C1-C2): eight ideas from the hackathon, all selected and supported,
// measured at about six months, then decided one by one: four continue, four stop.

/** X1: the ideas raised at the hackathon, each tied to a focus challenge or an objective. */
export const ideas = {
  'homework-club': {
    id: 'homework-club',
    title: 'Homework club with university students',
    proposedBy: 'Neve Rimon parents’ committee',
    challengeIds: ['youth-dropout'],
    objectiveIds: ['cut-dropout'],
  },
  'courtyard-gardens': {
    id: 'courtyard-gardens',
    title: 'Gardens in building courtyards',
    objectiveIds: ['more-volunteers'],
  },
  'elder-phone-circle': {
    id: 'elder-phone-circle',
    title: 'Daily phone circle for elders living alone',
    challengeIds: ['lonely-elders'],
    objectiveIds: ['no-one-alone'],
  },
  'coop-kitchen': {
    id: 'coop-kitchen',
    title: 'Women’s cooperative catering kitchen',
    challengeIds: ['women-employment'],
    objectiveIds: ['women-at-work'],
  },
  'night-market': {
    id: 'night-market',
    title: 'Friday night market in the Old Market quarter',
    challengeIds: ['women-employment'],
  },
  'cable-car': {
    id: 'cable-car',
    title: 'A cable car over the wadi',
    challengeIds: ['neglected-streets'],
  },
  'youth-radio': {
    id: 'youth-radio',
    title: 'Youth radio station at the community centre',
    challengeIds: ['youth-dropout'],
  },
  'repair-cafe': {
    id: 'repair-cafe',
    title: 'Monthly repair café run by retirees',
    challengeIds: ['weak-civic-groups'],
    objectiveIds: ['more-volunteers'],
  },
} as const satisfies Record<string, HackathonIdeaInput>;

export type InitiativeId = keyof typeof ideas;

export const initiativeIds = Object.keys(ideas) as InitiativeId[];

/** X1, X2: the hackathon: every idea selected, each with mentoring, a connection and money. */
export const hackathon: HackathonInput = {
  heldOn: ON.X1,
  ideas: Object.values(ideas),
  selections: initiativeIds.map((ideaId, i) => ({
    ideaId,
    selectedOn: ON.X1,
    support: {
      connections: ['Community centre director'],
      mentoring: { personal: true, group: i % 2 === 0 },
      moneyAgorot: (10_000 + 2_500 * (i % 4)) * 100,
    },
  })),
};

const indicator = (objectiveId: string, indicatorId: string, value: number): ObjectiveProgress => ({
  measure: 'indicator',
  objectiveId,
  indicatorId,
  value,
});
const share = (objectiveId: string, value: number): ObjectiveProgress => ({
  measure: 'share',
  objectiveId,
  share: value,
});

const MEASURED: Record<InitiativeId, [ObjectiveProgress, string]> = {
  'homework-club': [
    indicator('cut-dropout', 'dropout-rate', 13),
    'Dropout among its pupils 13%, from 16%',
  ],
  'courtyard-gardens': [share('more-volunteers', 0.35), '9 courtyards, 64 new volunteers'],
  'elder-phone-circle': [
    indicator('no-one-alone', 'weekly-contact', 57),
    'Elders seen weekly 57%, from 50%',
  ],
  'coop-kitchen': [
    indicator('women-at-work', 'women-employed', 60),
    '22 women employed, 60% from 58%',
  ],
  'night-market': [share('women-at-work', 0.15), '12 stalls, 7 run by women'],
  'cable-car': [
    indicator('safe-streets', 'lit-streets', 45),
    'Feasibility study only; lit streets still 45%',
  ],
  'youth-radio': [share('cut-dropout', 0), 'Studio not ready; no broadcasts yet'],
  'repair-cafe': [share('more-volunteers', 0), 'Three sessions, then the volunteers left'],
};

/** X3: an initiative's measurement at about six months. */
export const measurement = (id: InitiativeId): InitiativeMeasurement => {
  const [progress, notes] = MEASURED[id];
  return { initiativeId: id, measuredOn: ON.measured, progress: [progress], notes };
};

const decide = (
  initiativeId: InitiativeId,
  decision: 'continue' | 'stop',
  reasons: string[],
  advancesObjectiveIds: string[],
  fitsPlan: boolean,
): ContinuationDecision => ({
  initiativeId,
  decision,
  reasons,
  advancesObjectiveIds,
  fitsPlan,
  decidedOn: ON.decided,
});

/** C1, C2: the shaping committee's decision on each initiative, with its reasons. */
export const decisions: Record<InitiativeId, ContinuationDecision> = {
  'homework-club': decide(
    'homework-club',
    'continue',
    ['Dropout fell from 16% to 13%', 'Becomes part of the learning hubs (educational plan)'],
    ['cut-dropout'],
    true,
  ),
  'courtyard-gardens': decide(
    'courtyard-gardens',
    'continue',
    ['A third of the way to its volunteer target', 'Fits the shared yards action (urban plan)'],
    ['more-volunteers'],
    true,
  ),
  'elder-phone-circle': decide(
    'elder-phone-circle',
    'continue',
    ['Elders seen weekly rose from 50% to 57%', 'Joins the elders’ network (social plan)'],
    ['no-one-alone'],
    true,
  ),
  'coop-kitchen': decide(
    'coop-kitchen',
    'continue',
    ['22 women in paid work', 'A placement partner of the women-to-work track (economic plan)'],
    ['women-at-work'],
    true,
  ),
  'night-market': decide(
    'night-market',
    'stop',
    ['Some progress, but no action of the plan funds events or Friday trading permits'],
    ['women-at-work'],
    false,
  ),
  'cable-car': decide(
    'cable-car',
    'stop',
    [
      'No measurable progress: lit streets unchanged',
      'Cost far beyond any budget line of the plan',
    ],
    [],
    false,
  ),
  'youth-radio': decide(
    'youth-radio',
    'stop',
    [
      'Delayed: the studio was not ready, nothing to measure',
      'Its aim is served by the learning hubs',
    ],
    [],
    true,
  ),
  'repair-cafe': decide(
    'repair-cafe',
    'stop',
    ['Failed: the volunteers left after three sessions', 'No progress toward more volunteers'],
    [],
    true,
  ),
};
