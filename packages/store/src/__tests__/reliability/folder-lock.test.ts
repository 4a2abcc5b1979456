/// <reference types="node" />
// One PGlite folder, one process: a second process that opens a folder in use is refused before
// PGlite touches it, and the first one's acknowledged events are all there afterwards. A holder
// killed with SIGKILL leaves no stuck lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPGliteStore, lockPGliteFolder } from '../../pglite/index.js';
import { rejection } from '../rejection.js';
import { runEvents } from '../sample-run.js';
import { spawnChild } from './spawn-child.js';
import { INSTANCE, MEASURES, openWithSql, runtimeOver, type Target } from './targets.js';

const parent = mkdtempSync(join(tmpdir(), 'maslul-lock-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const acksOf = (lines: readonly string[]) =>
  lines
    .map((line) => /^ack (\d+) (\d+) (\S+) (new|dup)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, index, seq, key]) => ({ index: Number(index), seq: Number(seq), key }));

describe('a PGlite folder opened by two processes', () => {
  it('refuses the second at open, naming the folder and the first, and loses no acknowledged event', async () => {
    const dataDir = join(parent, 'two');
    const target: Target = { kind: 'pglite', dataDir };
    const events = runEvents(MEASURES);

    // The first process sends 20 events, then waits holding the folder.
    const first = spawnChild('./child-sender.ts', { target, from: 0, pauseAt: 20 });
    await first.waitFor((line) => line === 'paused');
    expect(acksOf(first.lines)).toHaveLength(20);

    const second = spawnChild('./child-sender.ts', { target, from: 20 });
    const exit = await second.exited;
    expect(exit.code, second.stderr()).toBe(3);
    const refused = second.lines.find((line) => line.startsWith('refused '));
    expect(refused).toContain('refused folder-in-use');
    expect(refused).toContain(`"${dataDir}"`);
    expect(refused).toContain(`process ${first.pid}`);
    expect(acksOf(second.lines)).toEqual([]);

    // The first goes on undisturbed, to the end of the run.
    first.write('go');
    expect((await first.exited).code, first.stderr()).toBe(0);
    const acks = acksOf(first.lines);
    expect(acks).toHaveLength(events.length);

    const opened = await openWithSql(target);
    try {
      const history = await runtimeOver(opened.store).history(INSTANCE);
      expect(history.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      for (const ack of acks) expect(history[ack.seq - 1]?.idempotencyKey).toBe(ack.key);
    } finally {
      await opened.close();
    }
  });

  it('lets the next process in at once when the holder was killed (no stuck lock)', async () => {
    const dataDir = join(parent, 'killed');
    const target: Target = { kind: 'pglite', dataDir };
    const events = runEvents(MEASURES);

    const holder = spawnChild('./child-sender.ts', { target, from: 0, pauseAt: 10 });
    await holder.waitFor((line) => line === 'paused');
    const acked = acksOf(holder.lines);
    holder.kill();
    expect((await holder.exited).signal).toBe('SIGKILL');

    const next = spawnChild('./child-sender.ts', { target, from: 10 });
    expect((await next.exited).code, next.stderr()).toBe(0);
    expect(next.lines.some((line) => line.startsWith('refused'))).toBe(false);

    const opened = await openWithSql(target);
    try {
      const history = await runtimeOver(opened.store).history(INSTANCE);
      expect(history.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      for (const ack of acked) expect(history[ack.seq - 1]?.idempotencyKey).toBe(ack.key);
    } finally {
      await opened.close();
    }
  });
});

describe('lockPGliteFolder in one process', () => {
  it('refuses a second store on a folder this process has open, and opens it again after close', async () => {
    const dataDir = join(parent, 'same');
    const store = await createPGliteStore({ dataDir });
    const error = await rejection(createPGliteStore({ dataDir }));
    expect(error.code).toBe('folder-in-use');
    expect(error.path).toEqual(['dataDir']);
    expect(error.message).toContain(`"${dataDir}" is in use by this process (${process.pid})`);
    await store.close();
    const again = await createPGliteStore({ dataDir });
    await again.close();
  });

  it('holds nothing for memory:// and idb:// addresses', async () => {
    const one = await lockPGliteFolder('memory://');
    const two = await lockPGliteFolder('memory://');
    await one.release();
    await two.release();
    expect(one.folder).toBe('memory://');
  });

  it('is let go once, whatever the number of releases', async () => {
    const lock = await lockPGliteFolder(join(parent, 'twice'));
    await lock.release();
    await lock.release();
    const again = await lockPGliteFolder(join(parent, 'twice'));
    await expect(lockPGliteFolder(join(parent, 'twice'))).rejects.toMatchObject({
      code: 'folder-in-use',
    });
    await again.release();
  });
});
