import {
  type Actor,
  createInstance,
  createManualClock,
  type LogEntry,
  type ProgramEvent,
  type StepIdOf,
} from '@maslul/core';
import {
  type Channel,
  type KehilaMetiva,
  type KehilaRole,
  kehilaMetiva,
} from '@maslul/kehila-metiva';
import { explain, type PlainDate, type Plan } from '@maslul/timing';
import { israelCalendar } from '@maslul/timing/israel';
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
import { ON, START, TEAM_MEETINGS } from './dates.js';
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

/** A step event of the run, with the date the plan gave it just before it was recorded. */
export interface PlannedEvent {
  readonly step: StepId;
  readonly phase: 'start' | 'finish' | undefined;
  readonly planned: PlainDate;
  /** Why the plan gave that date (`explain`), as the plan stood before the event. */
  readonly explanation: string;
}

/** One recorded event: the script's line, the log entry the instance kept, and its plan if a step. */
export interface RecordedEvent {
  readonly scripted: ScriptedEvent;
  readonly entry: LogEntry;
  readonly step: PlannedEvent | undefined;
}

type StepId = StepIdOf<KehilaMetiva>;

const isStep = (id: string): id is StepId => Object.hasOwn(kehilaMetiva.steps, id);

/** The date the plan gives a step event: a span's start or finish, a series' next meeting. */
function plannedFor(plan: Plan<StepId>, id: StepId, phase: string | undefined): PlannedEvent {
  const step = plan.steps[id];
  const planned =
    step.kind === 'series'
      ? (step.occurrences?.find((o) => !o.recorded)?.date ?? step.start)
      : phase === 'finish'
        ? step.finish
        : step.start;
  const explanation = explain(plan, step.id);
  return {
    step: step.id,
    phase: phase === 'start' || phase === 'finish' ? phase : undefined,
    planned,
    explanation,
  };
}

/** Events are recorded at 07:00 UTC, 09:00 or 10:00 in Jerusalem: the same plain date. */
const morningOf = (date: PlainDate) => `${date}T07:00:00Z`;

/**
 * Runs the script on a fresh instance and a manual clock: the clock moves to each event's day,
 * the event is sent, and a refusal stops the run with the program's own message.
 */
export function runAuthority(events: readonly ScriptedEvent[] = script) {
  const calendar = israelCalendar();
  const clock = createManualClock(morningOf(START));
  const instance = createInstance(kehilaMetiva, { start: START, clock, calendar });
  const recorded: RecordedEvent[] = [];
  for (const scripted of events) {
    const { at, event, actor } = scripted;
    if (!calendar.isWorkingDay(at)) {
      throw new Error(
        `"${event.type}" is scripted on ${at}, which is not an Israeli working day; move it to ${calendar.nextWorkingDay(at)}.`,
      );
    }
    clock.advanceTo(morningOf(at));
    // Items (teams, initiatives) have no planned dates; steps do, and the plan is solved only for them.
    const [id, phase] = event.type.split('.') as [string, string | undefined];
    const step = isStep(id) ? plannedFor(instance.schedule().plan, id, phase) : undefined;
    const result = instance.send(event, { actor, at: morningOf(at) });
    if (!result.ok) {
      const { code, message } = result.refusal;
      throw new Error(`"${event.type}" on ${at} was refused (${code}): ${message}`);
    }
    recorded.push({ scripted, entry: result.entry, step });
  }
  return { instance, recorded };
}
