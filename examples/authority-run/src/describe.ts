import type { ItemRecord, LogEntry } from '@maslul/core';
import type {
  Compass,
  FocusChallenges,
  Hackathon,
  LogicModel,
  MeetingRecord,
  Scope,
  SituationPicture,
  StrategicPlan,
  WorkPlan,
} from '@maslul/kehila-metiva';
import { shekels } from './format.js';

// What a step event decided, in one line, read from the payload the program validated and kept.
// Steps without a payload (S9, X3, X4, Q) are described by their label.

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const firstDecision = (meeting: MeetingRecord) => meeting.decisions[0]?.text ?? '';

const count = (items: Items, kind: string, state?: string) =>
  Object.values(items).filter((item) => item.kind === kind && (!state || item.state === state))
    .length;

type Items = { readonly [id: string]: ItemRecord };

/**
 * One line saying what `entry` decided or produced, or `undefined` when its label says it all.
 * `items` are the run's teams and initiatives at its end: each step counted here (S6, X2, C1)
 * comes after the items it counts were created or decided, so the end's counts are its own.
 */
export function describe(entry: LogEntry, items: Items): string | undefined {
  const { payload } = entry;
  const counts = { teams: count(items, 'team'), initiatives: count(items, 'initiative') };
  switch (entry.type) {
    case 'S0': {
      const scope = payload as Scope;
      return `Scope: ${scope.channels.length} channels, ${scope.focusAreas.length} focus areas, to ${scope.timeline.plannedEnd}`;
    }
    case 'S1': {
      const first = (payload as FocusChallenges).find((c) => c.rank === 1);
      return `5 challenges; #1 ${first?.title ?? '?'}`;
    }
    case 'S2.start':
      return 'Mapping starts (program manager)';
    case 'S2.finish': {
      const picture = payload as SituationPicture;
      return `Situation picture (${picture.challenges.length} challenges) ${picture.public ? 'published' : 'kept internal'}`;
    }
    case 'S3':
    case 'S7':
      return firstDecision(payload as MeetingRecord);
    case 'S4': {
      const compass = payload as Compass;
      return `Compass: vision, ${compass.goals.length} goals, ${compass.objectives.length} objectives`;
    }
    case 'S5':
      return `Logic model: outcomes overall + ${Object.keys((payload as LogicModel).byChannel).length} channels`;
    case 'S6.start':
      return `${counts.teams} teams formed, heads appointed, meetings begin`;
    case 'S6.finish':
      return `${counts.teams} work plans submitted`;
    case 'S8': {
      const plan = payload as StrategicPlan;
      const actions = plan.workPlans.flatMap((workPlan: WorkPlan) => workPlan.actions);
      const budget = shekels(sum(actions.map((action) => action.budget.amountAgorot)));
      return `Plan: ${plan.workPlans.length} work plans, ${actions.length} actions, ${budget}`;
    }
    case 'X1': {
      const hackathon = payload as Hackathon;
      const money = shekels(sum(hackathon.selections.map((s) => s.support.moneyAgorot)));
      return `${hackathon.ideas.length} ideas, ${hackathon.selections.length} selected, ${money} in grants`;
    }
    case 'X2.start':
      return `Mentoring, contacts, money for ${counts.initiatives} initiatives`;
    case 'X2.finish':
      return 'First-year support ends';
    case 'C1': {
      const continued = count(items, 'initiative', 'continued');
      const stopped = count(items, 'initiative', 'stopped');
      return `${continued} continue into year two, ${stopped} stop`;
    }
    default:
      return undefined;
  }
}
