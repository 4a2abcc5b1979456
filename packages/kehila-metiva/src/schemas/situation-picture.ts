import * as z from 'zod';
import { idSchema } from './id.js';
import { isoDateSchema } from './iso-date.js';
import { addRuleIssue, reportRepeats } from './rule-issue.js';
import { textSchema } from './text.js';

/**
 * A data source of the mapping (PROGRAM S2; the program works from systematic data): a name,
 * optionally a web address (`http`/`https`) and the date the data describes.
 *
 * @example
 * ```ts
 * import { dataSourceSchema } from '@maslul/kehila-metiva';
 *
 * dataSourceSchema.parse({
 *   name: 'הלשכה המרכזית לסטטיסטיקה, מפקד 2022',
 *   url: 'https://www.cbs.gov.il',
 *   asOf: '2022-12-31',
 * });
 * ```
 * @category Strategy track
 */
export const dataSourceSchema = z.strictObject({
  name: textSchema,
  url: z
    .url({
      protocol: /^https?$/,
      error: 'expected a web address starting with "https://" or "http://"',
    })
    .optional(),
  asOf: isoDateSchema.optional(),
});

/**
 * A data source of the mapping (PROGRAM S2).
 *
 * @example
 * ```ts
 * import type { DataSource } from '@maslul/kehila-metiva';
 *
 * const survey: DataSource = { name: 'Residents survey, welfare department', asOf: '2026-11-30' };
 * ```
 * @category Strategy track
 */
export type DataSource = z.infer<typeof dataSourceSchema>;

/**
 * What the mapping found about one focus challenge (PROGRAM S2): the challenge's id (from S1), at
 * least one finding and at least one data source behind them.
 *
 * @example
 * ```ts
 * import { challengeFindingsSchema } from '@maslul/kehila-metiva';
 *
 * challengeFindingsSchema.parse({
 *   challengeId: 'youth',
 *   findings: ['18% of 15-17 year olds in the focus areas are not in school'],
 *   dataSources: [{ name: 'Ministry of Education dropout data', asOf: '2026-06-30' }],
 * });
 * ```
 * @category Strategy track
 */
export const challengeFindingsSchema = z
  .strictObject({
    challengeId: idSchema,
    findings: z.array(textSchema),
    dataSources: z.array(dataSourceSchema),
  })
  .superRefine((entry, ctx) => {
    if (entry.findings.length === 0) {
      addRuleIssue(ctx, 'S2', `record at least one finding for challenge "${entry.challengeId}"`, [
        'findings',
      ]);
    }
    if (entry.dataSources.length === 0) {
      addRuleIssue(
        ctx,
        'S2',
        `name at least one data source for challenge "${entry.challengeId}"; the mapping is data-based`,
        ['dataSources'],
      );
    }
  });

/**
 * What the mapping found about one focus challenge (PROGRAM S2).
 *
 * @example
 * ```ts
 * import type { ChallengeFindings } from '@maslul/kehila-metiva';
 *
 * const findings: ChallengeFindings = {
 *   challengeId: 'elderly',
 *   findings: ['1 in 3 residents over 75 lives alone'],
 *   dataSources: [{ name: 'Welfare department records' }],
 * };
 * ```
 * @category Strategy track
 */
export type ChallengeFindings = z.infer<typeof challengeFindingsSchema>;

/**
 * The authority's situation picture (תמונת מצב רשותית) from the mapping (PROGRAM S2): the date it
 * describes, findings per focus challenge (one entry per challenge, at most the five of S1), and
 * whether it is public. The program makes it accessible to the public, so `public: false` is a
 * draft; `publishedOn` is only given once it is public. That the challenge ids are those of S1 is
 * a rule across records, not part of this schema.
 *
 * @example
 * ```ts
 * import { situationPictureSchema } from '@maslul/kehila-metiva';
 *
 * situationPictureSchema.parse({
 *   asOf: '2026-12-22',
 *   challenges: [
 *     {
 *       challengeId: 'youth',
 *       findings: ['18% of 15-17 year olds in the focus areas are not in school'],
 *       dataSources: [{ name: 'Ministry of Education dropout data' }],
 *     },
 *   ],
 *   public: true,
 *   publishedOn: '2026-12-29',
 * });
 * ```
 * @category Strategy track
 */
export const situationPictureSchema = z
  .strictObject({
    asOf: isoDateSchema,
    challenges: z.array(challengeFindingsSchema).superRefine((challenges, ctx) => {
      if (challenges.length === 0 || challenges.length > 5) {
        addRuleIssue(
          ctx,
          'S2',
          `the situation picture covers one to five focus challenges (those of S1), not ${challenges.length}`,
        );
      }
      reportRepeats(ctx, challenges, (entry) => entry.challengeId, 'challenge id', ['challengeId']);
    }),
    public: z.boolean({ error: 'S2: say whether the situation picture is public (true or false)' }),
    publishedOn: isoDateSchema.optional(),
  })
  .superRefine((picture, ctx) => {
    if (picture.publishedOn !== undefined && !picture.public) {
      addRuleIssue(
        ctx,
        'S2',
        `the situation picture has a publication date "${picture.publishedOn}" but is not public; set public: true or remove publishedOn`,
        ['publishedOn'],
      );
    }
  })
  .meta({ rule: 'S2' });

/**
 * The authority's situation picture (PROGRAM S2).
 *
 * @example
 * ```ts
 * import type { SituationPicture } from '@maslul/kehila-metiva';
 *
 * const isDraft = (picture: SituationPicture) => !picture.public;
 * ```
 * @category Strategy track
 */
export type SituationPicture = z.infer<typeof situationPictureSchema>;
