// A small program for the tests: two tracks and a convergence, a join, a span, a series, three
// roles, payloads with schemas, named rules, and a kind of item (pilot initiatives) created
// during the run, each a child actor with its own lifecycle.

import { defineProgram } from '@maslul/core';
import { about } from '@maslul/timing';
import * as z from 'zod';

export const sample = defineProgram('sample', { version: 1, label: { en: 'Sample', he: 'דוגמה' } })
  .roles({
    steering: { label: { en: 'Steering committee', he: 'ועדת היגוי' } },
    manager: { label: { en: 'Program manager', he: 'מנהל.ת התוכנית' } },
    member: { label: { en: 'Team member', he: 'חבר.ת צוות' } },
  })
  .track('strategy', 'Strategy', (t) =>
    t
      .milestone('scope', {
        label: 'Scope set',
        by: ['steering'],
        payload: z.object({ areas: z.array(z.string().min(1)).min(1) }),
      })
      .meeting('meeting1', {
        label: 'Meeting 1',
        by: ['steering'],
        after: about(2, 'weeks'),
        payload: z.object({ challenges: z.array(z.string()) }),
        rules: [
          {
            id: 'S1',
            reason: {
              en: 'Meeting 1 ranks exactly five focus challenges',
              he: 'חמישה אתגרים בדיוק',
            },
            check: ({ payload }) => payload.challenges.length === 5,
          },
        ],
      })
      .span('mapping', {
        label: 'Mapping',
        by: ['manager'],
        duration: about(3, 'months'),
        payload: z.object({ summary: z.string().min(1) }),
      })
      .series('teamMeetings', {
        label: 'Team meetings',
        by: ['member', 'manager'],
        after: about(2, 'weeks'),
        repeat: { every: 'P2W', count: 4 },
      }),
  )
  .track('pilot', 'Pilot', (t) =>
    t
      .milestone('hackathon', {
        label: 'Hackathon',
        by: ['manager'],
        after: { step: 'meeting1', lag: about(1, 'months') },
      })
      .review('review', { label: 'Review', by: ['steering'], after: about(9, 'months') }),
  )
  .track('convergence', 'Convergence', (t) =>
    t.decision('decision', {
      label: 'Decision',
      by: ['steering'],
      after: ['teamMeetings', 'review'],
      payload: z.object({ continued: z.array(z.string()) }),
    }),
  )
  .item(
    'initiative',
    {
      label: { en: 'Pilot initiative', he: 'יוזמה' },
      states: ['supported', 'measured', 'continued', 'stopped'],
      final: ['continued', 'stopped'],
      create: {
        by: ['manager'],
        after: ['hackathon'],
        payload: z.object({ title: z.string().min(1), challenges: z.array(z.string()) }),
        rules: [
          {
            id: 'X1',
            reason: 'Each selected initiative is tied to a focus challenge of meeting 1',
            check: ({ payload, recorded }) => {
              const chosen =
                (recorded.meeting1 as { challenges: string[] } | undefined)?.challenges ?? [];
              return payload.challenges.some((c) => chosen.includes(c));
            },
          },
        ],
      },
    },
    (item) =>
      item
        .event('measure', {
          label: 'Measured',
          by: ['manager'],
          from: ['supported', 'measured'],
          to: 'measured',
          payload: z.object({ progress: z.number().min(0).max(1) }),
        })
        .event('continue', {
          label: 'Continued into year two',
          by: ['steering'],
          from: ['measured'],
          to: 'continued',
          after: ['review', 'teamMeetings'],
          rules: [
            {
              id: 'C2',
              reason: 'An initiative continues only if its measurements show progress',
              check: ({ item }) =>
                ((item.events.measure?.payload as { progress: number } | undefined)?.progress ??
                  0) > 0,
            },
          ],
        })
        .event('stop', {
          label: 'Stopped',
          by: ['steering'],
          from: ['supported', 'measured'],
          to: 'stopped',
          payload: z.object({ reason: z.string().min(1) }),
        }),
  )
  .build();

export const steering = { id: 'mayor', roles: ['steering'] } as const;
export const manager = { id: 'dana', roles: ['manager'] } as const;
export const member = { id: 'yossi', roles: ['member'] } as const;
