import { dateIn, type Instant, mondayToFriday, type Plan, solve, statusAt } from '@maslul/timing';
import { type Deadline, deadlinesOf } from '../deadlines.js';
import { endedRefusal } from '../ending.js';
import { type MachineEvent, type ProgramEvent, targetOf } from '../events.js';
import { rolesRefusal } from '../guards.js';
import { idIssue } from '../ids.js';
import { forecastOf } from '../instance-forecast.js';
import { actsOf, plannedItemsKey, plannedSchedule } from '../planned-items.js';
import type { Program } from '../program.js';
import { Refusal, refuse } from '../refusal.js';
import { checkRefusalLimit, type RefusalRecord, refusalRecordOf } from '../refusal-log.js';
import { keyReused, sameEvent } from '../same-event.js';
import { stepOfState, TRACK_DONE } from '../step-states.js';
import { checkActor, instantOf, specOf, unknownEvent } from './pre-checks.js';
import type { LogEntry, PersistedMachine } from './records.js';
import { acceptedResult } from './result.js';
import { initialState, restoredState, type State, snapshotOf, stepWith } from './state.js';
import { traceOf } from './trace.js';
import type {
  InstanceOptions,
  ProgramInstance,
  RoleOf,
  SendOptions,
  SendResult,
  StepIdOf,
} from './types.js';

/** The instance behind createInstance, restoreInstance and replay. */
export function instanceFrom<P extends Program>(
  program: P,
  options: InstanceOptions,
  initial: { saved: PersistedMachine | undefined; seq: number; keys: Record<string, number> },
): ProgramInstance<P> {
  const calendar = options.calendar ?? mondayToFriday;
  const { clock, start } = options;
  const refusalLimit = checkRefusalLimit(options.refusalLimit);
  const refusals: RefusalRecord[] = [];
  // The instance's state, from the stored snapshot (or the program's start), stepped one event
  // at a time through the compiled statechart's transitions (see state.ts). With no timers,
  // children or effects anywhere, each send is synchronous.
  let state: State = initial.saved
    ? restoredState(program, initial.saved, initial.seq)
    : initialState(program, initial.seq);
  // Own keys only: a key "constructor" or "__proto__" of the stored object was never applied.
  const keys = new Map<string, number>(Object.entries(initial.keys));
  const log: LogEntry[] = [];

  // The plan is solved when asked for, once per state: a replay or an import of many events
  // re-plans only at the end, and a send whose caller reads its deadlines pays for them then.
  // The plan is solved again only when its inputs changed: the steps record (every step event
  // makes a new one) and what the items' planned events hold. An item event that touches
  // neither keeps the plan, and its deadlines (the same array).
  let planned: { steps: object; items: string; plan: Plan } | undefined;
  const planOf = (of: State): Plan => {
    const { context } = of;
    const items = plannedItemsKey(program, context);
    if (planned?.steps === context.steps && planned.items === items) return planned.plan;
    const { schedule, facts } = plannedSchedule(program, context);
    const solved = solve(schedule, { start, calendar, facts, target: program.target });
    if (of === state) planned = { steps: context.steps, items, plan: solved };
    return solved;
  };
  const plan = (): Plan => planOf(state);
  // An ended run has no deadlines: the runtime's diff removes its stored timers.
  const deadlinesAt = (of: State): readonly Deadline[] =>
    of.context.ended ? [] : deadlinesOf(planOf(of), () => actsOf(program, of.context), calendar);
  /** An accepted result whose `deadlines` are computed on first read (an enumerable getter). */
  const views = {
    snapshot: (at: State) => snapshotOf(program, start, at, keys),
    deadlines: (at: State) => deadlinesAt(at),
  };
  // States are immutable: the result keeps the one it was made in.
  const accepted = (entry: LogEntry, duplicate: boolean): SendResult =>
    acceptedResult(duplicate, entry, state, views);

  const send = (event: ProgramEvent<P>, sendOptions: SendOptions<RoleOf<P>>): SendResult => {
    const result = attempt(event, sendOptions);
    const now = clock.now();
    // A stored event replayed on load is never refused (the clock is unbounded then): skip it.
    if (!result.ok && Number.isFinite(now)) {
      refusals.push(refusalRecordOf(result.refusal, event, sendOptions, now));
      if (refusals.length > refusalLimit) refusals.splice(0, refusals.length - refusalLimit);
    }
    return result;
  };

  const attempt = (event: ProgramEvent<P>, sendOptions: SendOptions<RoleOf<P>>): SendResult => {
    const key = sendOptions?.idempotencyKey;
    const keyProblem = key === undefined ? undefined : idIssue(key, ['idempotencyKey']);
    if (keyProblem) return { ok: false, refusal: new Refusal('invalid-id', [keyProblem]) };
    const seen = key === undefined ? undefined : keys.get(key);
    if (seen !== undefined) {
      // The log holds this object's events, from the seq after the one it was loaded at.
      const entry = seen > initial.seq ? log[seen - initial.seq - 1] : undefined;
      if (entry && !sameEvent(entry, event as object)) {
        return { ok: false, refusal: keyReused(key as string, entry) };
      }
      if (entry) {
        return accepted(entry, true);
      }
      // Restored from a snapshot: the key is known, its entry is in the store, not here. Never
      // apply it a second time.
      return {
        ok: false,
        refusal: refuse(
          'already-applied',
          'core.idempotency',
          ['idempotencyKey'],
          `The idempotency key ${JSON.stringify(key)} was applied as event #${seen} before this instance was loaded; read that event from the store.`,
        ),
      };
    }
    const actorProblem = checkActor(sendOptions?.actor);
    if (actorProblem) return { ok: false, refusal: actorProblem };
    const ended = state.context.ended;
    if (ended)
      return {
        ok: false,
        refusal: endedRefusal(ended, String((event as { type?: unknown })?.type)),
      };
    const instant = instantOf(sendOptions.at, clock);
    if (instant instanceof Refusal) return { ok: false, refusal: instant };
    const raw = event as { type: string; payload?: unknown; item?: string };
    const itemProblem = raw?.item === undefined ? undefined : idIssue(raw.item, ['item']);
    if (itemProblem) return { ok: false, refusal: new Refusal('invalid-id', [itemProblem]) };
    const date = dateIn(instant.time, calendar.timeZone);
    if (date < start) {
      return {
        ok: false,
        refusal: refuse(
          'before-start',
          'core.not-before-start',
          ['at'],
          `The event is dated ${date}, before the program start (${start}); an instance records what happened from its start on.`,
        ),
      };
    }
    const workingDay = calendar.isWorkingDay(date);
    // The cheap checks first, here: the event names a step or an item event, and the actor holds
    // one of its roles. Then the machine's guards judge the event once (the payload, the track,
    // the joins, the rules); a refused event's verdict is the refusal.
    const target = typeof raw?.type === 'string' ? targetOf(program, raw.type) : undefined;
    const spec = target ? specOf(program, target) : undefined;
    if (!target) return { ok: false, refusal: unknownEvent(program, raw?.type) };
    const forbidden = rolesRefusal(
      spec?.by ?? [],
      sendOptions.actor,
      raw.type,
      'step' in target ? target.step : undefined,
    );
    if (forbidden || !spec) return { ok: false, refusal: forbidden as Refusal };
    const machineEvent: MachineEvent = {
      type: raw.type,
      payload: raw.payload,
      date,
      item: raw.item,
      actor: sendOptions.actor,
      workingDay,
    };
    const next = stepWith(program, state, target, machineEvent);
    if (next instanceof Refusal) return { ok: false, refusal: next };
    const trace = traceOf(target, spec.rules, raw.type);
    const seq = state.seq + 1;
    const entry: LogEntry = {
      seq,
      type: raw.type,
      payload: raw.payload,
      at: instant.iso,
      date,
      actor: { id: sendOptions.actor.id, roles: [...sendOptions.actor.roles] },
      idempotencyKey: key,
      trace,
      ...(raw.item !== undefined ? { item: raw.item } : {}),
    };
    state = { value: next.value, context: next.context, seq };
    if (key !== undefined) keys.set(key, seq);
    log.push(entry);
    return accepted(entry, false);
  };

  return {
    program,
    send,
    snapshot: () => snapshotOf(program, start, state, keys),
    current: () => {
      const current: Record<string, { step: string; running: boolean }> = {};
      for (const track of program.tracks) {
        current[track.id] = stepOfState(state.value[track.id] ?? TRACK_DONE);
      }
      return current as ReturnType<ProgramInstance<P>['current']>;
    },
    schedule: (at?: Instant) => {
      const solved = plan() as Plan<StepIdOf<P>>;
      const ended = state.context.ended;
      if (ended) return { plan: solved, status: statusAt(solved, ended.date), ended };
      return { plan: solved, status: statusAt(solved, at ?? clock.now()) };
    },
    deadlines: () => deadlinesAt(state),
    history: () => [...log],
    refusals: () => [...refusals],
    forecast: (forecastOptions) => {
      const { schedule, facts } = plannedSchedule(program, state.context);
      return forecastOf(
        schedule,
        { start, calendar, facts, target: program.target },
        forecastOptions,
      );
    },
  };
}
