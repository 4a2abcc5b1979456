import * as z from 'zod';
import { idSchema } from './id.js';
import { isoDateSchema } from './iso-date.js';
import { addRuleIssue, reportRepeats } from './rule-issue.js';
import { textSchema } from './text.js';

/**
 * The two outcomes of the year-two decision on an initiative (PROGRAM C1, C2).
 *
 * @example
 * ```ts
 * import { CONTINUATION_DECISIONS } from '@maslul/kehila-metiva';
 *
 * CONTINUATION_DECISIONS; // ['continue', 'stop']
 * ```
 * @category Convergence
 */
export const CONTINUATION_DECISIONS = ['continue', 'stop'] as const;

/**
 * The shaping committee's decision on one initiative at the convergence review (PROGRAM C1, C2):
 * `continue` (supported into year two) or `stop`, the reasons (at least one: every decision is
 * recorded with its reasons), the objectives it advances, and whether it fits the strategic
 * plan. An initiative continues only if it advances at least one objective and fits the plan
 * (C2). When the decision can be made (C3) is a rule across records, not part of this schema.
 *
 * @example
 * ```ts
 * import { continuationDecisionSchema } from '@maslul/kehila-metiva';
 *
 * continuationDecisionSchema.parse({
 *   initiativeId: 'idea-homework-club',
 *   decision: 'continue',
 *   reasons: ['Dropout among participants fell from 18% to 12%', 'Part of the educational work plan'],
 *   advancesObjectiveIds: ['cut-dropout'],
 *   fitsPlan: true,
 *   decidedOn: '2027-11-10',
 * });
 * ```
 * @category Convergence
 */
export const continuationDecisionSchema = z
  .strictObject({
    initiativeId: idSchema,
    decision: z.enum(CONTINUATION_DECISIONS, {
      error: 'C1: decide "continue" or "stop" for each initiative',
    }),
    reasons: z.array(textSchema),
    advancesObjectiveIds: z
      .array(idSchema)
      .superRefine((ids, ctx) => reportRepeats(ctx, ids, (id) => id, 'objective id')),
    fitsPlan: z.boolean({ error: 'C2: say whether the initiative fits the strategic plan' }),
    decidedOn: isoDateSchema,
  })
  .superRefine((entry, ctx) => {
    const initiative = `initiative "${entry.initiativeId}"`;
    if (entry.reasons.length === 0) {
      addRuleIssue(ctx, 'C2', `record the reasons for the decision on ${initiative}`, ['reasons']);
    }
    if (entry.decision !== 'continue') return;
    if (entry.advancesObjectiveIds.length === 0) {
      addRuleIssue(
        ctx,
        'C2',
        `${initiative} continues only if it advances an objective; list the objectives it advances or stop it`,
        ['advancesObjectiveIds'],
      );
    }
    if (!entry.fitsPlan) {
      addRuleIssue(
        ctx,
        'C2',
        `${initiative} continues only if it fits the strategic plan; stop it or fit it to the plan first`,
        ['fitsPlan'],
      );
    }
  })
  .meta({ rule: 'C2' });

/**
 * The year-two decision on one initiative, with its reasons (PROGRAM C1, C2).
 *
 * @example
 * ```ts
 * import type { ContinuationDecision } from '@maslul/kehila-metiva';
 *
 * const stopped: ContinuationDecision = {
 *   initiativeId: 'idea-cable-car',
 *   decision: 'stop',
 *   reasons: ['Does not fit the urban work plan'],
 *   advancesObjectiveIds: [],
 *   fitsPlan: false,
 *   decidedOn: '2027-11-10',
 * };
 * ```
 * @category Convergence
 */
export type ContinuationDecision = z.infer<typeof continuationDecisionSchema>;

/**
 * All year-two decisions of the convergence review (PROGRAM C1): one per initiative, at least
 * one. Which initiatives need a decision (those selected at the hackathon) is a rule across
 * records.
 *
 * @example
 * ```ts
 * import { continuationDecisionsSchema } from '@maslul/kehila-metiva';
 *
 * continuationDecisionsSchema.parse([
 *   {
 *     initiativeId: 'idea-cable-car',
 *     decision: 'stop',
 *     reasons: ['Does not fit the plan'],
 *     advancesObjectiveIds: [],
 *     fitsPlan: false,
 *     decidedOn: '2027-11-10',
 *   },
 * ]);
 * ```
 * @category Convergence
 */
export const continuationDecisionsSchema = z
  .array(continuationDecisionSchema)
  .superRefine((decisions, ctx) => {
    if (decisions.length === 0) {
      addRuleIssue(ctx, 'C1', 'decide on at least one initiative');
    }
    const seen = new Set<string>();
    decisions.forEach((entry, index) => {
      if (seen.has(entry.initiativeId)) {
        addRuleIssue(
          ctx,
          'C1',
          `initiative "${entry.initiativeId}" has two decisions; record one decision per initiative`,
          [index, 'initiativeId'],
        );
      }
      seen.add(entry.initiativeId);
    });
  });

/**
 * All year-two decisions of the convergence review (PROGRAM C1).
 *
 * @example
 * ```ts
 * import type { ContinuationDecisions } from '@maslul/kehila-metiva';
 *
 * const continued = (decisions: ContinuationDecisions) =>
 *   decisions.filter((d) => d.decision === 'continue').map((d) => d.initiativeId);
 * ```
 * @category Convergence
 */
export type ContinuationDecisions = z.infer<typeof continuationDecisionsSchema>;
