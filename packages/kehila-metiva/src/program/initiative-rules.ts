import type { ItemRule, Rule } from '@maslul/core';
import type { Compass } from '../schemas/compass.js';
import type { ContinuationDecision } from '../schemas/continuation-decision.js';
import type { FocusChallenges } from '../schemas/focus-challenges.js';
import type { Hackathon } from '../schemas/hackathon.js';
import type { HackathonIdea } from '../schemas/hackathon-idea.js';
import type { InitiativeMeasurement } from '../schemas/initiative-measurement.js';

// The rules of the pilot's initiatives (X1) and of the convergence decision on each (C1, C2).

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
