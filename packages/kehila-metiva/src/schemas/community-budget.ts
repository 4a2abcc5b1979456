import * as z from 'zod';
import { agorotSchema } from './agorot.js';
import { addRuleIssue } from './rule-issue.js';
import { textSchema } from './text.js';

/**
 * The flexible budget the plan gives the community for its own use and for resident initiatives
 * (PROGRAM P6): an amount in agorot above 0 (₪1 = 100 agorot) and how residents can use it.
 *
 * @example
 * ```ts
 * import { communityBudgetSchema } from '@maslul/kehila-metiva';
 *
 * communityBudgetSchema.parse({
 *   amountAgorot: 20_000_000, // ₪200,000
 *   guidelines: 'קול קורא ליוזמות תושבים, עד 15,000 ₪ ליוזמה',
 * });
 * ```
 * @category Strategy track
 */
export const communityBudgetSchema = z
  .strictObject({
    amountAgorot: agorotSchema.superRefine((amount, ctx) => {
      if (amount === 0) {
        addRuleIssue(ctx, 'P6', 'give the community a flexible budget above 0 agorot');
      }
    }),
    guidelines: textSchema,
  })
  .meta({ rule: 'P6' });

/**
 * The community's flexible budget in the plan (PROGRAM P6).
 *
 * @example
 * ```ts
 * import type { CommunityBudget } from '@maslul/kehila-metiva';
 *
 * const budget: CommunityBudget = {
 *   amountAgorot: 20_000_000,
 *   guidelines: 'Open call for resident initiatives, up to ₪15,000 each',
 * };
 * ```
 * @category Strategy track
 */
export type CommunityBudget = z.infer<typeof communityBudgetSchema>;
