import * as z from 'zod';
import { idSchema } from './id.js';
import { addRuleIssue, reportRepeats } from './rule-issue.js';
import { textSchema } from './text.js';

const uniqueIds = (what: string) =>
  z
    .array(idSchema)
    .default([])
    .superRefine((ids, ctx) => reportRepeats(ctx, ids, (id) => id, what));

/**
 * An idea for an action initiative raised at the authority hackathon (PROGRAM X1): an id (it
 * becomes the initiative's id once selected), a title, and its ties to the program: the focus
 * challenges (S1) and objectives (S4) it serves, at least one of them in all. That the ids exist
 * is a rule across records, not part of this schema.
 *
 * @example
 * ```ts
 * import { hackathonIdeaSchema } from '@maslul/kehila-metiva';
 *
 * hackathonIdeaSchema.parse({
 *   id: 'idea-homework-club',
 *   title: 'מועדון שיעורי בית עם סטודנטים מהשכונה',
 *   proposedBy: 'קבוצת הורים, נווה שרת',
 *   challengeIds: ['youth'],
 *   objectiveIds: ['cut-dropout'],
 * });
 * ```
 * @category Pilot track
 */
export const hackathonIdeaSchema = z
  .strictObject({
    id: idSchema,
    title: textSchema,
    description: textSchema.optional(),
    proposedBy: textSchema.optional(),
    challengeIds: uniqueIds('challenge id'),
    objectiveIds: uniqueIds('objective id'),
  })
  .superRefine((idea, ctx) => {
    if (idea.challengeIds.length === 0 && idea.objectiveIds.length === 0) {
      addRuleIssue(
        ctx,
        'X1',
        `tie idea "${idea.title}" to at least one focus challenge (challengeIds) or objective (objectiveIds)`,
        ['challengeIds'],
      );
    }
  })
  .meta({ rule: 'X1' });

/**
 * A hackathon idea and its ties to the challenges and objectives (PROGRAM X1), as parsed.
 *
 * @example
 * ```ts
 * import type { HackathonIdea } from '@maslul/kehila-metiva';
 *
 * const ties = (idea: HackathonIdea) => idea.challengeIds.length + idea.objectiveIds.length;
 * ```
 * @category Pilot track
 */
export type HackathonIdea = z.infer<typeof hackathonIdeaSchema>;

/**
 * A hackathon idea as written: `challengeIds` or `objectiveIds` may be left out (not both).
 *
 * @example
 * ```ts
 * import type { HackathonIdeaInput } from '@maslul/kehila-metiva';
 *
 * const idea: HackathonIdeaInput = {
 *   id: 'idea-shade',
 *   title: 'Shade for the school route',
 *   objectiveIds: ['safe-routes'],
 * };
 * ```
 * @category Pilot track
 */
export type HackathonIdeaInput = z.input<typeof hackathonIdeaSchema>;
