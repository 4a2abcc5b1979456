/// <reference types="node" />
// The concurrency test: two runtimes send to the same instance at once. The store's
// expected-version check decides each race; the loser gets `version-conflict` with nothing
// stored and sends again. On PostgreSQL the two runtimes are two processes; on PGlite (one
// process only) they are two runtimes in this process, each with its own cache.
import { createManualClock, replay } from '@maslul/core';
import { afterAll, describe, it } from 'vitest';
import { sample } from '../../../../core/test-programs/sample-program.js';
import type { MaslulStore } from '../../index.js';
import { createPGliteStore } from '../../pglite/index.js';
import { runEvents, START } from '../sample-run.js';
import { postgresUrl } from '../stores.js';
import { sendAll, type WriterReport } from './send-all.js';
import { runTogether } from './spawn-child.js';
import {
  dropSchema,
  INSTANCE,
  NOW,
  newSchema,
  openTarget,
  runtimeOver,
  type Target,
} from './targets.js';

/** Events per writer. */
const COUNT = 40;
const PREFIXES = ['a', 'b'] as const;

interface Arena {
  readonly name: string;
  /** The store the test sets up and checks. */
  open(): Promise<MaslulStore>;
  /** Runs one writer per prefix, all at once. */
  race(store: MaslulStore): Promise<WriterReport[]>;
  close(): Promise<void>;
}

const lineOf = /^ack (\d+) (\S+) (new|dup)$/;

async function raceInChildren(target: Target): Promise<WriterReport[]> {
  // Both have loaded the instance before either sends: they start from the same version.
  const outputs = await runTogether(
    './child-racer.ts',
    PREFIXES.map((prefix) => ({ target, prefix, count: COUNT })),
  );
  return outputs.map((lines) => ({
    accepted: lines.flatMap((line) => {
      const match = lineOf.exec(line);
      return match
        ? [{ seq: Number(match[1]), key: match[2] as string, duplicate: match[3] === 'dup' }]
        : [];
    }),
    conflicts: Number(lines.at(-1)?.replace(/^done /, '') ?? Number.NaN),
  }));
}

function arenas(): Arena[] {
  const list: Arena[] = [
    {
      name: 'PGlite, two runtimes in one process',
      open: () => createPGliteStore(),
      race: (store) =>
        Promise.all(PREFIXES.map((prefix) => sendAll(runtimeOver(store), prefix, COUNT))),
      close: async () => {},
    },
  ];
  const url = postgresUrl();
  const target: Target = { kind: 'postgres', url, schema: newSchema('race') };
  list.push({
    name: 'PostgreSQL, two processes',
    open: () => openTarget(target),
    race: () => raceInChildren(target),
    close: () => dropSchema(url, target.schema),
  });
  return list;
}

describe.concurrent('createRuntime, two runtimes sending to one instance', () => {
  describe.each(arenas())('on $name', (arena) => {
    afterAll(() => arena.close());

    it('stores every accepted event once, gives the losers a conflict, and ends equal to a replay', async ({
      expect,
    }) => {
      const store = await arena.open();
      try {
        const setup = runtimeOver(store);
        await setup.create(INSTANCE, { start: START });
        // Up to the two initiatives, so that `initiative.measure` on "garden" is accepted.
        for (const { event, actor, at } of runEvents(0)) {
          expect(
            (await setup.send(INSTANCE, event as never, { actor: actor as never, at })).ok,
          ).toBe(true);
        }
        const before = await store.version(INSTANCE);

        const reports = await arena.race(store);

        const accepted = reports.flatMap((report) => report.accepted);
        expect(accepted).toHaveLength(PREFIXES.length * COUNT);
        expect(accepted.filter((one) => one.duplicate)).toEqual([]);
        // Both writers raced: at least one send lost and was sent again.
        const conflicts = reports.map((report) => report.conflicts);
        for (const count of conflicts) expect(Number.isInteger(count)).toBe(true);
        expect(conflicts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

        const history = await setup.history(INSTANCE);
        const raced = history.slice(before);
        expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
        // Each accepted key is stored once, at the seq its writer was told; nothing else is.
        const stored = raced.map((e) => e.idempotencyKey ?? '(no key)');
        expect(new Set(stored).size).toBe(stored.length);
        expect([...stored].sort()).toEqual(accepted.map((one) => one.key).sort());
        const seqOf = new Map(raced.map((e) => [e.idempotencyKey, e.seq]));
        for (const one of accepted) expect(seqOf.get(one.key), one.key).toBe(one.seq);
        // Each writer's own events are stored in the order it sent them.
        for (const prefix of PREFIXES) {
          const mine = stored.filter((key) => key.startsWith(`${prefix}-`));
          expect(mine).toEqual(Array.from({ length: COUNT }, (_, i) => `${prefix}-${i}`));
        }

        const view = await runtimeOver(store).open(INSTANCE);
        expect(view.version).toBe(history.length);
        const replayed = replay(sample, history, { start: START, clock: createManualClock(NOW) });
        expect(JSON.stringify(view.snapshot())).toBe(JSON.stringify(replayed.snapshot()));
      } finally {
        await store.close();
      }
    });
  });
});
