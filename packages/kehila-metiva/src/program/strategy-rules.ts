import type { ItemRecord, Rule } from '@maslul/core';
import type { Channel } from '../schemas/channel.js';
import type { FocusChallenges } from '../schemas/focus-challenges.js';
import type { LogicModel } from '../schemas/logic-model.js';
import type { Team } from '../schemas/team.js';
import { channelsOf } from './channels-of.js';

// The rules of the strategy track's steps (S2, S5, S6) that look across records.

const teamsOf = (items: { readonly [id: string]: ItemRecord }) =>
  Object.values(items).filter((item) => item.kind === 'team');

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
