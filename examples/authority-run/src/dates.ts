import type { Channel } from '@maslul/kehila-metiva';
import type { PlainDate } from '@maslul/timing';

// When things happen in the run, in one place: the payloads quote these dates (a meeting's
// `heldOn`, a plan's `submittedOn`) and the script records its events on them. Every date is an
// Israeli working day (Sunday to Thursday, not a holiday), checked by the run as it goes.

/** The program start: the Monday after the summer holidays. */
export const START = '2026-09-07';

/** The dates of the strategy and pilot tracks' steps, and of the steering committee. */
export const ON = {
  S0: START,
  S1: '2026-09-22', // the day after Yom Kippur
  S2Start: '2026-09-22',
  S2Finish: '2027-01-05', // two weeks late: see the script
  S3: '2027-01-05',
  S4: '2027-01-19',
  S5: '2027-02-02',
  teamsFormed: '2027-02-03',
  teamsAppointed: '2027-02-04',
  S6Start: '2027-02-16',
  X1: '2027-02-21',
  initiativesCreated: '2027-02-22',
  X2Start: '2027-02-22',
  workPlans: '2027-04-05',
  S6Finish: '2027-04-06',
  S7: '2027-04-20',
  S8: '2027-05-11', // a week late: see the script
  S9: '2027-05-25',
  X3: '2027-08-22',
  measured: '2027-08-23',
  X4: '2027-11-21', // the review, the eight decisions and C1: one shaping-committee meeting
  X2Finish: '2027-11-22',
  decided: '2027-11-21',
  C1: '2027-11-21',
  Q: ['2026-12-07', '2027-03-07', '2027-06-07', '2027-09-14', '2027-12-14'],
} as const;

/** Each channel team's four work meetings, two weeks apart, each team on its own weekday (T3). */
export const TEAM_MEETINGS: Record<Channel, readonly [PlainDate, PlainDate, PlainDate, PlainDate]> =
  {
    social: ['2027-02-16', '2027-03-02', '2027-03-16', '2027-03-30'],
    educational: ['2027-02-17', '2027-03-03', '2027-03-17', '2027-03-31'],
    urban: ['2027-02-18', '2027-03-04', '2027-03-18', '2027-04-01'],
    economic: ['2027-02-21', '2027-03-07', '2027-03-21', '2027-04-04'],
  };
