import * as z from 'zod';
import { agorotSchema } from './agorot.js';
import { textSchema } from './text.js';

/**
 * The budget line of a plan action (PROGRAM P2, investments): the amount in agorot (₪1 = 100
 * agorot; 0 for an action that needs no new money), and optionally the municipal budget section
 * (סעיף תקציבי) and the funding source.
 *
 * @example
 * ```ts
 * import { budgetLineSchema } from '@maslul/kehila-metiva';
 *
 * budgetLineSchema.parse({
 *   amountAgorot: 35_000_000, // ₪350,000
 *   section: '1-817-750',
 *   source: 'משרד הרווחה',
 * });
 * ```
 * @category Strategy track
 */
export const budgetLineSchema = z.strictObject({
  amountAgorot: agorotSchema,
  section: textSchema.optional(),
  source: textSchema.optional(),
});

/**
 * The budget line of a plan action, amount in agorot (PROGRAM P2).
 *
 * @example
 * ```ts
 * import type { BudgetLine } from '@maslul/kehila-metiva';
 *
 * const shekels = (line: BudgetLine) => line.amountAgorot / 100;
 * ```
 * @category Strategy track
 */
export type BudgetLine = z.infer<typeof budgetLineSchema>;
