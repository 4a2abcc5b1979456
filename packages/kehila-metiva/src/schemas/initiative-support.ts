import * as z from 'zod';
import { agorotSchema } from './agorot.js';
import { addRuleIssue } from './rule-issue.js';
import { textSchema } from './text.js';

/**
 * The support a selected initiative gets (PROGRAM X2): connections (to whom), personal and/or
 * group mentoring, and money in agorot (₪1 = 100 agorot). Each part may be left out (no
 * connections, no mentoring, 0 agorot), but a selected initiative gets at least one kind.
 *
 * @example
 * ```ts
 * import { initiativeSupportSchema } from '@maslul/kehila-metiva';
 *
 * const support = initiativeSupportSchema.parse({
 *   connections: ['מנהלת בית הספר היסודי', 'המתנ"ס השכונתי'],
 *   mentoring: { personal: true },
 *   moneyAgorot: 1_500_000, // ₪15,000
 * });
 * support.mentoring.group; // false
 * ```
 * @category Pilot track
 */
export const initiativeSupportSchema = z
  .strictObject({
    connections: z.array(textSchema).default([]),
    mentoring: z
      .strictObject({
        personal: z.boolean().default(false),
        group: z.boolean().default(false),
      })
      .default({ personal: false, group: false }),
    moneyAgorot: agorotSchema.default(0),
  })
  .superRefine((support, ctx) => {
    const { connections, mentoring, moneyAgorot } = support;
    if (connections.length === 0 && !mentoring.personal && !mentoring.group && moneyAgorot === 0) {
      addRuleIssue(
        ctx,
        'X2',
        'give a selected initiative at least one kind of support: connections, mentoring or money',
      );
    }
  });

/**
 * The support of a selected initiative (PROGRAM X2), as parsed (every part present).
 *
 * @example
 * ```ts
 * import type { InitiativeSupport } from '@maslul/kehila-metiva';
 *
 * const mentored = (support: InitiativeSupport) =>
 *   support.mentoring.personal || support.mentoring.group;
 * ```
 * @category Pilot track
 */
export type InitiativeSupport = z.infer<typeof initiativeSupportSchema>;

/**
 * The support of a selected initiative (PROGRAM X2), as written (parts may be left out).
 *
 * @example
 * ```ts
 * import type { InitiativeSupportInput } from '@maslul/kehila-metiva';
 *
 * const support: InitiativeSupportInput = { mentoring: { group: true } };
 * ```
 * @category Pilot track
 */
export type InitiativeSupportInput = z.input<typeof initiativeSupportSchema>;
