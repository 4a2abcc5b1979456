// A refusal the instance's state cannot change (a missing role, a bad payload of a step, an
// unknown event) is answered from the copy in memory: no store round trip for the version. One
// that depends on the state (the track order, a rule) still asks the store whether another
// process moved the instance, so it never refuses on a stale copy.
import { createManualClock, createRuntime, type InstanceStore } from '@maslul/core';
import { describe, expect, it } from 'vitest';
import { manager, sample, steering } from '../../../core/test-programs/sample-program.js';
import { createMemoryStore } from '../index.js';
import { CHALLENGES, START } from './sample-run.js';

const clock = createManualClock('2030-01-01T00:00:00Z');
const at = '2026-09-07T09:00:00Z';

/** A memory store that counts the version reads the runtime makes. */
function counting(): { store: InstanceStore; reads: () => number } {
  const store = createMemoryStore();
  let reads = 0;
  const version: InstanceStore['version'] = (id) => {
    reads += 1;
    return store.version(id);
  };
  return { store: Object.assign(Object.create(store), { version }), reads: () => reads };
}

describe('runtime refusals', () => {
  it('answers a refusal that no stored state could change without reading the version', async () => {
    const { store, reads } = counting();
    const runtime = createRuntime(sample, { store, clock });
    await runtime.create('town', { start: START });
    const before = reads();
    const forbidden = await runtime.send(
      'town',
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: manager as never, at },
    );
    expect(forbidden.ok ? undefined : forbidden.refusal.code).toBe('forbidden');
    const badPayload = await runtime.send(
      'town',
      { type: 'scope', payload: { areas: [] } },
      { actor: steering, at },
    );
    expect(badPayload.ok ? undefined : badPayload.refusal.code).toBe('invalid-payload');
    const unknown = await runtime.send('town', { type: 'nothing' } as never, {
      actor: steering,
      at,
    });
    expect(unknown.ok ? undefined : unknown.refusal.code).toBe('unknown-event');
    expect(reads()).toBe(before);
    expect((await store.refusals('town')).map((r) => r.code)).toEqual([
      'forbidden',
      'invalid-payload',
      'unknown-event',
    ]);
  });

  it('reads the version before a refusal that a newer stored state could change', async () => {
    const { store, reads } = counting();
    const runtime = createRuntime(sample, { store, clock });
    await runtime.create('town', { start: START });
    const before = reads();
    const early = await runtime.send(
      'town',
      { type: 'meeting1', payload: { challenges: CHALLENGES } },
      { actor: steering, at },
    );
    expect(early.ok ? undefined : early.refusal.code).toBe('not-now');
    expect(reads()).toBe(before + 1);
  });
});
