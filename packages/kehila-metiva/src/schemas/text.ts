import * as z from 'zod';

/**
 * A human text (a title, a name, a finding, a reason): trimmed, and not empty once trimmed.
 * Hebrew and English are both fine; the schema does not care about the language.
 *
 * @example
 * ```ts
 * import { textSchema } from '@maslul/kehila-metiva';
 *
 * textSchema.parse('  נוער בסיכון '); // 'נוער בסיכון'
 * textSchema.safeParse('   ').success; // false
 * ```
 * @category Primitives
 */
export const textSchema = z
  .string({ error: 'expected a text' })
  .trim()
  .min(1, { error: 'expected a text that is not empty' });

/**
 * A trimmed, non-empty human text.
 *
 * @example
 * ```ts
 * import type { Text } from '@maslul/kehila-metiva';
 *
 * const title: Text = 'Employment of women in the eastern neighbourhoods';
 * ```
 * @category Primitives
 */
export type Text = z.infer<typeof textSchema>;
