import * as z from 'zod';

/**
 * An id of a record (a challenge, goal, objective, indicator, action, idea, initiative, member…):
 * 1 to 128 characters without whitespace. Records refer to each other by these ids, which are
 * plain strings so they survive JSON, URLs and database keys unchanged.
 *
 * @example
 * ```ts
 * import { idSchema } from '@maslul/kehila-metiva';
 *
 * idSchema.parse('challenge-youth-at-risk'); // 'challenge-youth-at-risk'
 * idSchema.safeParse('two words').success; // false
 * ```
 * @category Primitives
 */
export const idSchema = z
  .string({ error: 'expected an id (a string such as "objective-1")' })
  .regex(/^\S{1,128}$/, {
    error: (issue) =>
      `id "${String(issue.input)}" is not valid; an id is 1 to 128 characters without spaces, e.g. "objective-1"`,
  });

/**
 * An id of a record: a string of 1 to 128 characters without whitespace.
 *
 * @example
 * ```ts
 * import type { Id } from '@maslul/kehila-metiva';
 *
 * const objectiveId: Id = 'objective-employment';
 * ```
 * @category Primitives
 */
export type Id = z.infer<typeof idSchema>;
