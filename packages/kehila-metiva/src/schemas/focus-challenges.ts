import * as z from 'zod';
import { idSchema } from './id.js';
import { addRuleIssue, reportRepeats } from './rule-issue.js';
import { textSchema } from './text.js';

const RANKS = [1, 2, 3, 4, 5] as const;

/**
 * One focus challenge (אתגר / כשל / נושא) ranked at shaping-committee meeting 1 (PROGRAM S1):
 * its id, title and rank from 1 (first priority) to 5.
 *
 * @example
 * ```ts
 * import { focusChallengeSchema } from '@maslul/kehila-metiva';
 *
 * focusChallengeSchema.parse({ id: 'youth', title: 'נוער בסיכון', rank: 1 });
 * focusChallengeSchema.safeParse({ id: 'youth', title: 'נוער בסיכון', rank: 6 }).success; // false
 * ```
 * @category Strategy track
 */
export const focusChallengeSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: textSchema.optional(),
  rank: z.int({ error: 'S1: a rank is a whole number from 1 to 5' }).superRefine((rank, ctx) => {
    if (rank < 1 || rank > 5) addRuleIssue(ctx, 'S1', `rank ${rank} is not 1 to 5`);
  }),
});

/**
 * One ranked focus challenge (PROGRAM S1).
 *
 * @example
 * ```ts
 * import type { FocusChallenge } from '@maslul/kehila-metiva';
 *
 * const challenge: FocusChallenge = { id: 'employment', title: 'Women’s employment', rank: 2 };
 * ```
 * @category Strategy track
 */
export type FocusChallenge = z.infer<typeof focusChallengeSchema>;

/**
 * The five focus challenges chosen at shaping-committee meeting 1 by ranking priorities
 * (PROGRAM S1): exactly five, with ids unique and ranks 1 to 5 each given once. The list may be
 * in any order; the rank says the priority.
 *
 * @example
 * ```ts
 * import { focusChallengesSchema } from '@maslul/kehila-metiva';
 *
 * const challenges = focusChallengesSchema.parse([
 *   { id: 'youth', title: 'נוער בסיכון', rank: 1 },
 *   { id: 'employment', title: 'תעסוקת נשים', rank: 2 },
 *   { id: 'public-space', title: 'מרחב ציבורי מוזנח', rank: 3 },
 *   { id: 'elderly', title: 'בדידות אזרחים ותיקים', rank: 4 },
 *   { id: 'early-childhood', title: 'גיל הרך', rank: 5 },
 * ]);
 * challenges.length; // 5
 * ```
 * @category Strategy track
 */
export const focusChallengesSchema = z
  .array(focusChallengeSchema)
  .superRefine((challenges, ctx) => {
    if (challenges.length !== 5) {
      addRuleIssue(ctx, 'S1', `rank exactly five focus challenges, not ${challenges.length}`);
    }
    reportRepeats(ctx, challenges, (challenge) => challenge.id, 'challenge id', ['id']);
    const byRank = new Map<number, string>();
    challenges.forEach((challenge, index) => {
      const first = byRank.get(challenge.rank);
      if (first === undefined) byRank.set(challenge.rank, challenge.title);
      else {
        addRuleIssue(
          ctx,
          'S1',
          `rank ${challenge.rank} is given to "${first}" and "${challenge.title}"; give each rank 1 to 5 to one challenge`,
          [index, 'rank'],
        );
      }
    });
    const missing = RANKS.filter((rank) => !byRank.has(rank));
    // With five challenges a missing rank is the other side of a repeated one: say which to use.
    if (challenges.length === 5 && missing.length > 0) {
      addRuleIssue(
        ctx,
        'S1',
        `no challenge has rank ${missing.join(', ')}; ranks 1 to 5 are all given`,
      );
    }
  })
  .meta({ rule: 'S1' });

/**
 * The five ranked focus challenges (PROGRAM S1).
 *
 * @example
 * ```ts
 * import type { FocusChallenges } from '@maslul/kehila-metiva';
 *
 * const titles = (challenges: FocusChallenges) =>
 *   [...challenges].sort((a, b) => a.rank - b.rank).map((c) => c.title);
 * ```
 * @category Strategy track
 */
export type FocusChallenges = z.infer<typeof focusChallengesSchema>;
