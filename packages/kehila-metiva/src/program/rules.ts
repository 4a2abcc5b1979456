import type { ItemRecord, ItemRule, Rule } from '@maslul/core';
import type { Channel } from '../schemas/channel.js';
import type { Compass } from '../schemas/compass.js';
import type { ContinuationDecision } from '../schemas/continuation-decision.js';
import type { FocusChallenges } from '../schemas/focus-challenges.js';
import type { Hackathon } from '../schemas/hackathon.js';
import type { HackathonIdea } from '../schemas/hackathon-idea.js';
import type { InitiativeMeasurement } from '../schemas/initiative-measurement.js';
import type { LogicModel } from '../schemas/logic-model.js';
import type { Scope } from '../schemas/scope.js';
import type { StrategicPlan } from '../schemas/strategic-plan.js';
import type { DomainHead, Team } from '../schemas/team.js';
import type { WorkPlan } from '../schemas/work-plan.js';

// The rules of docs/program.md that need more than one record: each has the rule's id and its reason
// in Hebrew and English, as the runtime records it for every event it allows or refuses.

const scopeOf = (recorded: { readonly [step: string]: unknown }) =>
  recorded.S0 as Scope | undefined;
const channelsOf = (recorded: { readonly [step: string]: unknown }): readonly Channel[] =>
  scopeOf(recorded)?.channels ?? [];
const teamsOf = (items: { readonly [id: string]: ItemRecord }) =>
  Object.values(items).filter((item) => item.kind === 'team');
const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;

/**
 * S5: the logic model gives outcomes per channel for exactly the channels taken on at S0.
 *
 * @example
 * ```ts
 * import { logicModelChannels } from '@maslul/kehila-metiva';
 *
 * logicModelChannels.id; // 'S5'
 * ```
 * @category Rules
 */
export const logicModelChannels: Rule<LogicModel> = {
  id: 'S5',
  reason: {
    en: 'The logic model gives outcomes for each channel chosen at S0, and for no other',
    he: 'המודל הלוגי מפרט תוצאות לכל ערוץ שנבחר בשלב 0, ורק להם',
  },
  check: ({ payload, recorded }) => {
    const chosen = channelsOf(recorded);
    const modelled = Object.keys(payload.byChannel).filter(
      (channel) => payload.byChannel[channel as Channel] !== undefined,
    );
    return (
      modelled.length === chosen.length && chosen.every((channel) => modelled.includes(channel))
    );
  },
};

/**
 * S2: the situation picture is about the five focus challenges chosen at meeting 1.
 *
 * @example
 * ```ts
 * import { pictureOfTheFiveChallenges } from '@maslul/kehila-metiva';
 *
 * pictureOfTheFiveChallenges.id; // 'S2'
 * ```
 * @category Rules
 */
export const pictureOfTheFiveChallenges: Rule<{
  readonly challenges: readonly { readonly challengeId: string }[];
}> = {
  id: 'S2',
  reason: {
    en: 'The situation picture covers the five focus challenges of meeting 1',
    he: 'תמונת המצב מתמקדת בחמשת האתגרים שנבחרו במפגש הראשון',
  },
  check: ({ payload, recorded }) => {
    const chosen = ((recorded.S1 as FocusChallenges | undefined) ?? []).map((c) => c.id);
    const covered = new Set(payload.challenges.map((c) => c.challengeId));
    return chosen.length > 0 && chosen.every((id) => covered.has(id));
  },
};

/**
 * S6 (and T1-T3): the teams step finishes only when every channel chosen at S0 has a team whose
 * work plan is submitted.
 *
 * @example
 * ```ts
 * import { everyChannelPlanned } from '@maslul/kehila-metiva';
 *
 * everyChannelPlanned.id; // 'S6'
 * ```
 * @category Rules
 */
export const everyChannelPlanned: Rule<unknown> = {
  id: 'S6',
  reason: {
    en: 'Every channel chosen at S0 has a team with a submitted work plan',
    he: 'לכל ערוץ שנבחר בשלב 0 יש צוות שהגיש תוכנית עבודה',
  },
  check: ({ recorded, items }) => {
    const planned = teamsOf(items)
      .filter((team) => team.state === 'planned')
      .map((team) => (team.data as Team).channel);
    return channelsOf(recorded).every((channel) => planned.includes(channel));
  },
};

/**
 * P1: the plan holds the work plan of every channel chosen at S0 (and of no other), and actions
 * that strengthen social infrastructure.
 *
 * @example
 * ```ts
 * import { planIsComplete } from '@maslul/kehila-metiva';
 *
 * planIsComplete.id; // 'P1'
 * ```
 * @category Rules
 */
export const planIsComplete: Rule<StrategicPlan> = {
  id: 'P1',
  reason: {
    en: "The plan holds every chosen channel's work plan and actions that strengthen social infrastructure",
    he: 'התוכנית כוללת את תוכניות העבודה של כל הערוצים שנבחרו ופעולות לחיזוק התשתית החברתית',
  },
  check: ({ payload, recorded }) => {
    const chosen = channelsOf(recorded);
    const plans: readonly WorkPlan[] = payload.workPlans;
    return (
      chosen.every((channel) => plans.some((plan) => plan.channel === channel)) &&
      plans.every((plan) => chosen.includes(plan.channel)) &&
      plans.some((plan) => plan.actions.some((action) => action.strengthensSocialInfrastructure))
    );
  },
};

/**
 * P2: the plan holds programs (not only interventions), each action with a budget line and a
 * place on the Gantt.
 *
 * @example
 * ```ts
 * import { planHasProgramsBudgetAndGantt } from '@maslul/kehila-metiva';
 *
 * planHasProgramsBudgetAndGantt.id; // 'P2'
 * ```
 * @category Rules
 */
export const planHasProgramsBudgetAndGantt: Rule<StrategicPlan> = {
  id: 'P2',
  reason: {
    en: 'The plan holds programs and interventions, with a budget and an implementation Gantt',
    he: 'התוכנית כוללת תוכניות והתערבויות, תקציב וציר יישום (גאנט)',
  },
  check: ({ payload }) => {
    const actions = payload.workPlans.flatMap((plan) => plan.actions);
    return (
      actions.some((action) => action.kind === 'program') &&
      actions.every(
        (action) => action.budget.amountAgorot >= 0 && action.gantt.end >= action.gantt.start,
      )
    );
  },
};

/**
 * T2: the domain head is appointed by the city CEO, and the record says so.
 *
 * @example
 * ```ts
 * import { appointedByTheCityCeo } from '@maslul/kehila-metiva';
 *
 * appointedByTheCityCeo.id; // 'T2'
 * ```
 * @category Rules
 */
export const appointedByTheCityCeo: ItemRule<{ readonly appointedBy: string }> = {
  id: 'T2',
  reason: {
    en: "Each team's domain head is appointed by the city CEO",
    he: 'ראש התחום של כל צוות ממונה על ידי מנכ"ל העירייה',
  },
  check: ({ payload }) => payload.appointedBy === 'cityCeo',
};

/**
 * T2: a team's roster records its domain head as appointed by the city CEO too: a stored roster
 * never contradicts T2, wherever the domain head is recorded.
 *
 * @example
 * ```ts
 * import { headAppointedByTheCityCeo } from '@maslul/kehila-metiva';
 *
 * headAppointedByTheCityCeo.id; // 'T2'
 * ```
 * @category Rules
 */
export const headAppointedByTheCityCeo: ItemRule<Team> = {
  id: 'T2',
  reason: {
    en: "The team's domain head is recorded as appointed by the city CEO",
    he: 'ראש התחום של הצוות רשום כמי שמונה על ידי מנכ"ל העירייה',
  },
  check: ({ payload }) => payload.domainHead.appointedBy === 'cityCeo',
};

/**
 * T2: a team's meetings and work plan are recorded only by its own domain head: the one its
 * appointment names (or, before it, its roster), by actor id.
 *
 * @example
 * ```ts
 * import { byTheTeamsOwnDomainHead } from '@maslul/kehila-metiva';
 *
 * byTheTeamsOwnDomainHead.id; // 'T2'
 * ```
 * @category Rules
 */
export const byTheTeamsOwnDomainHead: ItemRule<unknown> = {
  id: 'T2',
  reason: {
    en: "A team's events are recorded by its own domain head",
    he: 'את אירועי הצוות רושם ראש התחום של הצוות עצמו',
  },
  check: ({ item, actor }) => {
    const appointed = item.events.appoint?.payload as DomainHead | undefined;
    const head = appointed ?? (item.data as Team).domainHead;
    return head.actorId === actor.id;
  },
};

/**
 * T3: a team holds four work meetings, and no more.
 *
 * @example
 * ```ts
 * import { atMostFourMeetings } from '@maslul/kehila-metiva';
 *
 * atMostFourMeetings.id; // 'T3'
 * ```
 * @category Rules
 */
export const atMostFourMeetings: ItemRule<unknown> = {
  id: 'T3',
  reason: {
    en: 'A team holds four work meetings, no more',
    he: 'הצוות מקיים ארבעה מפגשי עבודה, לא יותר',
  },
  check: ({ item }) => (item.events.meet?.count ?? 0) < 4,
};

/**
 * T3: a team's work meetings are held on working days (in Israel: not on Friday, Saturday or a
 * holiday such as the second day of Rosh Hashana), as they are planned.
 *
 * @example
 * ```ts
 * import { meetingsOnWorkingDays } from '@maslul/kehila-metiva';
 *
 * meetingsOnWorkingDays.id; // 'T3'
 * ```
 * @category Rules
 */
export const meetingsOnWorkingDays: ItemRule<unknown> = {
  id: 'T3',
  reason: {
    en: 'Team meetings are held on working days',
    he: 'מפגשי הצוות מתקיימים בימי עבודה',
  },
  check: ({ workingDay }) => workingDay,
};

/**
 * T1: a team is formed for a channel chosen at S0, one team per channel.
 *
 * @example
 * ```ts
 * import { teamForAChosenChannel } from '@maslul/kehila-metiva';
 *
 * teamForAChosenChannel.id; // 'T1'
 * ```
 * @category Rules
 */
export const teamForAChosenChannel: ItemRule<Team> = {
  id: 'T1',
  reason: {
    en: 'One team per channel chosen at S0',
    he: 'צוות אחד לכל ערוץ שנבחר בשלב 0',
  },
  check: ({ payload, recorded, item }) => {
    const channels = channelsOf(recorded);
    return channels.includes(payload.channel) && item.id === `team-${payload.channel}`;
  },
};

/**
 * T3: a team's work meetings are about two weeks apart (10 to 18 days).
 *
 * @example
 * ```ts
 * import { meetingsTwoWeeksApart } from '@maslul/kehila-metiva';
 *
 * meetingsTwoWeeksApart.id; // 'T3'
 * ```
 * @category Rules
 */
export const meetingsTwoWeeksApart: ItemRule<unknown> = {
  id: 'T3',
  reason: {
    en: 'Team meetings are held about two weeks apart',
    he: 'מפגשי הצוות מתקיימים אחת לשבועיים',
  },
  check: ({ item, date }) => {
    const last = item.events.meet?.date;
    if (last === undefined) return true;
    const gap = daysBetween(last, date);
    return gap >= 10 && gap <= 18;
  },
};

/**
 * T3: a team submits its work plan after its four work meetings, for its own channel.
 *
 * @example
 * ```ts
 * import { planAfterFourMeetings } from '@maslul/kehila-metiva';
 *
 * planAfterFourMeetings.id; // 'T3'
 * ```
 * @category Rules
 */
export const planAfterFourMeetings: ItemRule<WorkPlan> = {
  id: 'T3',
  reason: {
    en: 'A team submits its work plan for its channel after four work meetings',
    he: 'הצוות מגיש תוכנית עבודה לערוץ שלו לאחר ארבעה מפגשי עבודה',
  },
  check: ({ item, payload }) =>
    (item.events.meet?.count ?? 0) >= 4 && payload.channel === (item.data as Team).channel,
};

/**
 * X1: an initiative is an idea selected at the hackathon (the item id is the idea id), tied to a
 * focus challenge of S1 or an objective of S4.
 *
 * @example
 * ```ts
 * import { tiedToTheCompass } from '@maslul/kehila-metiva';
 *
 * tiedToTheCompass.id; // 'X1'
 * ```
 * @category Rules
 */
export const tiedToTheCompass: ItemRule<HackathonIdea> = {
  id: 'X1',
  reason: {
    en: 'An initiative is an idea selected at the hackathon, tied to a focus challenge or an objective',
    he: 'יוזמה היא רעיון שנבחר בהאקתון, הקשור לאתגר מוקד או ליעד של הרשות',
  },
  check: ({ payload, recorded, item }) => {
    const selected = ((recorded.X1 as Hackathon | undefined)?.selections ?? []).map(
      (s) => s.ideaId,
    );
    if (!selected.includes(item.id) || payload.id !== item.id) return false;
    const challenges = ((recorded.S1 as FocusChallenges | undefined) ?? []).map((c) => c.id);
    const objectives = ((recorded.S4 as Compass | undefined)?.objectives ?? []).map((o) => o.id);
    return (
      payload.challengeIds.some((id) => challenges.includes(id)) ||
      payload.objectiveIds.some((id) => objectives.includes(id))
    );
  },
};

/**
 * C2: an initiative continues only if its measurements show progress on an authority objective
 * and it fits the closed plan.
 *
 * @example
 * ```ts
 * import { continuesOnlyWithProgress } from '@maslul/kehila-metiva';
 *
 * continuesOnlyWithProgress.id; // 'C2'
 * ```
 * @category Rules
 */
export const continuesOnlyWithProgress: ItemRule<ContinuationDecision> = {
  id: 'C2',
  reason: {
    en: "An initiative continues only on a decision to continue it that advances the authority's objectives and fits the plan",
    he: 'יוזמה ממשיכה רק בהחלטה להמשיך בה, אם היא מקדמת את יעדי הרשות ומתאימה לתוכנית האסטרטגית',
  },
  check: ({ payload, item, recorded }) => {
    if (payload.decision !== 'continue' || payload.initiativeId !== item.id) return false;
    const objectives = (recorded.S4 as Compass | undefined)?.objectives ?? [];
    const ids = objectives.map((o) => o.id);
    const indicators = new Map(objectives.flatMap((o) => o.indicators).map((i) => [i.id, i]));
    const measured = item.events.measure?.payload as InitiativeMeasurement | undefined;
    // Progress: a share above 0, or an indicator moved from its baseline toward its target.
    const progressed = (measured?.progress ?? []).some((p) => {
      if (!ids.includes(p.objectiveId)) return false;
      if (p.measure === 'share') return p.share > 0;
      const indicator = indicators.get(p.indicatorId);
      if (!indicator) return false;
      const towards = Math.sign(indicator.target - indicator.baseline);
      return towards !== 0 && Math.sign(p.value - indicator.baseline) === towards;
    });
    return (
      payload.fitsPlan &&
      progressed &&
      payload.advancesObjectiveIds.length > 0 &&
      payload.advancesObjectiveIds.every((id) => ids.includes(id))
    );
  },
};

/**
 * C1: a stop is recorded as a decision to stop, about this initiative.
 *
 * @example
 * ```ts
 * import { stopsAsDecided } from '@maslul/kehila-metiva';
 *
 * stopsAsDecided.id; // 'C1'
 * ```
 * @category Rules
 */
export const stopsAsDecided: ItemRule<ContinuationDecision> = {
  id: 'C1',
  reason: {
    en: 'An initiative stops on a decision to stop it, recorded with its reasons',
    he: 'יוזמה נעצרת בהחלטה לעצור אותה, המתועדת עם נימוקיה',
  },
  check: ({ payload, item }) => payload.decision === 'stop' && payload.initiativeId === item.id,
};

/**
 * C1: the convergence decision is made once every initiative is decided, one by one.
 *
 * @example
 * ```ts
 * import { everyInitiativeDecided } from '@maslul/kehila-metiva';
 *
 * everyInitiativeDecided.id; // 'C1'
 * ```
 * @category Rules
 */
export const everyInitiativeDecided: Rule<unknown> = {
  id: 'C1',
  reason: {
    en: 'The shaping committee has decided on every initiative',
    he: 'הוועדה המעצבת החליטה על כל יוזמה',
  },
  check: ({ items }) =>
    Object.values(items)
      .filter((item) => item.kind === 'initiative')
      .every((item) => item.state === 'continued' || item.state === 'stopped'),
};
