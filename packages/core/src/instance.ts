import {
  dateIn,
  type Instant,
  MaslulError,
  mondayToFriday,
  type PlainDate,
  type Plan,
  type StepStatus,
  solve,
  statusAt,
  type WorkCalendar,
} from '@maslul/timing';
import { createActor, type Snapshot, type StateValue } from 'xstate';
import type { Clock } from './clock.js';
import {
  compile,
  failingRules,
  type ProgramContext,
  type ProgramMachine,
  parsePayload,
  waitingFor,
} from './compile.js';
import { type Deadline, deadlinesOf } from './deadlines.js';
import { type EventTarget, type MachineEvent, type ProgramEvent, targetOf } from './events.js';
import { fixedDatesOf } from './fixed-dates.js';
import { idIssue } from './ids.js';
import {
  forecastOf,
  type InstanceForecast,
  type InstanceForecastOptions,
} from './instance-forecast.js';
import type { ItemDefinition } from './item.js';
import { checkItemEvent } from './item-checks.js';
import { type Label, labelIn } from './label.js';
import { ruleOf } from './payload-rule.js';
import { plannedSchedule } from './planned-items.js';
import type { Program } from './program.js';
import { Refusal, refuse } from './refusal.js';
import { checkRefusalLimit, type RefusalRecord, refusalRecordOf } from './refusal-log.js';
import { keyReused, sameEvent } from './same-event.js';
import { checkStart } from './start-date.js';
import type { StepDefinition } from './types.js';

/**
 * Who sends an event: an id for the history, and the roles they hold.
 *
 * @example
 * ```ts
 * import type { Actor } from '@maslul/core';
 *
 * const dana: Actor<'programManager'> = { id: 'dana', roles: ['programManager'] };
 * ```
 * @category Runtime
 */
export interface Actor<Role extends string = string> {
  readonly id: string;
  readonly roles: readonly Role[];
}

/**
 * How one rule judged an event.
 *
 * @example
 * ```ts
 * import type { RuleTrace } from '@maslul/core';
 *
 * const trace: RuleTrace = { rule: 'S1', step: 'S1', passed: true, reason: 'Exactly five focus challenges' };
 * ```
 * @category Runtime
 */
export interface RuleTrace {
  readonly rule: string;
  readonly step: string;
  readonly passed: boolean;
  /** The rule's reason, in English. */
  readonly reason: string;
}

/**
 * One accepted event, as the history keeps it and a store appends it.
 *
 * @example
 * ```ts
 * import type { LogEntry } from '@maslul/core';
 *
 * const entry: LogEntry = {
 *   seq: 1,
 *   type: 'S0',
 *   payload: { channels: ['social'] },
 *   at: '2026-09-07T09:00:00.000Z',
 *   date: '2026-09-07',
 *   actor: { id: 'mayor', roles: ['steeringCommittee'] },
 *   idempotencyKey: undefined,
 *   trace: [],
 * };
 * ```
 * @category Runtime
 */
export interface LogEntry {
  /** 1 for the first event of the instance, then one more each. */
  readonly seq: number;
  readonly type: string;
  readonly payload: unknown;
  /** When it happened, as an ISO instant. */
  readonly at: string;
  /** The plain date of `at` in the calendar's time zone. */
  readonly date: PlainDate;
  readonly actor: Actor;
  readonly idempotencyKey: string | undefined;
  readonly trace: readonly RuleTrace[];
  /** The item an item event is about; undefined for step events. */
  readonly item?: string | undefined;
}

/**
 * An instance's state as plain JSON: which program (id and version) it runs, how many events it
 * took, the machine's state and context, and the idempotency keys it has seen.
 *
 * @example
 * ```ts
 * import type { InstanceSnapshot } from '@maslul/core';
 *
 * const saved = (snapshot: InstanceSnapshot) => JSON.stringify(snapshot);
 * ```
 * @category Runtime
 */
export interface InstanceSnapshot {
  readonly program: { readonly id: string; readonly version: number };
  readonly start: PlainDate;
  readonly seq: number;
  /** The machine's persisted snapshot (XState's `getPersistedSnapshot`): state value, context, child actors. */
  readonly machine: PersistedMachine;
  /** Idempotency key -> the seq of the event it was first sent with. */
  readonly keys: { readonly [key: string]: number };
}

/**
 * The compiled machine's persisted snapshot, as XState gives it: its state value and context, the
 * persisted snapshots of the items' child actors, and XState's own fields.
 *
 * @example
 * ```ts
 * import type { PersistedMachine } from '@maslul/core';
 *
 * const tracksOf = (machine: PersistedMachine) => Object.keys(machine.value as object);
 * ```
 * @category Runtime
 */
export interface PersistedMachine {
  readonly value: StateValue;
  readonly context: ProgramContext;
  readonly [field: string]: unknown;
}

/**
 * The result of `send`: accepted, with the new snapshot, the entry to append, the rule trace and
 * the next deadlines; or refused, with a {@link Refusal} and nothing changed.
 *
 * @example
 * ```ts
 * import type { SendResult } from '@maslul/core';
 *
 * function describe(result: SendResult): string {
 *   return result.ok ? `#${result.entry.seq} accepted` : result.refusal.message;
 * }
 * ```
 * @category Runtime
 */
export type SendResult =
  | {
      readonly ok: true;
      /** True when the idempotency key was seen before: nothing was applied again. */
      readonly duplicate: boolean;
      readonly entry: LogEntry;
      /** The state after this event, as JSON to store; made when first read. */
      readonly snapshot: InstanceSnapshot;
      /**
       * The deadlines of the steps not finished, re-planned from the facts after this event.
       * Computed when first read (the plan is solved then), so a caller that only needs the
       * last event's deadlines, as a replay or an import does, solves once.
       */
      readonly deadlines: readonly Deadline[];
    }
  | { readonly ok: false; readonly refusal: Refusal };

/**
 * The options of `send`.
 *
 * @example
 * ```ts
 * import type { SendOptions } from '@maslul/core';
 *
 * const options: SendOptions<'programManager'> = {
 *   actor: { id: 'dana', roles: ['programManager'] },
 *   at: '2026-09-22T09:00:00+03:00',
 *   idempotencyKey: 'form-7f3a',
 * };
 * ```
 * @category Runtime
 */
export interface SendOptions<Role extends string = string> {
  readonly actor: Actor<Role>;
  /** When it happened; the clock's now by default. Never after the clock's now. */
  readonly at?: Instant | undefined;
  /** A key the caller chooses per intended event: a retried send with it is applied once. */
  readonly idempotencyKey?: string | undefined;
}

/**
 * The options of an instance: the program start, the work calendar and the clock.
 *
 * @example
 * ```ts
 * import { createManualClock, type InstanceOptions } from '@maslul/core';
 *
 * const options: InstanceOptions = { start: '2026-09-07', clock: createManualClock('2026-09-07T08:00:00Z') };
 * ```
 * @category Runtime
 */
export interface InstanceOptions {
  /** The program start: steps that wait for nothing are planned from here. */
  readonly start: PlainDate;
  /** The only source of "now"; inject a manual clock in tests. */
  readonly clock: Clock;
  /** Which days are working days; Monday to Friday by default. */
  readonly calendar?: WorkCalendar | undefined;
  /** How many refusals {@link ProgramInstance.refusals} keeps, the newest (default 200). */
  readonly refusalLimit?: number | undefined;
}

/**
 * The role ids of a program.
 *
 * @example
 * ```ts
 * import type { Program, RoleOf } from '@maslul/core';
 *
 * type Roles = RoleOf<Program<'demo', Record<never, never>, 'manager' | 'steering'>>; // 'manager' | 'steering'
 * ```
 * @category Runtime
 */
export type RoleOf<P> = P extends Program<string, infer _S, infer R> ? R : string;

/**
 * The step ids of a program.
 *
 * @example
 * ```ts
 * import type { Program, StepIdOf } from '@maslul/core';
 *
 * type Steps = StepIdOf<Program<'demo', { kickoff: { kind: 'milestone'; payload: undefined } }, 'manager'>>; // 'kickoff'
 * ```
 * @category Runtime
 */
export type StepIdOf<P> =
  P extends Program<string, infer S, string> ? Extract<keyof S, string> : string;

/**
 * One running program: send it events, read where it stands, its schedule and its history.
 *
 * @example
 * ```ts
 * import type { ProgramInstance } from '@maslul/core';
 *
 * const current = (instance: ProgramInstance) => instance.current();
 * ```
 * @category Runtime
 */
export interface ProgramInstance<P extends Program = Program> {
  readonly program: P;
  /** Validates, checks roles and rules, applies the event, or refuses it changing nothing. */
  send(event: ProgramEvent<P>, options: SendOptions<RoleOf<P>>): SendResult;
  /** The state as plain JSON, to store. */
  snapshot(): InstanceSnapshot;
  /** The step each track is at (`done` when the track is finished), and a span's phase. */
  current(): {
    readonly [track: string]: { readonly step: StepIdOf<P> | 'done'; readonly running: boolean };
  };
  /**
   * The plan from the facts so far, with each step's status at an instant (now by default): the
   * program's steps, and the series of planned item events (`<item>.<event>`, with the item event
   * they are planned from) once that is recorded. Those ids are not in the type: read them
   * through a `Plan` of string ids (`(plan as Plan).steps['team-social.meet']`).
   */
  schedule(at?: Instant): {
    readonly plan: Plan<StepIdOf<P>>;
    readonly status: Record<StepIdOf<P>, StepStatus>;
  };
  /** The deadlines of the steps not finished yet. */
  deadlines(): readonly Deadline[];
  /** The events accepted by this instance object, with their rule traces. */
  history(): readonly LogEntry[];
  /**
   * The events this instance object refused, oldest first: who tried what, when, and the rule
   * that refused it. Kept apart from the history (facts only), the newest `refusalLimit`.
   */
  refusals(): readonly RefusalRecord[];
  /**
   * P10/P50/P90 dates of every step from the facts recorded so far: the windows of what is not
   * recorded yet are sampled (seeded), what is recorded stays fixed.
   *
   * @throws MaslulError `invalid-option` for a bad `runs` or `seed`
   */
  forecast(options?: InstanceForecastOptions | undefined): InstanceForecast<StepIdOf<P>>;
}

/** The compiled machine of each program, made once. */
const machines = new WeakMap<Program, ProgramMachine>();
function machineOf(program: Program): ProgramMachine {
  let machine = machines.get(program);
  if (!machine) {
    machine = compile(program);
    machines.set(program, machine);
  }
  return machine;
}

function regionAllows(
  value: StateValue,
  definition: StepDefinition,
  target: { readonly phase: string },
): boolean {
  const at =
    typeof value === 'object' ? (value as Record<string, unknown>)[definition.track] : undefined;
  const expected = target.phase === 'finish' ? `${definition.id}:running` : definition.id;
  return at === expected;
}

function checkActor(actor: unknown): Refusal | undefined {
  const a = actor as Partial<Actor> | undefined;
  if (!a || typeof a.id !== 'string' || !Array.isArray(a.roles)) {
    return refuse(
      'invalid-actor',
      'core.actor',
      ['actor'],
      'The actor needs an id (a string) and roles (a list of role ids).',
    );
  }
  // The id is what the history and the refusal log say about who did it: it must say something.
  if (a.id.trim() === '') {
    return refuse(
      'invalid-actor',
      'core.actor',
      ['actor', 'id'],
      `The actor's id ${JSON.stringify(a.id)} is blank; give the id of the person or body that sends the event, e.g. "pm-dana".`,
    );
  }
  return undefined;
}

/** The instants an event may carry: its date must be one the timing model plans with. */
const EARLIEST = Date.UTC(1900, 0, 2);
const LATEST = Date.UTC(2200, 11, 30);

function instantOf(at: Instant | undefined, clock: Clock): { iso: string; time: number } | Refusal {
  const time =
    at === undefined
      ? clock.now()
      : at instanceof Date
        ? at.getTime()
        : typeof at === 'number'
          ? at
          : Date.parse(at);
  if (!Number.isFinite(time)) {
    return refuse(
      'invalid-instant',
      'core.instant',
      ['at'],
      `The instant ${JSON.stringify(at)} is not a valid date-time; give a Date, epoch milliseconds or an ISO string.`,
    );
  }
  if (time < EARLIEST || time > LATEST) {
    return refuse(
      'invalid-instant',
      'core.instant',
      ['at'],
      `The instant ${new Date(time).toISOString()} is outside the years 1900 to 2200 that plans are made in; give the date-time the event happened.`,
    );
  }
  if (time > clock.now()) {
    return refuse(
      'future-event',
      'core.no-future',
      ['at'],
      `The event is dated ${new Date(time).toISOString()}, after the clock's now (${new Date(clock.now()).toISOString()}); record what has happened.`,
    );
  }
  return { iso: new Date(time).toISOString(), time };
}

/** The checks of an item event: the roles, then the item, its state, the joins, payload and rules. */
function checkItem(
  program: Program,
  context: ProgramContext,
  target: { readonly kind: string; readonly event: string },
  event: { type: string; payload?: unknown; item?: unknown },
  actor: Actor,
  date: PlainDate,
  workingDay: boolean,
): { target: EventTarget; data: unknown; trace: RuleTrace[] } | Refusal {
  const item = (program.items as Record<string, ItemDefinition>)[target.kind] as ItemDefinition;
  const spec = target.event === 'create' ? item.create : item.events[target.event];
  const by = spec?.by ?? [];
  if (!by.some((role) => actor.roles.includes(role))) {
    return refuse(
      'forbidden',
      'core.roles',
      ['actor', 'roles'],
      `"${actor.id}" may not send "${event.type}": it needs one of the roles ${by.map((r) => `"${r}"`).join(', ')}.`,
    );
  }
  const checked = checkItemEvent(
    program,
    context,
    target.kind,
    target.event,
    event.item,
    event.payload,
    date,
    actor,
    workingDay,
  );
  if (!checked.ok) {
    const issues = (
      checked.issues ?? [{ path: checked.path, rule: checked.rule, message: checked.message }]
    ).map((issue) => ({
      code: checked.code,
      path: issue.path,
      rule: issue.rule,
      message: issue.message,
    }));
    const [first, ...rest] = issues;
    return new Refusal(checked.code, [
      first ?? {
        code: checked.code,
        path: checked.path,
        rule: checked.rule,
        message: checked.message,
      },
      ...rest,
    ]);
  }
  const trace = checked.rules.map((rule) => ({
    rule: rule.id,
    step: event.type,
    passed: true,
    reason: labelIn(rule.reason, 'en'),
  }));
  return { target, data: checked.data, trace };
}

/** The roles and rules of what an event targets: a step, or an item kind's creation or event. */
function specOf(
  program: Program,
  target: EventTarget,
):
  | { readonly by: readonly string[]; readonly rules: readonly { id: string; reason: Label }[] }
  | undefined {
  if ('step' in target) return (program.steps as Record<string, StepDefinition>)[target.step];
  const item = (program.items as Record<string, ItemDefinition>)[target.kind];
  return target.event === 'create' ? item?.create : item?.events[target.event];
}

/** Everything `send` checks before the machine: the first failure is the refusal. */
function check(
  program: Program,
  context: ProgramContext,
  value: StateValue,
  event: { type: string; payload?: unknown; item?: unknown },
  actor: Actor,
  date: PlainDate,
  workingDay: boolean,
): { target: EventTarget; data: unknown; trace: RuleTrace[] } | Refusal {
  const target = typeof event?.type === 'string' ? targetOf(program, event.type) : undefined;
  if (!target) {
    return refuse(
      'unknown-event',
      'core.known-event',
      ['type'],
      `"${String(event?.type)}" is not an event of program "${program.id}". A step's event is its id (a span's: "<id>.start", "<id>.finish").`,
    );
  }
  if ('kind' in target) return checkItem(program, context, target, event, actor, date, workingDay);
  const definition = (program.steps as Record<string, StepDefinition>)[
    target.step
  ] as StepDefinition;
  if (!definition.by.some((role) => actor.roles.includes(role))) {
    return refuse(
      'forbidden',
      'core.roles',
      ['actor', 'roles'],
      `"${actor.id}" may not record "${event.type}": it needs one of the roles ${definition.by.map((r) => `"${r}"`).join(', ')}.`,
      target.step,
    );
  }
  const parsed = parsePayload(definition, target.phase, event.payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      code: 'invalid-payload',
      path: ['payload', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      rule: ruleOf(issue, definition.payload),
      step: target.step,
      message: `"${event.type}" payload${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`,
    }));
    const [first, ...rest] = issues;
    return new Refusal('invalid-payload', [
      first ?? {
        code: 'invalid-payload',
        path: ['payload'],
        rule: 'core.payload',
        step: target.step,
        message: `"${event.type}" payload is invalid.`,
      },
      ...rest,
    ]);
  }
  const atStep = regionAllows(value, definition, target);
  if (!atStep) {
    const region = (value as Record<string, string>)[definition.track];
    return refuse(
      'not-now',
      'core.track-order',
      ['type'],
      `"${event.type}" cannot be recorded now: track "${definition.track}" is at "${region}".`,
      target.step,
    );
  }
  const waiting = waitingFor(program, context, target.step);
  if (waiting.length > 0) {
    return refuse(
      'waiting',
      'core.after',
      ['type'],
      `"${target.step}" waits for ${waiting.map((w) => `"${w}"`).join(', ')}, not recorded yet.`,
      target.step,
    );
  }
  const failing = failingRules(
    definition,
    target.phase,
    parsed.data,
    context,
    date,
    actor,
    workingDay,
    fixedDatesOf(program),
  );
  const judged = target.phase === 'start' ? [] : definition.rules;
  const trace = judged.map((rule) => ({
    rule: rule.id,
    step: target.step,
    passed: !failing.includes(rule),
    reason: labelIn(rule.reason, 'en'),
  }));
  const [refusing] = failing;
  if (refusing) {
    return refuse(
      'rule-failed',
      refusing.id,
      ['payload'],
      `"${target.step}" refused by rule ${refusing.id}: ${labelIn(refusing.reason, 'en')}.`,
      target.step,
    );
  }
  return { target, data: parsed.data, trace };
}

interface State {
  /** The actor's snapshot after the last event (immutable): its value, context and children. */
  current: MachineSnapshot;
  seq: number;
  keys: Record<string, number>;
}

type MachineSnapshot = ReturnType<ReturnType<typeof createActor<ProgramMachine>>['getSnapshot']>;

/** Persisted snapshots, made from a machine snapshot when first asked for. */
const persisted = new WeakMap<MachineSnapshot, PersistedMachine>();
function persist(machine: ProgramMachine, current: MachineSnapshot): PersistedMachine {
  let saved = persisted.get(current);
  if (!saved) {
    saved = machine.getPersistedSnapshot(current) as unknown as PersistedMachine;
    persisted.set(current, saved);
  }
  return saved;
}

function snapshotOf(program: Program, start: PlainDate, state: State): InstanceSnapshot {
  return {
    program: { id: program.id, version: program.version },
    start,
    seq: state.seq,
    machine: persist(machineOf(program), state.current),
    keys: { ...state.keys },
  };
}

/**
 * An accepted result. `snapshot` and `deadlines` are computed when first read (a replay or an
 * import reads only the last ones); `toJSON` includes them, so the result serialises whole.
 */
class Accepted {
  readonly ok = true as const;
  readonly duplicate: boolean;
  readonly entry: LogEntry;
  readonly #makeSnapshot: () => InstanceSnapshot;
  readonly #makeDeadlines: () => readonly Deadline[];
  #snapshot: InstanceSnapshot | undefined;
  #deadlines: readonly Deadline[] | undefined;

  constructor(
    duplicate: boolean,
    entry: LogEntry,
    makeSnapshot: () => InstanceSnapshot,
    makeDeadlines: () => readonly Deadline[],
  ) {
    this.duplicate = duplicate;
    this.entry = entry;
    this.#makeSnapshot = makeSnapshot;
    this.#makeDeadlines = makeDeadlines;
  }

  get snapshot(): InstanceSnapshot {
    this.#snapshot ??= this.#makeSnapshot();
    return this.#snapshot;
  }

  get deadlines(): readonly Deadline[] {
    this.#deadlines ??= this.#makeDeadlines();
    return this.#deadlines;
  }

  toJSON() {
    const { ok, duplicate, entry, snapshot, deadlines } = this;
    return { ok, duplicate, entry, snapshot, deadlines };
  }
}

/** The instance behind createInstance, restoreInstance and replay. */
function instanceFrom<P extends Program>(
  program: P,
  options: InstanceOptions,
  initial: { saved: PersistedMachine | undefined; seq: number; keys: Record<string, number> },
): ProgramInstance<P> {
  const machine = machineOf(program);
  const calendar = options.calendar ?? mondayToFriday;
  const { clock, start } = options;
  const refusalLimit = checkRefusalLimit(options.refusalLimit);
  const refusals: RefusalRecord[] = [];
  // One actor per instance, started from the stored state (or afresh) and fed one event at a
  // time: the same machine any XState user runs. Items are its child actors; with no timers
  // anywhere, each send is synchronous.
  const actor = createActor(
    machine,
    initial.saved ? { snapshot: initial.saved as unknown as Snapshot<unknown> } : {},
  ).start();
  let state: State = { current: actor.getSnapshot(), seq: initial.seq, keys: initial.keys };
  const log: LogEntry[] = [];

  // The plan is solved when asked for, once per state: a replay or an import of many events
  // re-plans only at the end, and a send whose caller reads its deadlines pays for them then.
  let planned: { state: State; plan: Plan } | undefined;
  const planOf = (of: State): Plan => {
    if (planned?.state === of) return planned.plan;
    const { schedule, facts } = plannedSchedule(program, of.current.context);
    const solved = solve(schedule, { start, calendar, facts, target: program.target });
    if (of === state) planned = { state: of, plan: solved };
    return solved;
  };
  const plan = (): Plan => planOf(state);
  /** An accepted result whose `deadlines` are computed on first read (an enumerable getter). */
  const accepted = (entry: LogEntry, duplicate: boolean): SendResult => {
    const at = state; // states are immutable: the result keeps the one it was made in
    return new Accepted(
      duplicate,
      entry,
      () => snapshotOf(program, start, at),
      () => deadlinesOf(planOf(at)),
    );
  };

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
    // Own keys only: a key "constructor" or "__proto__" was never applied.
    const seen = key === undefined || !Object.hasOwn(state.keys, key) ? undefined : state.keys[key];
    if (seen !== undefined) {
      const entry = log.find((e) => e.seq === seen);
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
    const refused = (): SendResult => {
      const checked = check(
        program,
        state.current.context,
        state.current.value,
        raw,
        sendOptions.actor,
        date,
        workingDay,
      );
      // The checks mirror the machine's guards; if they pass where the machine refused, say so.
      const refusal =
        checked instanceof Refusal
          ? checked
          : refuse(
              'not-now',
              'core.machine',
              ['type'],
              `The statechart did not take "${raw.type}" in state ${JSON.stringify(state.current.value)}.`,
            );
      return { ok: false, refusal };
    };
    // The cheap checks first; the machine's guards then parse the payload and run the rules once.
    // Only a refused event is checked again, step by step, to say exactly why.
    const target = typeof raw?.type === 'string' ? targetOf(program, raw.type) : undefined;
    const spec = target ? specOf(program, target) : undefined;
    const roles: readonly string[] = sendOptions.actor.roles;
    if (!spec?.by.some((role) => roles.includes(role))) return refused();
    const before = actor.getSnapshot();
    actor.send({
      type: raw.type,
      payload: raw.payload,
      date,
      item: raw.item,
      actor: sendOptions.actor,
      workingDay,
    } satisfies MachineEvent);
    const next = actor.getSnapshot();
    if (next === before) return refused();
    // A span's start checks no rules (they judge its finish): its trace is empty.
    const checkedRules = target && 'phase' in target && target.phase === 'start' ? [] : spec.rules;
    const trace = checkedRules.map((rule) => ({
      rule: rule.id,
      step: 'step' in (target as EventTarget) ? (target as { step: string }).step : raw.type,
      passed: true,
      reason: labelIn(rule.reason, 'en'),
    }));
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
    state = {
      current: next,
      seq,
      keys: key === undefined ? state.keys : { ...state.keys, [key]: seq },
    };
    log.push(entry);
    return accepted(entry, false);
  };

  return {
    program,
    send,
    snapshot: () => snapshotOf(program, start, state),
    current: () => {
      const current: Record<string, { step: string; running: boolean }> = {};
      for (const track of program.tracks) {
        const at = String((state.current.value as Record<string, string>)[track.id] ?? 'done');
        const running = at.endsWith(':running');
        current[track.id] = { step: running ? at.slice(0, -':running'.length) : at, running };
      }
      return current as ReturnType<ProgramInstance<P>['current']>;
    },
    schedule: (at?: Instant) => {
      const solved = plan() as Plan<StepIdOf<P>>;
      return { plan: solved, status: statusAt(solved, at ?? clock.now()) };
    },
    deadlines: () => deadlinesOf(plan()),
    history: () => [...log],
    refusals: () => [...refusals],
    forecast: (forecastOptions) => {
      const { schedule, facts } = plannedSchedule(program, state.current.context);
      return forecastOf(
        schedule,
        { start, calendar, facts, target: program.target },
        forecastOptions,
      );
    },
  };
}

/**
 * Starts a new instance of a program.
 *
 * @param program - a program from `defineProgram(...).build()`
 * @param options - the program start, the clock and the calendar
 * @returns the instance
 *
 * @example
 * ```ts
 * import { createInstance, createManualClock, defineProgram } from '@maslul/core';
 *
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
 *   .build();
 * const clock = createManualClock('2027-01-04T09:00:00Z');
 * const instance = createInstance(program, { start: '2027-01-04', clock });
 * const result = instance.send({ type: 'kickoff' }, { actor: { id: 'dana', roles: ['manager'] } });
 * result.ok; // true
 * ```
 * @category Runtime
 */
export function createInstance<P extends Program>(
  program: P,
  options: InstanceOptions,
): ProgramInstance<P> {
  checkStart(options?.start);
  // The machine state is filled in from the new actor's own initial snapshot.
  return instanceFrom(program, options, { saved: undefined, seq: 0, keys: {} });
}

/**
 * A function that brings a snapshot of an older program version up to this one.
 *
 * @example
 * ```ts
 * import type { Migration } from '@maslul/core';
 *
 * const v1to2: Migration = (snapshot) => ({ ...snapshot, program: { ...snapshot.program, version: 2 } });
 * ```
 * @category Runtime
 */
export type Migration = (snapshot: InstanceSnapshot) => InstanceSnapshot;

/**
 * Loads an instance from a stored snapshot. A snapshot of another program, or of another
 * version without a migration for it, is refused clearly.
 *
 * @param program - the program it runs
 * @param snapshot - the stored snapshot
 * @param options - the instance options, and migrations by the version they start from
 * @returns the instance
 * @throws MaslulError `wrong-program`, `version-mismatch` or `invalid-snapshot`
 *
 * @example
 * ```ts
 * import { createInstance, createManualClock, defineProgram, restoreInstance } from '@maslul/core';
 *
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
 *   .build();
 * const options = { start: '2027-01-04', clock: createManualClock('2027-01-04T09:00:00Z') } as const;
 * const saved = JSON.stringify(createInstance(program, options).snapshot());
 * const again = restoreInstance(program, JSON.parse(saved), options);
 * ```
 * @category Runtime
 */
export function restoreInstance<P extends Program>(
  program: P,
  snapshot: InstanceSnapshot,
  options: InstanceOptions & {
    readonly migrations?: { readonly [fromVersion: number]: Migration } | undefined;
  },
): ProgramInstance<P> {
  let current = snapshot;
  if (current?.program?.id !== program.id) {
    throw new MaslulError([
      {
        code: 'wrong-program',
        path: ['program', 'id'],
        rule: 'core.snapshot-program',
        message: `The snapshot is of program ${JSON.stringify(current?.program?.id)}, not "${program.id}".`,
      },
    ]);
  }
  while (current.program.version !== program.version) {
    const from = current.program.version;
    const migrate = options.migrations?.[from];
    if (!migrate || from > program.version) {
      throw new MaslulError([
        {
          code: 'version-mismatch',
          path: ['program', 'version'],
          rule: 'core.snapshot-version',
          message:
            from > program.version
              ? `The snapshot runs version ${from} of "${program.id}", newer than this code's version ${program.version}: run it with version ${from} or later (a snapshot is never migrated back).`
              : `The snapshot runs version ${from} of "${program.id}", and this is version ${program.version}; pass a migration from version ${from} in options.migrations.`,
        },
      ]);
    }
    current = migrate(current);
    const to = current?.program?.version;
    // A migration must move the snapshot forward, or the loop would call it forever.
    if (typeof to !== 'number' || to <= from || to > program.version) {
      throw new MaslulError([
        {
          code: 'version-mismatch',
          path: ['migrations', from],
          rule: 'core.migration-advances',
          message: `The migration from version ${from} of "${program.id}" returned a snapshot of version ${JSON.stringify(to)}; it must return one of a later version, up to ${program.version} (set program.version in the snapshot it returns).`,
        },
      ]);
    }
  }
  if (
    typeof current.seq !== 'number' ||
    typeof current.machine?.context !== 'object' ||
    current.machine.value === undefined
  ) {
    throw new MaslulError([
      {
        code: 'invalid-snapshot',
        path: [],
        rule: 'core.snapshot-shape',
        message: 'The snapshot lacks seq or its machine state; it is not an instance snapshot.',
      },
    ]);
  }
  return instanceFrom(
    program,
    { ...options, start: current.start },
    { saved: current.machine, seq: current.seq, keys: { ...current.keys } },
  );
}

/**
 * Replays an instance's accepted events from empty: the result's snapshot equals the one the
 * events produced live, byte for byte (the runtime is a pure function of its events).
 *
 * @param program - the program
 * @param entries - the log, in seq order
 * @param options - the instance options (the clock must be at or after the last event)
 * @returns the instance, with its history
 * @throws MaslulError `replay-refused` when an entry is refused (the log does not fit the program)
 *
 * @example
 * ```ts
 * import { createInstance, createManualClock, defineProgram, replay } from '@maslul/core';
 *
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
 *   .build();
 * const options = { start: '2027-01-04', clock: createManualClock('2027-01-04T09:00:00Z') } as const;
 * const live = createInstance(program, options);
 * live.send({ type: 'kickoff' }, { actor: { id: 'dana', roles: ['manager'] } });
 * const replayed = replay(program, live.history(), options);
 * JSON.stringify(replayed.snapshot()) === JSON.stringify(live.snapshot()); // true
 * ```
 * @category Runtime
 */
export function replay<P extends Program>(
  program: P,
  entries: readonly LogEntry[],
  options: InstanceOptions,
): ProgramInstance<P> {
  const instance = createInstance(program, options);
  for (const entry of entries) {
    const result = resend(instance, entry);
    if (!result.ok) {
      throw new MaslulError([
        {
          code: 'replay-refused',
          path: ['entries', entry.seq],
          rule: 'core.replay',
          message: `Event #${entry.seq} ("${entry.type}") was refused on replay: ${result.refusal.message}`,
        },
      ]);
    }
  }
  return instance;
}

/** Sends a logged entry to an instance again, as it was sent: a replay's and a load's step. */
export function resend<P extends Program>(
  instance: ProgramInstance<P>,
  entry: LogEntry,
): SendResult {
  return instance.send(
    { type: entry.type, payload: entry.payload, item: entry.item } as ProgramEvent<P>,
    {
      actor: entry.actor as Actor<RoleOf<P>>,
      at: entry.at,
      idempotencyKey: entry.idempotencyKey,
    },
  );
}
