import * as z from 'zod';

/**
 * The four activity channels of the program, in its order: social (חברתי), educational (חינוכי),
 * urban (אורבני) and economic (כלכלי). The steering committee takes on one to four of them
 * (PROGRAM S0), and each gets a team and a work plan (S6).
 *
 * @example
 * ```ts
 * import { CHANNELS } from '@maslul/kehila-metiva';
 *
 * CHANNELS.includes('urban'); // true
 * ```
 * @category Primitives
 */
export const CHANNELS = ['social', 'educational', 'urban', 'economic'] as const;

/**
 * One of the four activity channels (PROGRAM S0).
 *
 * @example
 * ```ts
 * import { channelSchema } from '@maslul/kehila-metiva';
 *
 * channelSchema.parse('economic'); // 'economic'
 * channelSchema.safeParse('cultural').success; // false
 * ```
 * @category Primitives
 */
export const channelSchema = z.enum(CHANNELS, {
  error: (issue) =>
    `S0: ${issue.input === undefined ? 'expected a channel' : `"${String(issue.input)}" is not a channel`}; a channel is one of ${CHANNELS.map((c) => `"${c}"`).join(', ')}`,
});

/**
 * One of the four activity channels: `'social' | 'educational' | 'urban' | 'economic'`.
 *
 * @example
 * ```ts
 * import type { Channel } from '@maslul/kehila-metiva';
 *
 * const channel: Channel = 'educational';
 * ```
 * @category Primitives
 */
export type Channel = z.infer<typeof channelSchema>;
