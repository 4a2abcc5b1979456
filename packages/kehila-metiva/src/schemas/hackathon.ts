import * as z from 'zod';
import { hackathonIdeaSchema } from './hackathon-idea.js';
import { idSchema } from './id.js';
import { initiativeSupportSchema } from './initiative-support.js';
import { isoDateSchema } from './iso-date.js';
import { addIssue, addRuleIssue, findRepeats, reportRepeats } from './rule-issue.js';

/**
 * The hackathon committee's selection of one idea as an initiative to support (PROGRAM X1, X2):
 * the idea's id, the date, and the support it gets.
 *
 * @example
 * ```ts
 * import { hackathonSelectionSchema } from '@maslul/kehila-metiva';
 *
 * hackathonSelectionSchema.parse({
 *   ideaId: 'idea-homework-club',
 *   selectedOn: '2027-02-05',
 *   support: { mentoring: { personal: true }, moneyAgorot: 1_500_000 },
 * });
 * ```
 * @category Pilot track
 */
export const hackathonSelectionSchema = z.strictObject({
  ideaId: idSchema,
  selectedOn: isoDateSchema,
  support: initiativeSupportSchema,
});

/**
 * The selection of an idea for support (PROGRAM X1, X2), as parsed.
 *
 * @example
 * ```ts
 * import type { HackathonSelection } from '@maslul/kehila-metiva';
 *
 * const money = (selection: HackathonSelection) => selection.support.moneyAgorot;
 * ```
 * @category Pilot track
 */
export type HackathonSelection = z.infer<typeof hackathonSelectionSchema>;

/**
 * The selection of an idea for support, as written (support parts may be left out).
 *
 * @example
 * ```ts
 * import type { HackathonSelectionInput } from '@maslul/kehila-metiva';
 *
 * const selection: HackathonSelectionInput = {
 *   ideaId: 'idea-shade',
 *   selectedOn: '2027-02-05',
 *   support: { connections: ['Parks department'] },
 * };
 * ```
 * @category Pilot track
 */
export type HackathonSelectionInput = z.input<typeof hackathonSelectionSchema>;

/**
 * The authority hackathon (כנס האקתון רשותי, PROGRAM X1): the date it was held, the ideas raised
 * (at least one, ids unique), and the committee's selections, each of one of these ideas, at most
 * once, dated on or after the hackathon.
 *
 * @example
 * ```ts
 * import { hackathonSchema } from '@maslul/kehila-metiva';
 *
 * const hackathon = hackathonSchema.parse({
 *   heldOn: '2027-02-04',
 *   ideas: [
 *     { id: 'idea-homework-club', title: 'Homework club with local students', challengeIds: ['youth'] },
 *     { id: 'idea-cable-car', title: 'A cable car to the neighbourhood', objectiveIds: ['mobility'] },
 *   ],
 *   selections: [
 *     { ideaId: 'idea-homework-club', selectedOn: '2027-02-04', support: { moneyAgorot: 1_500_000 } },
 *   ],
 * });
 * hackathon.selections.length; // 1
 * ```
 * @category Pilot track
 */
export const hackathonSchema = z
  .strictObject({
    heldOn: isoDateSchema,
    ideas: z.array(hackathonIdeaSchema).superRefine((ideas, ctx) => {
      if (ideas.length === 0) addRuleIssue(ctx, 'X1', 'record the ideas raised at the hackathon');
      reportRepeats(ctx, ideas, (idea) => idea.id, 'idea id', ['id']);
    }),
    selections: z.array(hackathonSelectionSchema).superRefine((selections, ctx) => {
      for (const { index, key } of findRepeats(selections, (selection) => selection.ideaId)) {
        addRuleIssue(ctx, 'X1', `idea "${key}" is selected twice; select each idea once`, [
          index,
          'ideaId',
        ]);
      }
    }),
  })
  .superRefine((hackathon, ctx) => {
    const ideaIds = new Set(hackathon.ideas.map((idea) => idea.id));
    hackathon.selections.forEach((selection, index) => {
      if (!ideaIds.has(selection.ideaId)) {
        addIssue(
          ctx,
          `selection of "${selection.ideaId}", which is not an idea of this hackathon`,
          ['selections', index, 'ideaId'],
        );
      }
      if (selection.selectedOn < hackathon.heldOn) {
        addRuleIssue(
          ctx,
          'X1',
          `idea "${selection.ideaId}" is selected on "${selection.selectedOn}", before the hackathon ("${hackathon.heldOn}")`,
          ['selections', index, 'selectedOn'],
        );
      }
    });
  })
  .meta({ rule: 'X1' });

/**
 * The authority hackathon: ideas and selections (PROGRAM X1, X2), as parsed.
 *
 * @example
 * ```ts
 * import type { Hackathon } from '@maslul/kehila-metiva';
 *
 * const selectedIdeas = (hackathon: Hackathon) =>
 *   hackathon.ideas.filter((idea) => hackathon.selections.some((s) => s.ideaId === idea.id));
 * ```
 * @category Pilot track
 */
export type Hackathon = z.infer<typeof hackathonSchema>;

/**
 * The authority hackathon as written (idea ties and support parts may be left out).
 *
 * @example
 * ```ts
 * import type { HackathonInput } from '@maslul/kehila-metiva';
 *
 * const draft: HackathonInput = { heldOn: '2027-02-04', ideas: [], selections: [] };
 * ```
 * @category Pilot track
 */
export type HackathonInput = z.input<typeof hackathonSchema>;
