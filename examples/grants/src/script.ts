// The run: who sends what, on which simulated day (at 09:00 Jerusalem time). The timer worker
// runs every simulated morning in between and records what closes, expires and escalates.

/** One event of the run, sent through the HTTP API. */
export interface ScriptEvent {
  readonly day: string;
  /** The call it is sent to: the main call unless named. */
  readonly instance?: string;
  readonly actor: string;
  readonly type: string;
  readonly item?: string;
  readonly payload?: unknown;
}

const apply = (
  day: string,
  actor: string,
  item: string,
  title: string,
  amount: number,
  nonprofit: string,
): ScriptEvent => ({
  day,
  actor,
  type: 'application.create',
  item,
  payload: { applicant: actor, title, amount, nonprofit },
});

const reviews = (day: string, item: string): ScriptEvent[] => [
  { day, actor: 'yossi', type: 'application.financeReview', item },
  { day, actor: 'michal', type: 'application.communityReview', item },
];

const report = (day: string): ScriptEvent => ({
  day,
  actor: 'noa',
  type: 'application.report',
  item: 'garden',
});

export const script: readonly ScriptEvent[] = [
  // The call is last year's again: the office skips the information evening, saying why.
  {
    day: '2027-03-01',
    actor: 'rina',
    type: 'briefing.skip',
    payload: { reason: 'The guidelines are the same as last year' },
  },
  { day: '2027-03-01', actor: 'rina', type: 'window.start' },
  apply('2027-03-02', 'noa', 'garden', 'Community garden', 40_000, '580123456'),
  // Refused by E1: more than the most a grant may ask for.
  apply('2027-03-03', 'avi', 'stadium', 'A stadium', 900_000, '580987654'),
  apply('2027-03-04', 'avi', 'library', 'Street library', 30_000, '580987654'),
  apply('2027-03-07', 'dalia', 'choir', 'Neighbourhood choir', 12_000, '580555111'),
  // Refused by E2: not a registered nonprofit.
  apply('2027-03-08', 'dalia', 'party', 'A street party', 5_000, '123'),
  // Refused by R1: the community review is not in yet.
  { day: '2027-03-09', actor: 'yossi', type: 'application.financeReview', item: 'garden' },
  { day: '2027-03-10', actor: 'council', type: 'application.grant', item: 'garden' },
  { day: '2027-03-11', actor: 'michal', type: 'application.communityReview', item: 'garden' },
  ...reviews('2027-03-15', 'library'),
  ...reviews('2027-03-16', 'choir'),
  // One revise-and-resubmit for the garden, reviewed again after it.
  { day: '2027-03-17', actor: 'council', type: 'application.requestRevision', item: 'garden' },
  { day: '2027-03-22', actor: 'noa', type: 'application.resubmit', item: 'garden' },
  // Refused by E4: the window closes on 2027-03-31 (and by itself the next morning).
  apply('2027-04-04', 'dalia', 'late', 'Too late', 8_000, '580555111'),
  ...reviews('2027-04-05', 'garden'),
  { day: '2027-04-12', actor: 'council', type: 'application.grant', item: 'garden' },
  { day: '2027-04-12', actor: 'council', type: 'application.refuse', item: 'library' },
  { day: '2027-04-12', actor: 'council', type: 'application.refuse', item: 'choir' },
  // Dalia appeals in time; Avi lets the window pass (the timer closes his application).
  // Refused by A1 first: only the applicant may appeal.
  { day: '2027-04-20', actor: 'noa', type: 'application.appeal', item: 'choir' },
  { day: '2027-04-20', actor: 'dalia', type: 'application.appeal', item: 'choir' },
  // Six monthly reports from 2027-05-12; the second is missed and escalated, then sent.
  report('2027-05-12'),
  report('2027-07-05'),
  report('2027-07-12'),
  report('2027-08-12'),
  report('2027-09-12'),
  report('2027-10-12'),
  // All six reports are in: the office closes the call.
  {
    day: '2027-10-20',
    actor: 'rina',
    type: 'run.close',
    payload: { reason: 'Every grant has reported' },
  },
  // Refused: the call is closed.
  { day: '2027-10-21', actor: 'noa', type: 'application.report', item: 'garden' },
];

/** A second call, for the northern district, that the council's budget cut cancels. */
export const NORTH = 'grants-2027-north';

/** The northern call's events: one application, the cancellation, and one refused after it. */
export const north: readonly ScriptEvent[] = [
  // A new call in the north: its information evening is held.
  { day: '2027-03-01', instance: NORTH, actor: 'rina', type: 'briefing' },
  { day: '2027-03-01', instance: NORTH, actor: 'rina', type: 'window.start' },
  {
    ...apply('2027-03-03', 'dalia', 'orchard', 'Orchard', 20_000, '580555111'),
    instance: NORTH,
  },
  {
    day: '2027-03-15',
    instance: NORTH,
    actor: 'rina',
    type: 'run.cancel',
    payload: { reason: 'The council cut the budget' },
  },
  { ...apply('2027-03-16', 'avi', 'bench', 'Benches', 3_000, '580987654'), instance: NORTH },
];

/** The last simulated day of the run. */
export const END = '2027-10-31';
