import type { ItemRule } from '@maslul/core';
import type { DomainHead, Team } from '../schemas/team.js';
import type { WorkPlan } from '../schemas/work-plan.js';
import { channelsOf } from './channels-of.js';

// The rules of the channel teams (T1-T3): their forming, domain head, meetings and work plan.

const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;

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
