import { MaslulError, type PlainDate, type WorkCalendar } from '@maslul/timing';
import type { Clock } from './clock.js';
import type { Deadline } from './deadlines.js';
import type { ProgramEvent } from './events.js';
import { checkId } from './ids.js';
import {
  createInstance,
  type InstanceSnapshot,
  type LogEntry,
  type Migration,
  type ProgramInstance,
  type RoleOf,
  resend,
  restoreInstance,
  type SendOptions,
  type SendResult,
} from './instance.js';
import { type InstancePage, type ListOptions, listInstances } from './instance-list.js';
import type { Program } from './program.js';
import { checkRefusalLimit, type RefusalRecord, refusalRecordOf } from './refusal-log.js';
import { keyReused, sameEvent } from './same-event.js';
import type { DeadlineChanges, InstanceStore } from './store-port.js';

/**
 * What {@link createRuntime} needs: the store, the clock, and how the instances run.
 *
 * @example
 * ```ts
 * import { createManualClock, type InstanceStore, type RuntimeOptions } from '@maslul/core';
 *
 * declare const store: InstanceStore; // from @maslul/store
 * const options: RuntimeOptions = { store, clock: createManualClock('2026-09-07T08:00:00Z'), snapshotEvery: 50 };
 * ```
 * @category Storage
 */
export interface RuntimeOptions {
  readonly store: InstanceStore;
  /** The only source of "now". */
  readonly clock: Clock;
  /** Which days are working days; Monday to Friday by default. */
  readonly calendar?: WorkCalendar | undefined;
  /** A snapshot is written with every `snapshotEvery`-th event (default 100; at least 1). */
  readonly snapshotEvery?: number | undefined;
  /** Migrations of stored snapshots, by the definition version they start from. */
  readonly migrations?: { readonly [fromVersion: number]: Migration } | undefined;
  /** How many loaded instances stay in memory (default 1,000; least recently used go first). */
  readonly cacheSize?: number | undefined;
  /** How many refusals the store keeps per instance, the newest (default 200). */
  readonly refusalLimit?: number | undefined;
}

/**
 * A stored instance, read-only: where it stands, its plan and deadlines, its snapshot. Events go
 * through {@link Runtime.send}, which stores them.
 *
 * @example
 * ```ts
 * import type { InstanceView } from '@maslul/core';
 *
 * const where = (view: InstanceView) => view.current();
 * ```
 * @category Storage
 */
export type InstanceView<P extends Program = Program> = Pick<
  ProgramInstance<P>,
  'program' | 'current' | 'schedule' | 'deadlines' | 'snapshot' | 'forecast'
> & {
  /**
   * The stored version: the seq of the last event this runtime loaded or stored. Live, like
   * `current()`: it moves with every event sent through this runtime.
   */
  readonly version: number;
};

/**
 * Durable instances of one program over a store: every accepted event is appended (with the
 * version it expects, its idempotency key and its rule trace) before `send` resolves, together
 * with the instance's changed deadlines and, every so often, a snapshot.
 *
 * @example
 * ```ts
 * import type { Runtime } from '@maslul/core';
 *
 * const versionOf = async (runtime: Runtime, id: string) => (await runtime.open(id)).version;
 * ```
 * @category Storage
 */
export interface Runtime<P extends Program = Program> {
  readonly program: P;
  /**
   * Starts and stores a new instance.
   *
   * @throws MaslulError `instance-exists`, `invalid-id`; `invalid-date` for a start that is not a
   *   date of the years 1900 to 2200, or whose plan runs past them
   */
  create(id: string, options: { readonly start: PlainDate }): Promise<InstanceView<P>>;
  /**
   * Sends an event and stores it if accepted. A refusal stores nothing. A key sent before
   * (by this process or another) returns the first result, marked `duplicate`: its `entry` is
   * the stored one; its `snapshot` and `deadlines` are the instance's as they are now.
   *
   * @throws MaslulError `unknown-instance`; `version-conflict` when another writer appended
   *   first (nothing was stored: load and send again); `corrupt-record`
   */
  send(id: string, event: ProgramEvent<P>, options: SendOptions<RoleOf<P>>): Promise<SendResult>;
  /**
   * Loads an instance (latest snapshot plus the events after it).
   *
   * @throws MaslulError `unknown-instance`, `corrupt-record`, `version-mismatch`
   */
  open(id: string): Promise<InstanceView<P>>;
  /** Writes a snapshot of the instance now, whatever the policy; resolves to it. */
  snapshot(id: string): Promise<InstanceSnapshot>;
  /** Every stored event of the instance, in order. */
  history(id: string): Promise<readonly LogEntry[]>;
  /**
   * The instance's stored refusals, oldest first: who tried what, when, and the rule that
   * refused it (the newest `refusalLimit`).
   *
   * @throws MaslulError `unknown-instance`
   */
  refusals(id: string): Promise<readonly RefusalRecord[]>;
  /**
   * A page of the stored instances of this program, in id order, with where each stands now
   * (status, current steps, overdue steps); filtered by status and by having overdue steps.
   *
   * @throws MaslulError `invalid-option` for a bad status, overdue or limit; `invalid-id` for a
   *   bad cursor
   */
  list(options?: ListOptions | undefined): Promise<InstancePage<P>>;
  /** Forgets the instances held in memory (the next call loads from the store). */
  evict(id?: string | undefined): void;
}

interface Loaded<P extends Program> {
  readonly instance: ProgramInstance<P>;
  version: number;
  /** The deadlines stored for it, by delivery key. */
  deadlines: Map<string, Deadline>;
}

const keyOf = (deadline: Deadline): string => `${deadline.id}@${deadline.at}`;

function changes(before: Map<string, Deadline>, after: readonly Deadline[]) {
  const next = new Map(after.map((d) => [keyOf(d), d]));
  const added: Deadline[] = [];
  const removed: Deadline[] = [];
  for (const [key, deadline] of next) if (!before.has(key)) added.push(deadline);
  for (const [key, deadline] of before) if (!next.has(key)) removed.push(deadline);
  return { next, changes: { added, removed } satisfies DeadlineChanges };
}

function checkInstanceId(id: unknown): asserts id is string {
  checkId(id, ['id']);
}

/** The first deadlines, planned before anything is stored: a plan that overflows names the start. */
function plannedFrom(instance: ProgramInstance, start: PlainDate): readonly Deadline[] {
  try {
    return instance.deadlines();
  } catch (error) {
    if (!(error instanceof MaslulError) || error.code !== 'invalid-date') throw error;
    throw new MaslulError([
      {
        code: 'invalid-date',
        path: ['start'],
        rule: 'core.start-date',
        message: `The plan from the start "${start}" runs past the years 1900 to 2200 that plans are made in (${error.message}); give an earlier start.`,
      },
    ]);
  }
}

function unknownInstance(id: string): MaslulError {
  return new MaslulError([
    {
      code: 'unknown-instance',
      path: ['id'],
      rule: 'store.known-instance',
      message: `There is no stored instance "${id}"; create it first.`,
    },
  ]);
}

/**
 * Runs durable instances of a program over an {@link InstanceStore}. Sends to one instance are
 * taken one at a time in this process; across processes the store's expected-version check
 * decides, and the loser gets `version-conflict` with nothing stored.
 *
 * @param program - the program the instances run
 * @param options - the store, the clock, the calendar and the snapshot policy
 * @returns the runtime
 *
 * @example
 * ```ts
 * import { createManualClock, createRuntime, defineProgram, type InstanceStore } from '@maslul/core';
 *
 * declare const store: InstanceStore; // e.g. createMemoryStore() from @maslul/store
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
 *   .build();
 * const runtime = createRuntime(program, { store, clock: createManualClock('2027-01-04T09:00:00Z') });
 * await runtime.create('town-1', { start: '2027-01-04' });
 * await runtime.send('town-1', { type: 'kickoff' }, { actor: { id: 'dana', roles: ['manager'] } });
 * ```
 * @category Storage
 */
export function createRuntime<P extends Program>(program: P, options: RuntimeOptions): Runtime<P> {
  const { store, clock, calendar, migrations } = options;
  const snapshotEvery = options.snapshotEvery ?? 100;
  const cacheSize = options.cacheSize ?? 1000;
  const refusalLimit = checkRefusalLimit(options.refusalLimit);
  if (!Number.isInteger(snapshotEvery) || snapshotEvery < 1) {
    throw new MaslulError([
      {
        code: 'invalid-option',
        path: ['snapshotEvery'],
        rule: 'store.snapshot-every',
        message: `snapshotEvery must be a whole number of at least 1, not ${JSON.stringify(snapshotEvery)}.`,
      },
    ]);
  }
  const cache = new Map<string, Loaded<P>>();
  const queues = new Map<string, Promise<unknown>>();

  /** Runs `task` after every earlier task of the same instance in this process. */
  const serial = <T>(id: string, task: () => Promise<T>): Promise<T> => {
    const previous = queues.get(id) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(id, settled);
    void settled.then(() => {
      if (queues.get(id) === settled) queues.delete(id);
    });
    return run;
  };

  const remember = (id: string, loaded: Loaded<P>): Loaded<P> => {
    cache.delete(id);
    cache.set(id, loaded);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return loaded;
  };

  const load = async (id: string): Promise<Loaded<P>> => {
    const cached = cache.get(id);
    if (cached) return remember(id, cached);
    const stored = await store.load(id);
    if (!stored) throw unknownInstance(id);
    // Stored events are facts: replaying them must not refuse one as "in the future" because
    // this process's clock is behind the one that recorded it (another machine, a manual clock).
    let loading = true;
    const instanceClock: Clock = {
      now: () => (loading ? Number.POSITIVE_INFINITY : clock.now()),
    };
    const instance = restoreInstance(program, stored.snapshot, {
      start: stored.start,
      clock: instanceClock,
      calendar,
      migrations,
    });
    for (const entry of stored.events) {
      const result = resend(instance, entry);
      if (!result.ok) {
        throw new MaslulError([
          {
            code: 'corrupt-record',
            path: ['events', entry.seq],
            rule: 'store.replayable',
            message: `Stored event #${entry.seq} ("${entry.type}") of "${id}" is refused on load: ${result.refusal.message}`,
          },
        ]);
      }
    }
    loading = false;
    const deadlines = new Map(instance.deadlines().map((d) => [keyOf(d), d]));
    return remember(id, { instance, version: stored.version, deadlines });
  };

  const viewOf = (loaded: Loaded<P>): InstanceView<P> => {
    const { instance } = loaded;
    return {
      program,
      // Live, like current() and schedule(): a view read after a send shows the version it made.
      get version() {
        return loaded.version;
      },
      current: () => instance.current(),
      schedule: (at) => instance.schedule(at),
      deadlines: () => instance.deadlines(),
      snapshot: () => instance.snapshot(),
      forecast: (forecastOptions) => instance.forecast(forecastOptions),
    };
  };

  const firstResult = async (
    id: string,
    key: string,
    event: ProgramEvent<P>,
    loaded: Loaded<P> | undefined,
  ): Promise<SendResult | undefined> => {
    const entry = await store.eventByKey(id, key);
    if (!entry) return undefined;
    if (!sameEvent(entry, event)) return { ok: false, refusal: keyReused(key, entry) };
    const view = loaded ?? (await load(id));
    const result: SendResult = {
      ok: true,
      duplicate: true,
      entry,
      snapshot: view.instance.snapshot(),
      deadlines: view.instance.deadlines(),
    };
    return result;
  };

  const send = (id: string, event: ProgramEvent<P>, sendOptions: SendOptions<RoleOf<P>>) => {
    checkInstanceId(id);
    return serial(id, async (): Promise<SendResult> => {
      const result = await sendNow(id, event, sendOptions);
      // Refusals go to the refusal log, apart from the events: who tried what, and why not.
      if (!result.ok) {
        const record = refusalRecordOf(result.refusal, event, sendOptions, clock.now());
        await store.appendRefusal(id, record, refusalLimit);
      }
      return result;
    });
  };

  const sendNow = async (
    id: string,
    event: ProgramEvent<P>,
    sendOptions: SendOptions<RoleOf<P>>,
  ): Promise<SendResult> => {
    let loaded = await load(id);
    let result = loaded.instance.send(event, sendOptions);
    if (!result.ok) {
      const key = sendOptions?.idempotencyKey;
      if (result.refusal.code === 'already-applied' && key !== undefined) {
        const first = await firstResult(id, key, event, loaded);
        if (first) return first;
      }
      // A refusal writes nothing, so the store's version check cannot tell that this process's
      // copy is behind another process's writes: ask the store before refusing, and judge the
      // event again on the instance as stored.
      if ((await store.version(id)) === loaded.version) return result;
      cache.delete(id);
      loaded = await load(id);
      result = loaded.instance.send(event, sendOptions);
      if (!result.ok) return result;
    }
    const before = loaded.version;
    if (result.duplicate) return result;
    const { next, changes: deadlineChanges } = changes(loaded.deadlines, result.deadlines);
    const seq = result.entry.seq;
    try {
      await store.append(id, {
        expectedVersion: before,
        entries: [result.entry],
        snapshot: seq % snapshotEvery === 0 ? result.snapshot : undefined,
        deadlines: deadlineChanges,
      });
    } catch (error) {
      // The instance in memory took an event the store did not: it must be loaded again.
      cache.delete(id);
      const key = sendOptions.idempotencyKey;
      if (error instanceof MaslulError && error.code === 'version-conflict' && key) {
        const first = await firstResult(id, key, event, undefined);
        if (first) return first;
      }
      throw error;
    }
    loaded.version = seq;
    loaded.deadlines = next;
    return result;
  };

  const open = async (id: string): Promise<InstanceView<P>> => {
    checkInstanceId(id);
    return serial(id, async () => {
      // Another process may have appended since this one loaded it.
      const cached = cache.get(id);
      if (cached && cached.version !== (await store.version(id))) cache.delete(id);
      return viewOf(await load(id));
    });
  };

  return {
    program,
    create: async (id, createOptions) => {
      checkInstanceId(id);
      return serial(id, async () => {
        const instance = createInstance(program, { start: createOptions.start, clock, calendar });
        const deadlines = plannedFrom(instance, createOptions.start);
        await store.create({
          id,
          program: { id: program.id, version: program.version },
          start: createOptions.start,
          snapshot: instance.snapshot(),
          deadlines,
        });
        const loaded: Loaded<P> = {
          instance,
          version: 0,
          deadlines: new Map(deadlines.map((d) => [keyOf(d), d])),
        };
        return viewOf(remember(id, loaded));
      });
    },
    send,
    open,
    snapshot: async (id) => {
      checkInstanceId(id);
      return serial(id, async () => {
        const loaded = await load(id);
        const snapshot = loaded.instance.snapshot();
        try {
          await store.saveSnapshot(id, snapshot);
        } catch (error) {
          cache.delete(id);
          throw error;
        }
        return snapshot;
      });
    },
    history: async (id) => {
      checkInstanceId(id);
      const events = await store.events(id);
      if (events.length === 0 && (await store.version(id)) === undefined) throw unknownInstance(id);
      return events;
    },
    refusals: async (id) => {
      checkInstanceId(id);
      if ((await store.version(id)) === undefined) throw unknownInstance(id);
      return store.refusals(id);
    },
    list: (listOptions) => listInstances(store, program, clock, open, listOptions),
    evict: (id) => {
      if (id === undefined) cache.clear();
      else cache.delete(id);
    },
  };
}
