/// <reference types="node" />
// The crash test: a child process sends events and is killed with SIGKILL at random
// points, then another one takes over. Every acknowledged event must be stored exactly once, and
// the stored state must equal a replay of the log. The kill points come from a seeded generator:
// a failure prints its seed; run again with MASLUL_SEED=<seed> to get the same plan.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createManualClock, replay } from '@maslul/core';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, it } from 'vitest';
import { sample } from '../../../../core/test-programs/sample-program.js';
import { runEvents, START } from '../sample-run.js';
import { postgresUrl } from '../stores.js';
import { spawnChild } from './spawn-child.js';
import {
  dropSchema,
  INSTANCE,
  MEASURES,
  NOW,
  newSchema,
  openWithSql,
  runtimeOver,
  SNAPSHOT_EVERY,
  type Target,
} from './targets.js';

const KILLS = 3;
/** Each writer is a new Node process with tsx and, on PGlite, a database to open: give it time. */
const TIMEOUT = 240_000;
const seed = Number(process.env.MASLUL_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.info(`crash.test.ts: seed ${seed} (MASLUL_SEED=${seed} repeats the kill plan)`);

/** A seeded generator (pure-rand's xoroshiro128+): `below(n)` is a whole number in [0, n). */
function seeded(state: number) {
  const rng = xoroshiro128plus(state);
  return (n: number) => uniformInt(rng, 0, n - 1);
}

interface Ack {
  readonly line: string;
  readonly index: number;
  readonly seq: number;
  readonly key: string;
  readonly duplicate: boolean;
}

const ackOf = (line: string): Ack | undefined => {
  const match = /^ack (\d+) (\d+) (\S+) (new|dup)$/.exec(line);
  if (!match) return undefined;
  const [, index, seq, key, kind] = match;
  return {
    line,
    index: Number(index),
    seq: Number(seq),
    key: key as string,
    duplicate: kind === 'dup',
  };
};

interface Case {
  readonly name: string;
  /** A new, empty target, and how to remove it. */
  prepare(): { readonly target: Target; cleanup(): Promise<void> };
}

function cases(): Case[] {
  const list: Case[] = [
    {
      name: 'a PGlite folder',
      prepare: () => {
        const folder = mkdtempSync(join(tmpdir(), 'maslul-crash-'));
        return {
          target: { kind: 'pglite', dataDir: join(folder, 'db') },
          cleanup: async () => rmSync(folder, { recursive: true, force: true }),
        };
      },
    },
  ];
  const url = postgresUrl();
  list.push({
    name: 'PostgreSQL',
    prepare: () => {
      const schema = newSchema('crash');
      return {
        target: { kind: 'postgres', url, schema },
        cleanup: () => dropSchema(url, schema),
      };
    },
  });
  return list;
}

/** Runs of each case so far: a retry plans its kills from the next seed. */
const attempts = new Map<string, number>();

describe.concurrent('createRuntime, its writer killed with SIGKILL', () => {
  describe.each(cases())('on $name', (kase) => {
    // One retry, with a new kill plan: in about twenty runs on a loaded machine, once a PGlite
    // writer exited by itself (no signal, nothing on stderr) before its planned kill. Not
    // reproduced since; the failure message now carries the exit code and last line.
    const retry = { timeout: TIMEOUT, retry: 1 };
    it(
      'stores every acknowledged event exactly once, seqs 1..n, with a snapshot equal to a replay',
      retry,
      async ({ expect, onTestFinished }) => {
        const { target, cleanup } = kase.prepare();
        onTestFinished(cleanup);
        const attempt = attempts.get(kase.name) ?? 0;
        attempts.set(kase.name, attempt + 1);
        const below = seeded(seed + attempt); // a retry gets a new kill plan
        const events = runEvents(MEASURES);
        const acks: Ack[] = [];
        const plan: string[] = [];
        let from = 0;
        let kills = 0;
        for (let round = 0; round <= KILLS; round += 1) {
          const child = spawnChild('./child-sender.ts', { target, from });
          if (round < KILLS) {
            // The first writer must get going (PGlite creates its folder then: a crash in the
            // middle of that is PGlite's, not the store's); later ones may also die while they
            // open the store (PGlite recovers its folder), migrate or load the instance.
            const after = round === 0 ? 1 + below(10) : below(11);
            const delay = after === 0 ? below(1000) : below(4);
            plan.push(after === 0 ? `opening + ${delay} ms` : `${after} acks + ${delay} ms`);
            const kill = () => setTimeout(() => child.kill(), delay);
            let seen = 0;
            child.onLine((line) => {
              if (after === 0 && line === 'opening') kill();
              // A fast machine may open the store within the delay: kill it at its first ack.
              else if (ackOf(line) && ++seen === Math.max(after, 1)) {
                if (after === 0) child.kill();
                else kill();
              }
            });
          }
          const exit = await child.exited;
          const context = `seed ${seed}, round ${round}, kill plan [${plan.join('; ')}], exit ${JSON.stringify(exit)}, last line ${JSON.stringify(child.lines.at(-1))}\n${child.stderr()}`;
          if (round < KILLS) {
            expect(exit.signal, context).toBe('SIGKILL');
            kills += 1;
          } else {
            expect(exit.code, context).toBe(0);
            expect(child.lines.at(-1), context).toBe('done');
          }
          const mine = child.lines.map(ackOf).filter((ack) => ack !== undefined);
          acks.push(...mine);
          // Send again a few events it acknowledged: a retried key must be applied once.
          const next = Math.max(from, ...mine.map((ack) => ack.index + 1));
          from = Math.max(0, next - 1 - below(3));
        }
        expect(kills).toBe(KILLS);

        const opened = await openWithSql(target);
        try {
          const { store } = opened;
          const runtime = runtimeOver(store);
          const history = await runtime.history(INSTANCE);
          const context = `seed ${seed}, kill plan [${plan.join('; ')}]`;
          expect(
            history.map((e) => e.seq),
            context,
          ).toEqual(events.map((_, i) => i + 1));
          expect(
            history.map((e) => e.idempotencyKey),
            context,
          ).toEqual(events.map((_, i) => `ev-${i}`));
          expect(history.map((e) => [e.type, e.item, e.payload, e.at])).toEqual(
            events.map(({ event, at }) => [event.type, event.item, event.payload, at]),
          );
          // Every acknowledgement, the first and the retried ones, names the one stored event.
          for (const ack of acks) expect(ack.seq, `${ack.line}; ${context}`).toBe(ack.index + 1);
          expect(
            acks.some((ack) => ack.duplicate),
            context,
          ).toBe(true);

          const replayTo = (seq: number) =>
            JSON.stringify(
              replay(sample, history.slice(0, seq), {
                start: START,
                clock: createManualClock(NOW),
              }).snapshot(),
            );
          const view = await runtime.open(INSTANCE);
          expect(view.version).toBe(events.length);
          expect(JSON.stringify(view.snapshot()), context).toBe(replayTo(events.length));
          // Every snapshot written, kills or not, is the replay of the events up to it.
          const snapshots = await opened.sql<{ seq: number; body: string }>(
            `SELECT seq, body FROM ${opened.schema}.snapshots WHERE instance_id = $1 ORDER BY seq`,
            [INSTANCE],
          );
          expect(snapshots.map((row) => Number(row.seq))).toEqual(
            Array.from(
              { length: Math.floor(events.length / SNAPSHOT_EVERY) + 1 },
              (_, i) => i * SNAPSHOT_EVERY,
            ),
          );
          for (const row of snapshots) {
            expect(row.body, `snapshot at seq ${row.seq}; ${context}`).toBe(
              replayTo(Number(row.seq)),
            );
          }
        } finally {
          await opened.close();
        }
      },
    );
  });
});
