// A small program for the store tests: two tracks, a payload with a rule, and an item kind whose
// `measure` event may repeat, so a log can hold any number of events.
import { defineProgram } from '@maslul/core';
import { about } from '@maslul/timing';
import * as z from 'zod';

export const program = defineProgram('store-fixture', { version: 1, label: 'Store fixture' })
  .roles({
    steering: { label: 'Steering committee' },
    manager: { label: 'Program manager' },
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
            reason: 'Meeting 1 ranks exactly five focus challenges',
            check: ({ payload }) => payload.challenges.length === 5,
          },
        ],
      })
      .review('review', { label: 'Review', by: ['steering'], after: about(9, 'months') }),
  )
  .track('pilot', 'Pilot', (t) =>
    t.milestone('hackathon', {
      label: 'Hackathon',
      by: ['manager'],
      after: { step: 'meeting1', lag: about(1, 'months') },
    }),
  )
  .item(
    'initiative',
    {
      label: 'Pilot initiative',
      states: ['supported', 'measured', 'stopped'],
      final: ['stopped'],
      create: {
        by: ['manager'],
        after: ['hackathon'],
        payload: z.object({ title: z.string().min(1) }),
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
export const START = '2026-09-07';
export const CHALLENGES = ['youth', 'elderly', 'housing', 'transport', 'culture'];

type Send = (
  event: { type: string; payload?: unknown; item?: string },
  options: { actor: { id: string; roles: readonly string[] }; at: string; idempotencyKey?: string },
) => unknown;

/**
 * The events of a run, in order: the strategy and pilot steps, two initiatives, then `measures`
 * measurements alternating between them. `at` advances a day per event from the start.
 */
export function runEvents(measures: number) {
  const day = (n: number) =>
    new Date(Date.parse(`${START}T09:00:00Z`) + n * 86_400_000).toISOString();
  const events: { event: Parameters<Send>[0]; actor: { id: string; roles: readonly string[] } }[] =
    [
      { event: { type: 'scope', payload: { areas: ['north'] } }, actor: steering },
      { event: { type: 'meeting1', payload: { challenges: CHALLENGES } }, actor: steering },
      { event: { type: 'hackathon' }, actor: manager },
      {
        event: { type: 'initiative.create', item: 'garden', payload: { title: 'Garden' } },
        actor: manager,
      },
      {
        event: { type: 'initiative.create', item: 'library', payload: { title: 'Library' } },
        actor: manager,
      },
    ];
  for (let i = 0; i < measures; i += 1) {
    events.push({
      event: {
        type: 'initiative.measure',
        item: i % 2 === 0 ? 'garden' : 'library',
        payload: { progress: (i % 100) / 100 },
      },
      actor: manager,
    });
  }
  return events.map((e, n) => ({ ...e, at: day(Math.floor(n / 10)) }));
}
