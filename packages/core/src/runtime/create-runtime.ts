import { MaslulError } from '@maslul/timing';
import type { ProgramEvent } from '../events.js';
import { createInstance, type RoleOf, type SendOptions, type SendResult } from '../instance.js';
import { listInstances } from '../instance-list.js';
import type { Program } from '../program.js';
import { checkRefusalLimit, refusalRecordOf } from '../refusal-log.js';
import { createCache, type Loaded } from './cache.js';
import { checkInstanceId, unknownInstance } from './checks.js';
import { plannedFrom, storedOf } from './deadlines.js';
import { loadStored, viewOf } from './load.js';
import { createQueue } from './queue.js';
import { sendStored } from './send.js';
import type { InstanceView, Runtime, RuntimeOptions } from './types.js';

/**
 * The default snapshot policy: an instance opens from its latest snapshot and at most 24 events
 * after it, a few milliseconds on PGlite at any length of log (the store bench measures it).
 */
const DEFAULT_SNAPSHOT_EVERY = 25;

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
  const snapshotEvery = options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
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
  const cache = createCache<P>(cacheSize);
  const serial = createQueue();
  const load = async (id: string): Promise<Loaded<P>> => {
    const cached = cache.get(id);
    if (cached) return cache.remember(id, cached);
    return cache.remember(
      id,
      await loadStored({ program, store, clock, calendar, migrations }, id),
    );
  };
  const sendContext = { store, cache, load, snapshotEvery };
  const open = async (id: string): Promise<InstanceView<P>> => {
    checkInstanceId(id);
    return serial(id, async () => {
      // Another process may have appended since this one loaded it.
      const cached = cache.get(id);
      if (cached && cached.version !== (await store.version(id))) cache.delete(id);
      return viewOf(program, await load(id));
    });
  };

  const send = (id: string, event: ProgramEvent<P>, sendOptions: SendOptions<RoleOf<P>>) => {
    checkInstanceId(id);
    return serial(id, async (): Promise<SendResult> => {
      const result = await sendStored(sendContext, id, event, sendOptions);
      // Refusals go to the refusal log, apart from the events: who tried what, and why not.
      if (!result.ok) {
        const record = refusalRecordOf(result.refusal, event, sendOptions, clock.now());
        await store.appendRefusal(id, record, refusalLimit);
      }
      return result;
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
        const loaded: Loaded<P> = { instance, version: 0, deadlines: storedOf(deadlines) };
        return viewOf(program, cache.remember(id, loaded));
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
