import type { Runtime } from '@maslul/core';
import type { KehilaMetiva } from '@maslul/kehila-metiva';
import type { PlainDate } from '@maslul/timing';
import { challenges, people, scope } from '../../authority-run/src/authority.js';
import { ID } from '../../authority-run/src/run.js';
import { AUTHORITY } from './authority-name.js';

// The portfolio's other two authorities, beside Ramat HaTe'enim: a national program runs Kehila
// Metiva in many authorities, each started when it joined. Kiryat HaGefen joined six months
// earlier and is stuck in its mapping; Givat HaZeitim joined six months later and is mapping on time.

/** An authority of the portfolio: its instance id, name and start. */
export interface Authority {
  readonly id: string;
  readonly name: { readonly he: string; readonly en: string };
  readonly start: PlainDate;
}

const morning = (date: PlainDate) => `${date}T07:00:00Z`;

const OTHERS = [
  {
    id: 'kiryat-hagefen',
    name: { he: 'קריית הגפן (רשות בדיונית)', en: 'Kiryat HaGefen (a fictional authority)' },
    start: '2026-03-02',
    s1: '2026-03-16',
  },
  {
    id: 'givat-hazeitim',
    name: { he: 'גבעת הזיתים (רשות בדיונית)', en: 'Givat HaZeitim (a fictional authority)' },
    start: '2027-03-01',
    s1: '2027-03-15',
  },
] as const;

/** Every authority of the portfolio, the demo's own first. */
export const AUTHORITIES: readonly Authority[] = [
  { id: ID, name: AUTHORITY, start: '2026-09-07' },
  ...OTHERS.map(({ id, name, start }) => ({ id, name, start })),
];

/**
 * Starts the two other authorities and records their first steps (scope, meeting 1, the start of
 * mapping), those on or before `today`.
 */
export async function seedOtherAuthorities(
  runtime: Runtime<KehilaMetiva>,
  today: PlainDate,
): Promise<void> {
  for (const other of OTHERS) {
    await runtime.create(other.id, { start: other.start });
    const events = [
      {
        at: other.start,
        actor: people.mayor,
        event: {
          type: 'S0',
          payload: { ...scope, timeline: { ...scope.timeline, start: other.start } },
        },
      },
      { at: other.s1, actor: people.shaping, event: { type: 'S1', payload: challenges } },
      { at: other.s1, actor: people.manager, event: { type: 'S2.start' } },
    ] as const;
    for (const { at, actor, event } of events) {
      if (at > today) break;
      const result = await runtime.send(other.id, event as never, { actor, at: morning(at) });
      if (!result.ok)
        throw new Error(`${other.id}: ${event.type} was refused: ${result.refusal.message}`);
    }
  }
}
