// A small grants program for the tests of actor-aware rules, rules named by schema fields,
// planned item series, the refusal log and forecasts: a call for applications, applications
// created by applicants, a decision, an appeal only the applicant may send, and progress reports
// planned every month from the grant.

import { defineProgram } from '@maslul/core';
import { about } from '@maslul/timing';
import * as z from 'zod';

export const grants = defineProgram('grants', { version: 1, label: 'Neighbourhood grants' })
  .roles({
    board: { label: 'Grants board' },
    applicant: { label: 'Applicant' },
  })
  .track('call', 'The call', (t) =>
    t
      .milestone('open', {
        label: 'Call opens',
        by: ['board'],
        // The whole payload serves rule G1; its budget, G2 (a field's rule wins over its parent's).
        payload: z
          .strictObject({
            title: z.string().min(1),
            budget: z.strictObject({ shekels: z.int().min(0) }).meta({ rule: 'G2' }),
            areas: z.array(z.string().min(1).meta({ rule: 'G3' })).min(1),
          })
          .meta({ rule: 'G1' }),
      })
      .decision('close', { label: 'Call closes', by: ['board'], after: about(1, 'months') }),
  )
  .item(
    'application',
    {
      label: 'Application',
      states: ['submitted', 'granted', 'refused', 'appealed'],
      final: ['appealed'],
      create: {
        by: ['applicant'],
        after: ['open'],
        payload: z.strictObject({ applicant: z.string().min(1), title: z.string().min(1) }),
        rules: [
          {
            id: 'G4',
            reason: 'An applicant applies in their own name',
            check: ({ payload, actor }) => payload.applicant === actor.id,
          },
        ],
      },
    },
    (item) =>
      item
        .event('grant', { label: 'Granted', by: ['board'], from: ['submitted'], to: 'granted' })
        .event('refuse', { label: 'Refused', by: ['board'], from: ['submitted'], to: 'refused' })
        .event('appeal', {
          label: 'Appealed',
          by: ['applicant'],
          from: ['refused'],
          to: 'appealed',
          rules: [
            {
              id: 'G5',
              reason: 'Only the applicant may appeal',
              check: ({ item, actor }) =>
                (item.data as { applicant: string }).applicant === actor.id,
            },
          ],
        })
        .event('report', {
          label: 'Progress report',
          by: ['applicant'],
          from: ['granted'],
          to: 'granted',
          planned: { after: 'grant', lag: about(1, 'months'), repeat: { every: 'P1M', count: 3 } },
          rules: [
            { id: 'G6', reason: 'Reports are filed on working days', check: (i) => i.workingDay },
          ],
        }),
  )
  .build();

export const board = { id: 'board-chair', roles: ['board'] } as const;
export const noa = { id: 'noa', roles: ['applicant'] } as const;
export const avi = { id: 'avi', roles: ['applicant'] } as const;

export const openPayload = {
  title: 'Small grants 2027',
  budget: { shekels: 50_000 },
  areas: ['north'],
};
