import type { Actor, ManualClock, ProgramEvent, Runtime } from '@maslul/core';
import type { Channel, KehilaMetiva, KehilaRole } from '@maslul/kehila-metiva';
import type { TimerWorker } from '@maslul/store';
import type { PlainDate, WorkCalendar } from '@maslul/timing';
import {
  challenges,
  compass,
  logicModel,
  people,
  scope,
  shapingMeeting2,
  shapingMeeting4,
  situationPicture,
  strategicPlan,
} from './authority.js';
import { ON, TEAM_MEETINGS } from './dates.js';
import { decisions, hackathon, ideas, initiativeIds, measurement } from './initiatives.js';
import { domainHeads, team, teamMeeting, workPlan } from './teams.js';

/** An event of the program, as `send` takes it. */
export type KehilaEvent = ProgramEvent<KehilaMetiva>;

/** One event of the script: the day it happens, who records it, and why it is off plan if it is. */
export interface ScriptedEvent {
  readonly at: PlainDate;
  readonly actor: Actor<KehilaRole>;
  readonly event: KehilaEvent;
  readonly why?: string | undefined;
}

const on = (
  at: PlainDate,
  actor: Actor<KehilaRole>,
  event: KehilaEvent,
  why?: string,
): ScriptedEvent => ({ at, actor, event, why });

const CHANNELS: readonly Channel[] = scope.channels;
const { manager, mayor, shaping, ceo, heads } = people;
const quarterly = (n: 0 | 1 | 2 | 3 | 4, why?: string) => on(ON.Q[n], mayor, { type: 'Q' }, why);

const meetingRound = (n: 1 | 2 | 3 | 4) =>
  CHANNELS.map((channel) =>
    on(TEAM_MEETINGS[channel][n - 1] ?? ON.S6Start, heads[channel], {
      type: 'team.meet',
      item: `team-${channel}`,
      payload: teamMeeting(channel, n),
    }),
  );

/** The whole run, in date order: both tracks, four teams, eight initiatives, five steering meetings. */
export const script: readonly ScriptedEvent[] = [
  on(ON.S0, mayor, { type: 'S0', payload: scope }),
  on(ON.S1, shaping, { type: 'S1', payload: challenges }),
  on(ON.S2Start, manager, { type: 'S2.start' }),
  quarterly(0),
  on(
    ON.S2Finish,
    manager,
    { type: 'S2.finish', payload: situationPicture },
    'Welfare and education data arrived from the ministries two weeks late',
  ),
  on(ON.S3, shaping, { type: 'S3', payload: shapingMeeting2 }),
  on(ON.S4, manager, { type: 'S4', payload: compass }),
  on(ON.S5, shaping, { type: 'S5', payload: logicModel }),
  ...CHANNELS.map((channel) =>
    on(ON.teamsFormed, manager, {
      type: 'team.create',
      item: `team-${channel}`,
      payload: team(channel),
    }),
  ),
  ...CHANNELS.map((channel) =>
    on(ON.teamsAppointed, ceo, {
      type: 'team.appoint',
      item: `team-${channel}`,
      payload: domainHeads[channel],
    }),
  ),
  on(ON.S6Start, manager, { type: 'S6.start' }),
  ...meetingRound(1),
  on(ON.X1, manager, { type: 'X1', payload: hackathon }),
  ...initiativeIds.map((id) =>
    on(ON.initiativesCreated, people.hackathon, {
      type: 'initiative.create',
      item: id,
      payload: ideas[id],
    }),
  ),
  on(
    ON.X2Start,
    manager,
    { type: 'X2.start' },
    'Support began once the hackathon committee had registered the initiatives',
  ),
  ...meetingRound(2),
  quarterly(1),
  ...meetingRound(3),
  ...meetingRound(4),
  ...CHANNELS.map((channel) =>
    on(ON.workPlans, heads[channel], {
      type: 'team.submitPlan',
      item: `team-${channel}`,
      payload: workPlan(channel),
    }),
  ),
  on(
    ON.S6Finish,
    manager,
    { type: 'S6.finish' },
    'The economic team began five days after the others, and the plans came in after its last meeting',
  ),
  on(ON.S7, shaping, { type: 'S7', payload: shapingMeeting4 }),
  on(
    ON.S8,
    shaping,
    { type: 'S8', payload: strategicPlan },
    'Meeting 5 waited a week for the treasurer to confirm the economic budget',
  ),
  on(ON.S9, mayor, { type: 'S9' }),
  quarterly(2),
  on(ON.X3, manager, { type: 'X3' }),
  ...initiativeIds.map((id) =>
    on(ON.measured, manager, { type: 'initiative.measure', item: id, payload: measurement(id) }),
  ),
  quarterly(3, 'Held a week late: the mayor was abroad'),
  on(ON.X4, shaping, { type: 'X4' }),
  ...initiativeIds.map((id) => {
    const decided = decisions[id];
    const type = decided.decision === 'continue' ? 'initiative.continue' : 'initiative.stop';
    return on(ON.decided, shaping, { type, item: id, payload: decided });
  }),
  on(ON.C1, shaping, { type: 'C1' }),
  on(ON.X2Finish, manager, { type: 'X2.finish' }),
  quarterly(4),
];

/** The stored instance the demo runs. */
export const ID = 'ramat-hateenim';

/**
 * The idempotency key of the script's `n`-th event (from 1): stable from run to run, so a resume
 * that sends an event the store already holds gets the stored one back, applied once.
 */
export const keyOf = (n: number): string => `ramat-${n}`;

/** The script position (from 1) a key names, or undefined when it is not one of the script's. */
export function positionOf(key: string | undefined): number | undefined {
  const n = Number(/^ramat-(\d+)$/.exec(key ?? '')?.[1]);
  return Number.isInteger(n) && n >= 1 && n <= script.length ? n : undefined;
}

/** Events are recorded at 07:00 UTC, 09:00 or 10:00 in Jerusalem: the same plain date. */
export const morningOf = (date: PlainDate) => `${date}T07:00:00Z`;

/** What the run goes through: the stored runtime, its timer worker, the simulated clock. */
export interface Session {
  readonly runtime: Runtime<KehilaMetiva>;
  readonly worker: TimerWorker;
  readonly clock: ManualClock;
  readonly calendar: WorkCalendar;
}

/**
 * Sends the script through the runtime after the `stored` events the store holds, each event on
 * its day: when the clock moves on to a new day, the timer worker first delivers the deadlines
 * that fell due meanwhile; then the event is stored. The last stored event is sent again first: its key makes
 * the store return it as it was, applied once. Stops after `until`'s events, with the clock moved
 * on to that day. A refusal stops the run with the program's own message.
 *
 * @returns how many of the script's events the store holds now
 */
export async function runScript(
  session: Session,
  { stored: before, until }: { readonly stored: number; readonly until?: PlainDate | undefined },
): Promise<number> {
  const { runtime, worker, clock, calendar } = session;
  let stored = before;
  for (const [index, scripted] of script.entries()) {
    const { at, event, actor } = scripted;
    if (index + 1 < before) continue;
    if (index + 1 > before && until !== undefined && at > until) break;
    if (!calendar.isWorkingDay(at)) {
      throw new Error(
        `"${event.type}" is scripted on ${at}, which is not an Israeli working day; move it to ${calendar.nextWorkingDay(at)}.`,
      );
    }
    // Deadlines fall due only as time passes: events of the same morning share one delivery.
    if (Date.parse(morningOf(at)) > clock.now()) {
      clock.advanceTo(morningOf(at));
      await worker.runDue();
    }
    const result = await runtime.send(ID, event, {
      actor,
      at: morningOf(at),
      idempotencyKey: keyOf(index + 1),
    });
    if (!result.ok) {
      const { code, message } = result.refusal;
      throw new Error(`"${event.type}" on ${at} was refused (${code}): ${message}`);
    }
    // Also catches a resent event applied a second time (its key not recognised).
    if (result.entry.seq !== index + 1) {
      throw new Error(
        `"${event.type}" (script event ${index + 1}) was stored as event #${result.entry.seq}: the stored run is not this script's; start afresh without --resume.`,
      );
    }
    stored = index + 1;
  }
  // The simulated day was reached even if nothing happened on it: deliver what fell due.
  if (until !== undefined && stored < script.length && Date.parse(morningOf(until)) > clock.now()) {
    clock.advanceTo(morningOf(until));
    await worker.runDue();
  }
  return stored;
}
