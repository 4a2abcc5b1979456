import { MaslulError } from '@maslul/timing';
import type { ProgramEvent } from '../events.js';
import type { RoleOf, SendOptions, SendResult } from '../instance.js';
import type { Program } from '../program.js';
import { keyReused, sameEvent } from '../same-event.js';
import type { InstanceStore } from '../store-port.js';
import type { InstanceCache, Loaded } from './cache.js';
import { judgedOnState } from './checks.js';
import { changes } from './deadlines.js';

/** What a send through the runtime needs: the store, the cache, how to load, the snapshot policy. */
export interface SendContext<P extends Program> {
  readonly store: InstanceStore;
  readonly cache: InstanceCache<P>;
  readonly load: (id: string) => Promise<Loaded<P>>;
  readonly snapshotEvery: number;
}

/** The first result of an idempotency key, from the store: its stored entry, the state now. */
async function firstResult<P extends Program>(
  context: SendContext<P>,
  id: string,
  key: string,
  event: ProgramEvent<P>,
  loaded: Loaded<P> | undefined,
): Promise<SendResult | undefined> {
  const entry = await context.store.eventByKey(id, key);
  if (!entry) return undefined;
  if (!sameEvent(entry, event)) return { ok: false, refusal: keyReused(key, entry) };
  const view = loaded ?? (await context.load(id));
  return {
    ok: true,
    duplicate: true,
    entry,
    snapshot: view.instance.snapshot(),
    deadlines: view.instance.deadlines(),
  };
}

/**
 * Sends an event to the loaded instance and appends it, with the changes of its deadlines and,
 * by the policy, a snapshot, expecting the version the instance was loaded at.
 */
export async function sendStored<P extends Program>(
  context: SendContext<P>,
  id: string,
  event: ProgramEvent<P>,
  sendOptions: SendOptions<RoleOf<P>>,
): Promise<SendResult> {
  const { store, cache, load, snapshotEvery } = context;
  let loaded = await load(id);
  let result = loaded.instance.send(event, sendOptions);
  if (!result.ok) {
    const key = sendOptions?.idempotencyKey;
    if (result.refusal.code === 'already-applied' && key !== undefined) {
      const first = await firstResult(context, id, key, event, loaded);
      if (first) return first;
    }
    // A refusal writes nothing, so the store's version check cannot tell that this process's
    // copy is behind another process's writes: unless the refusal is one the instance's state
    // cannot change, ask the store before refusing, and judge the event again as stored.
    if (!judgedOnState(result.refusal)) return result;
    if ((await store.version(id)) === loaded.version) return result;
    cache.delete(id);
    loaded = await load(id);
    result = loaded.instance.send(event, sendOptions);
    if (!result.ok) return result;
  }
  const before = loaded.version;
  if (result.duplicate) return result;
  // An event that changed none of the plan's inputs keeps the plan and its list: no changes.
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
      const first = await firstResult(context, id, key, event, undefined);
      if (first) return first;
    }
    throw error;
  }
  loaded.version = seq;
  loaded.deadlines = next;
  return result;
}
