import type { Program } from '@maslul/core';
import { describe, expect, it } from 'vitest';
import { localSource } from '../local-source.js';
import { createQueryCache } from '../query-cache.js';
import type { InstanceState, MaslulSource } from '../source.js';
import { ID, kehilaRuntime, people, scope } from './fixtures.js';

/** The real local source, each `open` held until the test lets it go. */
async function gatedSource() {
  const { runtime } = await kehilaRuntime();
  const local = localSource(runtime, { actor: people.mayor });
  const gates: (() => void)[] = [];
  const source: MaslulSource = {
    ...(local as unknown as MaslulSource),
    open: async (id) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      return local.open(id) as Promise<InstanceState<Program>>;
    },
  };
  const release = async () => {
    gates.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { runtime, local, source, gates, release };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createQueryCache', () => {
  it('gives one query per instance and key, and reads once for many subscribers', async () => {
    const { source, gates, release } = await gatedSource();
    const cache = createQueryCache(source);
    const query = cache.query(ID, 'instance', (s) => s.open(ID));
    expect(cache.query(ID, 'instance', (s) => s.open(ID))).toBe(query);
    expect(query.getSnapshot().status).toBe('loading');
    const stops = [query.subscribe(() => {}), query.subscribe(() => {})];
    expect(gates).toHaveLength(1);
    expect(query.getSnapshot()).toMatchObject({ status: 'loading', fetching: true });
    await release();
    expect(query.getSnapshot()).toMatchObject({
      status: 'success',
      fetching: false,
      data: { version: 0 },
    });
    for (const stop of stops) stop();
  });

  it('reads once more after the read in flight when the instance changes during it', async () => {
    const { local, source, gates, release } = await gatedSource();
    const cache = createQueryCache(source);
    const query = cache.query(ID, 'instance', (s) => s.open(ID));
    const stop = query.subscribe(() => {});
    expect(gates).toHaveLength(1);
    await local.send(ID, { type: 'S0', payload: scope }); // told to the cache while the read waits
    await local.send(ID, { type: 'S0', payload: scope }); // refused: no change, no second re-read
    expect(gates).toHaveLength(1);
    await release(); // the first read answers; its answer may predate S0
    expect(gates).toHaveLength(1);
    await release();
    expect(gates).toHaveLength(0);
    expect((query.getSnapshot().data as InstanceState | undefined)?.version).toBe(1);
    stop();
  });

  it('keeps the last data beside the error of a later read', async () => {
    const { runtime } = await kehilaRuntime();
    const local = localSource(runtime, { actor: people.mayor });
    let fail = false;
    const source: MaslulSource = {
      ...(local as unknown as MaslulSource),
      open: (id) => (fail ? Promise.reject(new Error('offline')) : (local.open(id) as never)),
    };
    const cache = createQueryCache(source);
    const query = cache.query(ID, 'instance', (s) => s.open(ID));
    const stop = query.subscribe(() => {});
    await settled();
    fail = true;
    await local.send(ID, { type: 'S0', payload: scope });
    await settled();
    expect(query.getSnapshot()).toMatchObject({
      status: 'error',
      error: { message: 'offline' },
      data: { version: 0 },
    });
    stop();
  });

  it('drops the oldest unwatched queries past its size when one is left, never a watched one', async () => {
    const { local } = await gatedSource();
    const cache = createQueryCache(local as unknown as MaslulSource, 2);
    const at = (n: number) => cache.query(ID, `schedule ${n}`, (s) => s.schedule(ID, n));
    const watched = at(1);
    const stop = watched.subscribe(() => {});
    const [second, third, fourth] = [at(2), at(3), at(4)];
    // Made in render and not subscribed yet: nothing is dropped.
    expect(at(2)).toBe(second);
    expect(at(3)).toBe(third);
    expect(at(4)).toBe(fourth);
    fourth.subscribe(() => {})(); // the last subscriber of 4 leaves: now the cache prunes
    expect(at(1)).toBe(watched);
    expect(at(4)).toBe(fourth);
    expect(at(2)).not.toBe(second);
    stop();
    await settled();
  });
});
