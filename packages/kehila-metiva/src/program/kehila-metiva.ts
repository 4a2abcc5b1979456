import { defineProgram } from '@maslul/core';
import { about } from '@maslul/timing';
import { compassSchema } from '../schemas/compass.js';
import { continuationDecisionSchema } from '../schemas/continuation-decision.js';
import { focusChallengesSchema } from '../schemas/focus-challenges.js';
import { hackathonSchema } from '../schemas/hackathon.js';
import { hackathonIdeaSchema } from '../schemas/hackathon-idea.js';
import { initiativeMeasurementSchema } from '../schemas/initiative-measurement.js';
import { logicModelSchema } from '../schemas/logic-model.js';
import { meetingRecordSchema } from '../schemas/meeting-record.js';
import { scopeSchema } from '../schemas/scope.js';
import { situationPictureSchema } from '../schemas/situation-picture.js';
import { strategicPlanSchema } from '../schemas/strategic-plan.js';
import { domainHeadSchema, teamSchema } from '../schemas/team.js';
import { workPlanSchema } from '../schemas/work-plan.js';
import { roles } from './roles.js';
import {
  appointedByTheCityCeo,
  atMostFourMeetings,
  byTheTeamsOwnDomainHead,
  continuesOnlyWithProgress,
  everyChannelPlanned,
  everyInitiativeDecided,
  headAppointedByTheCityCeo,
  logicModelChannels,
  meetingsOnWorkingDays,
  meetingsTwoWeeksApart,
  pictureOfTheFiveChallenges,
  planAfterFourMeetings,
  planHasProgramsBudgetAndGantt,
  planIsComplete,
  stopsAsDecided,
  teamForAChosenChannel,
  tiedToTheCompass,
} from './rules.js';

const twoWeeks = about(2, 'weeks');

/**
 * The Kehila Metiva program (docs/program.md in the repository), written with `@maslul/core`:
 * the long-term strategy track (S0-S9), the experiential pilot track (X1-X4), the convergence
 * decision (C1-C3) and the steering committee's quarterly meetings beside them. Channel teams (S6, T1-T3) and pilot
 * initiatives (X1-X4, C2) are items created during the run, one child actor each.
 *
 * @example
 * ```ts
 * import { createInstance, systemClock } from '@maslul/core';
 * import { israelCalendar } from '@maslul/timing/israel';
 * import { kehilaMetiva } from '@maslul/kehila-metiva';
 *
 * const run = createInstance(kehilaMetiva, {
 *   start: '2026-09-07',
 *   clock: systemClock,
 *   calendar: israelCalendar(),
 * });
 * run.current().strategy; // { step: 'S0', running: false }
 * ```
 * @category Program
 */
export const kehilaMetiva = defineProgram('kehila-metiva', {
  version: 1,
  label: { en: 'Kehila Metiva: a thriving community', he: 'קהילה מיטיבה' },
})
  .roles(roles)
  .track('strategy', { en: 'Long-term strategy', he: 'בניית תוכנית אסטרטגית - טווח ארוך' }, (t) =>
    t
      .decision('S0', {
        label: { en: 'Steering committee sets the scope', he: 'ועדת ההיגוי קובעת את התחום' },
        by: ['steeringCommittee'],
        payload: scopeSchema,
      })
      .meeting('S1', {
        label: {
          en: 'Shaping committee meeting 1: five focus challenges',
          he: 'מפגש ועדה מעצבת 1: חמישה אתגרים',
        },
        by: ['shapingCommittee'],
        after: twoWeeks,
        payload: focusChallengesSchema,
      })
      .span('S2', {
        label: { en: 'Mapping: the situation picture', he: 'מיפוי: תמונת מצב רשותית' },
        by: ['programManager'],
        duration: about(3, 'months'),
        payload: situationPictureSchema,
        rules: [pictureOfTheFiveChallenges],
      })
      .meeting('S3', {
        label: {
          en: 'Shaping committee meeting 2: mapping results',
          he: 'מפגש ועדה מעצבת 2: תוצאות המיפוי',
        },
        by: ['shapingCommittee'],
        payload: meetingRecordSchema.meta({ rule: 'S3' }),
      })
      .milestone('S4', {
        label: { en: 'Launch conference: the compass', he: 'כנס השקה רשותי: המצפן' },
        by: ['programManager'],
        after: twoWeeks,
        payload: compassSchema,
      })
      .meeting('S5', {
        label: {
          en: 'Shaping committee meeting 3: logic model',
          he: 'מפגש ועדה מעצבת 3: מודל לוגי',
        },
        by: ['shapingCommittee'],
        after: twoWeeks,
        payload: logicModelSchema,
        rules: [logicModelChannels],
      })
      .span('S6', {
        label: {
          en: 'Channel teams: four meetings and a work plan each',
          he: 'צוותי ערוצים: ארבעה מפגשים ותוכנית עבודה',
        },
        by: ['programManager'],
        after: twoWeeks,
        duration: about(6, 'weeks'),
        rules: [everyChannelPlanned],
      })
      .meeting('S7', {
        label: {
          en: 'Shaping committee meeting 4: work plans',
          he: 'מפגש ועדה מעצבת 4: תוכניות העבודה',
        },
        by: ['shapingCommittee'],
        after: twoWeeks,
        payload: meetingRecordSchema.meta({ rule: 'S7' }),
      })
      .meeting('S8', {
        label: {
          en: 'Shaping committee meeting 5: the plan closes',
          he: 'מפגש ועדה מעצבת 5: סגירת התוכנית',
        },
        by: ['shapingCommittee'],
        after: twoWeeks,
        payload: strategicPlanSchema,
        rules: [planIsComplete, planHasProgramsBudgetAndGantt],
      })
      .decision('S9', {
        label: { en: 'Steering committee approves the plan', he: 'הצגה ואישור בוועדת ההיגוי' },
        by: ['steeringCommittee'],
        after: twoWeeks,
      }),
  )
  .track('pilot', { en: 'Experiential pilot', he: 'פיילוט התנסותי' }, (t) =>
    t
      .milestone('X1', {
        label: { en: 'Authority hackathon', he: 'כנס האקתון רשותי' },
        by: ['programManager'],
        after: { step: 'S4', lag: about(1, 'months') },
        payload: hackathonSchema,
      })
      .review('X3', {
        label: { en: 'Measurement and learning', he: 'מדידה ולמידה' },
        by: ['programManager'],
        after: { step: 'X1', lag: about(6, 'months') },
      })
      .review('X4', {
        label: { en: 'Progress review', he: 'סקירת התקדמות' },
        by: ['shapingCommittee'],
        after: { step: 'X1', lag: about(9, 'months') },
      }),
  )
  // Support runs beside the measurement and the review (PROGRAM X2: "from X1"), so it has a
  // track of its own.
  .track('support', { en: 'Support of the initiatives', he: 'ליווי היוזמות' }, (t) =>
    t.span('X2', {
      label: { en: 'Support of selected initiatives', he: 'ליווי היוזמות שנבחרו' },
      by: ['programManager'],
      after: 'X1',
      duration: about(9, 'months'),
    }),
  )
  .track('convergence', { en: 'Convergence', he: 'התכנסות' }, (t) =>
    t.decision('C1', {
      label: {
        en: 'Decision on each initiative for year two',
        he: 'החלטה על כל יוזמה לשנה השנייה',
      },
      by: ['shapingCommittee'],
      after: ['S8', 'X4'],
      rules: [everyInitiativeDecided],
    }),
  )
  .track('governance', { en: 'Steering committee', he: 'ועדת היגוי' }, (t) =>
    t.series('Q', {
      label: { en: 'Quarterly steering committee meeting', he: 'מפגש רבעוני של ועדת ההיגוי' },
      by: ['steeringCommittee'],
      after: { step: 'S0', lag: about(3, 'months') },
      repeat: { every: 'P3M', count: 5 },
    }),
  )
  .item(
    'team',
    {
      label: { en: 'Channel team', he: 'צוות ערוץ' },
      states: ['formed', 'appointed', 'meeting', 'planned'],
      final: ['planned'],
      create: {
        by: ['programManager'],
        after: ['S5'],
        payload: teamSchema,
        rules: [teamForAChosenChannel, headAppointedByTheCityCeo],
      },
    },
    (team) =>
      team
        .event('appoint', {
          label: { en: 'Domain head appointed', he: 'מינוי ראש תחום' },
          by: ['cityCeo'],
          from: ['formed'],
          to: 'appointed',
          payload: domainHeadSchema,
          rules: [appointedByTheCityCeo],
        })
        .event('meet', {
          label: { en: 'Team work meeting', he: 'מפגש עבודה של הצוות' },
          by: ['domainHead'],
          from: ['appointed', 'meeting'],
          to: 'meeting',
          payload: meetingRecordSchema.meta({ rule: 'T3' }),
          rules: [
            byTheTeamsOwnDomainHead,
            atMostFourMeetings,
            meetingsOnWorkingDays,
            meetingsTwoWeeksApart,
          ],
          // T3: four work meetings, every two weeks, from the appointment, on working days.
          planned: { after: 'appoint', lag: twoWeeks, repeat: { every: 'P2W', count: 4 } },
        })
        .event('submitPlan', {
          label: { en: 'Work plan submitted', he: 'הגשת תוכנית עבודה' },
          by: ['domainHead'],
          from: ['meeting'],
          to: 'planned',
          payload: workPlanSchema,
          rules: [byTheTeamsOwnDomainHead, planAfterFourMeetings],
        }),
  )
  .item(
    'initiative',
    {
      label: { en: 'Pilot initiative', he: 'יוזמת פיילוט' },
      states: ['supported', 'measured', 'continued', 'stopped'],
      final: ['continued', 'stopped'],
      create: {
        by: ['hackathonCommittee'],
        after: ['X1'],
        payload: hackathonIdeaSchema,
        rules: [tiedToTheCompass],
      },
    },
    (initiative) =>
      initiative
        .event('measure', {
          label: { en: 'Measured', he: 'נמדדה' },
          by: ['programManager'],
          from: ['supported', 'measured'],
          to: 'measured',
          payload: initiativeMeasurementSchema,
        })
        .event('continue', {
          label: { en: 'Continues into year two', he: 'ממשיכה לשנה השנייה' },
          by: ['shapingCommittee'],
          from: ['measured'],
          to: 'continued',
          after: ['S8', 'X4'],
          payload: continuationDecisionSchema,
          rules: [continuesOnlyWithProgress],
        })
        .event('stop', {
          label: { en: 'Stops', he: 'מסתיימת' },
          by: ['shapingCommittee'],
          from: ['supported', 'measured'],
          to: 'stopped',
          after: ['S8', 'X4'],
          payload: continuationDecisionSchema,
          rules: [stopsAsDecided],
        }),
  )
  // The program ends with the approved plan and the decision on year two: the quarterly steering
  // meetings run to the end of the plan's period, and would otherwise end every critical path.
  .target('S9', 'C1')
  .build();

/**
 * The Kehila Metiva program's type.
 *
 * @example
 * ```ts
 * import type { ProgramEvent } from '@maslul/core';
 * import type { KehilaMetiva } from '@maslul/kehila-metiva';
 *
 * const event: ProgramEvent<KehilaMetiva> = { type: 'S9' };
 * ```
 * @category Program
 */
export type KehilaMetiva = typeof kehilaMetiva;
