// A call for applications whose deadlines act: the window closes by itself on its published
// date, a refusal opens a 14-day appeal window that expires by itself, a grant plans six monthly
// reports and escalates 10 working days after a missed one, and the decision letter is due a
// week after the program's decision step.

import { defineProgram } from '@maslul/core';
import { about, exactly } from '@maslul/timing';

export const appeals = defineProgram('appeals', { version: 1, label: 'Appeals' })
  .roles({
    board: { label: 'Board' },
    applicant: { label: 'Applicant' },
    system: { label: 'Timer' },
  })
  .track('call', 'The call', (t) =>
    t
      .span('window', {
        label: 'Application window',
        by: ['board', 'system'],
        until: '2027-02-26',
        onOverdue: 'record',
      })
      .decision('decide', { label: 'Decisions', by: ['board'], after: about(2, 'weeks') }),
  )
  .item(
    'application',
    {
      label: 'Application',
      states: ['submitted', 'refused', 'expired', 'appealed', 'granted'],
      final: ['expired', 'appealed'],
      create: { by: ['applicant'] },
    },
    (item) =>
      item
        .event('refuse', { label: 'Refused', by: ['board'], from: ['submitted'], to: 'refused' })
        .event('expire', {
          label: 'Appeal expired',
          by: ['system'],
          from: ['refused'],
          to: 'expired',
        })
        .event('appeal', {
          label: 'Appealed',
          by: ['applicant'],
          from: ['refused'],
          to: 'appealed',
          planned: { after: 'refuse', lag: exactly(14, 'days'), onOverdue: { send: 'expire' } },
        })
        .event('grant', { label: 'Granted', by: ['board'], from: ['submitted'], to: 'granted' })
        .event('letter', {
          label: 'Decision letter',
          by: ['board'],
          from: ['submitted'],
          to: 'submitted',
          planned: { afterStep: 'decide', lag: exactly(7, 'days') },
        })
        .event('escalate', { label: 'Escalated', by: ['system'], from: ['granted'], to: 'granted' })
        .event('report', {
          label: 'Monthly report',
          by: ['applicant'],
          from: ['granted'],
          to: 'granted',
          planned: {
            after: 'grant',
            lag: exactly(1, 'months'),
            repeat: { every: 'P1M', count: 6 },
            onOverdue: { send: 'escalate', after: exactly(10, 'workingDays') },
          },
        }),
  )
  .build();

export const boardMember = { id: 'dana', roles: ['board'] } as const;
export const applicant = { id: 'noa', roles: ['applicant'] } as const;
