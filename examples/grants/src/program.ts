import { defineProgram } from '@maslul/core';
import { about, exactly } from '@maslul/timing';
import * as z from 'zod';

// A municipal community-grants call. An information evening for applicants is held, or skipped
// with a reason (an optional step). The application window closes by itself on its published
// date; each application is an item: checked for eligibility when it is created, reviewed twice
// (finance and community, joined with `requires`), sent back for one revision at most, granted or
// refused; a refusal
// opens a 14-day appeal window that expires by itself; a grant plans six monthly reports, and a
// missed report escalates 10 working days later. The timer worker records what expires and
// escalates, as the actor `maslul.timer` of role `system`.

/** The most a grant may ask for, in shekels (rule E1). */
export const MAX_AMOUNT = 50_000;

const application = z.strictObject({
  applicant: z.string().min(1),
  title: z.string().min(1),
  amount: z.int().min(1),
  /** The nonprofit's registration number (amutah), nine digits starting 58. */
  nonprofit: z.string(),
});

export const grants = defineProgram('community-grants', { version: 1, label: 'Community grants' })
  .roles({
    office: { label: 'Grants office' },
    reviewer: { label: 'Reviewer' },
    committee: { label: 'Grants committee' },
    applicant: { label: 'Applicant' },
    system: { label: 'Timer' },
  })
  .track('call', 'The call', (t) =>
    t
      // Held when the call is new; the office may skip it (`briefing.skip`, with the reason).
      .meeting('briefing', {
        label: 'Information evening for applicants',
        by: ['office'],
        optional: true,
      })
      .span('window', {
        label: 'Application window',
        by: ['office', 'system'],
        // The published deadline: the window closes by itself the day after.
        until: '2027-03-31',
        onOverdue: 'record',
      })
      .decision('decisions', {
        label: 'Committee decisions',
        by: ['committee'],
        after: about(3, 'weeks'),
      }),
  )
  .item(
    'application',
    {
      label: 'Application',
      states: ['submitted', 'revising', 'refused', 'granted', 'appealed', 'closed'],
      final: ['appealed', 'closed'],
      create: {
        by: ['applicant'],
        payload: application,
        rules: [
          {
            id: 'E1',
            reason: `An application asks for at most ${MAX_AMOUNT} shekels`,
            check: ({ payload }) => payload.amount <= MAX_AMOUNT,
          },
          {
            id: 'E2',
            reason: 'The applicant is a registered nonprofit (nine digits starting 58)',
            check: ({ payload }) => /^58\d{7}$/.test(payload.nonprofit),
          },
          {
            id: 'E3',
            reason: 'An applicant applies in their own name',
            check: ({ payload, actor }) => payload.applicant === actor.id,
          },
          {
            id: 'E4',
            reason: 'Applications are accepted while the window is open',
            check: ({ date, fixed }) => date <= (fixed.window ?? date),
          },
        ],
      },
    },
    (item) =>
      item
        .event('financeReview', {
          label: 'Finance review',
          by: ['reviewer'],
          from: ['submitted'],
          to: 'submitted',
        })
        .event('communityReview', {
          label: 'Community review',
          by: ['reviewer'],
          from: ['submitted'],
          to: 'submitted',
        })
        .event('requestRevision', {
          label: 'Revision requested',
          by: ['committee'],
          from: ['submitted'],
          to: 'revising',
          // Both reviews, since the application last came in (a resubmission needs fresh ones).
          requires: ['financeReview', 'communityReview'],
          rules: [
            {
              id: 'R2',
              reason: 'An application is sent back for revision once at most',
              check: ({ item }) => item.events.requestRevision === undefined,
            },
          ],
        })
        .event('resubmit', {
          label: 'Resubmitted',
          by: ['applicant'],
          from: ['revising'],
          to: 'submitted',
        })
        .event('grant', {
          label: 'Granted',
          by: ['committee'],
          from: ['submitted'],
          to: 'granted',
          requires: ['financeReview', 'communityReview'],
        })
        .event('refuse', {
          label: 'Refused',
          by: ['committee'],
          from: ['submitted'],
          to: 'refused',
          requires: ['financeReview', 'communityReview'],
        })
        .event('appealExpired', {
          label: 'Appeal window expired',
          by: ['system'],
          from: ['refused'],
          to: 'closed',
        })
        .event('appeal', {
          label: 'Appealed',
          by: ['applicant'],
          from: ['refused'],
          to: 'appealed',
          // Due within 14 days of the refusal; missed, the timer closes the application.
          planned: {
            after: 'refuse',
            lag: exactly(14, 'days'),
            onOverdue: { send: 'appealExpired' },
          },
          rules: [
            {
              id: 'A1',
              reason: 'Only the applicant of this application may appeal',
              check: ({ item, actor }) =>
                (item.data as { applicant: string }).applicant === actor.id,
            },
          ],
        })
        .event('escalate', {
          label: 'Escalated to the committee',
          by: ['system'],
          from: ['granted'],
          to: 'granted',
        })
        .event('report', {
          label: 'Monthly report',
          by: ['applicant'],
          from: ['granted'],
          to: 'granted',
          // Six reports, monthly from a month after the grant; a missed one escalates ten
          // working days after it fell overdue.
          planned: {
            after: 'grant',
            lag: exactly(1, 'months'),
            repeat: { every: 'P1M', count: 6 },
            onOverdue: { send: 'escalate', after: exactly(10, 'workingDays') },
          },
        }),
  )
  // The office may cancel a call (the budget is cut) or close it when its grants are done.
  .ending({ cancel: { by: ['office'] }, close: { by: ['office'] } })
  .build();
