import * as z from 'zod';
import { CHANNELS, channelSchema } from './channel.js';
import { idSchema } from './id.js';
import { isoDateSchema } from './iso-date.js';
import { addRuleIssue, reportRepeats } from './rule-issue.js';
import { textSchema } from './text.js';

/**
 * A focus area of the program: a neighbourhood (שכונה) or another part of the authority.
 *
 * @example
 * ```ts
 * import { focusAreaSchema } from '@maslul/kehila-metiva';
 *
 * focusAreaSchema.parse({ id: 'neve-sharet', name: 'נווה שרת' });
 * ```
 * @category Strategy track
 */
export const focusAreaSchema = z.strictObject({ id: idSchema, name: textSchema });

/**
 * A focus area (neighbourhood) of the program.
 *
 * @example
 * ```ts
 * import type { FocusArea } from '@maslul/kehila-metiva';
 *
 * const area: FocusArea = { id: 'old-north', name: 'הצפון הישן' };
 * ```
 * @category Strategy track
 */
export type FocusArea = z.infer<typeof focusAreaSchema>;

const channelsSchema = z.array(channelSchema).superRefine((channels, ctx) => {
  if (channels.length < 1 || channels.length > CHANNELS.length) {
    addRuleIssue(ctx, 'S0', `take on one to four channels, not ${channels.length}`);
  }
  const seen = new Set<string>();
  channels.forEach((channel, index) => {
    if (seen.has(channel)) {
      addRuleIssue(ctx, 'S0', `channel "${channel}" is listed twice; list each channel once`, [
        index,
      ]);
    }
    seen.add(channel);
  });
});

const timelineSchema = z
  .strictObject({ start: isoDateSchema, plannedEnd: isoDateSchema })
  .superRefine((timeline, ctx) => {
    if (timeline.plannedEnd <= timeline.start) {
      addRuleIssue(
        ctx,
        'S0',
        `the planned end "${timeline.plannedEnd}" is not after the start "${timeline.start}"`,
        ['plannedEnd'],
      );
    }
  });

/**
 * The program's scope as the steering committee sets it (PROGRAM S0): the focus areas
 * (neighbourhoods), the one to four channels taken on (each once), and the timeline from the
 * program start to its planned end. That later records only use these channels and stay in these
 * dates is a rule across records, not part of this schema.
 *
 * @example
 * ```ts
 * import { scopeSchema } from '@maslul/kehila-metiva';
 *
 * const scope = scopeSchema.parse({
 *   focusAreas: [{ id: 'neve-sharet', name: 'נווה שרת' }],
 *   channels: ['social', 'urban'],
 *   timeline: { start: '2026-09-07', plannedEnd: '2027-12-31' },
 * });
 * scope.channels; // ['social', 'urban']
 * ```
 * @category Strategy track
 */
export const scopeSchema = z
  .strictObject({
    focusAreas: z.array(focusAreaSchema).superRefine((areas, ctx) => {
      if (areas.length === 0) {
        addRuleIssue(ctx, 'S0', 'name at least one focus area (neighbourhood)');
      }
      reportRepeats(ctx, areas, (area) => area.id, 'focus area id', ['id']);
    }),
    channels: channelsSchema,
    timeline: timelineSchema,
  })
  .meta({ rule: 'S0' });

/**
 * The program's scope (PROGRAM S0): focus areas, channels and timeline.
 *
 * @example
 * ```ts
 * import type { Scope } from '@maslul/kehila-metiva';
 *
 * const scope: Scope = {
 *   focusAreas: [{ id: 'neve-sharet', name: 'נווה שרת' }],
 *   channels: ['educational'],
 *   timeline: { start: '2026-09-07', plannedEnd: '2027-12-31' },
 * };
 * ```
 * @category Strategy track
 */
export type Scope = z.infer<typeof scopeSchema>;
