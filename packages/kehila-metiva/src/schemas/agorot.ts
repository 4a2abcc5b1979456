import * as z from 'zod';

/**
 * An amount of money in agorot: a whole number, 0 or more (₪1 = 100 agorot). Money is kept in
 * the smallest unit so that sums of budget lines are exact (no floating-point cents), the way
 * payment APIs keep cents. Fields that hold it end in `Agorot` (`amountAgorot`).
 *
 * @example
 * ```ts
 * import { agorotSchema } from '@maslul/kehila-metiva';
 *
 * agorotSchema.parse(25_000_000); // ₪250,000
 * agorotSchema.safeParse(99.5).success; // false: no fractions of an agora
 * ```
 * @category Primitives
 */
export const agorotSchema = z
  .int({
    error: 'expected an amount in whole agorot (₪1 = 100 agorot), e.g. 25000000 for ₪250,000',
  })
  .min(0, { error: 'an amount of money is 0 or more agorot' });

/**
 * An amount of money in whole agorot (₪1 = 100 agorot).
 *
 * @example
 * ```ts
 * import type { Agorot } from '@maslul/kehila-metiva';
 *
 * const mentoringBudget: Agorot = 1_500_000; // ₪15,000
 * ```
 * @category Primitives
 */
export type Agorot = z.infer<typeof agorotSchema>;
