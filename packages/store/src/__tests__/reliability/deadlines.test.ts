/// <reference types="node" />
// The deadlines test: two timer workers on one database, 1,000 timers due; each fires
// exactly once. On PostgreSQL the workers are two processes (their claims race through
// `FOR UPDATE SKIP LOCKED`); on PGlite (one process only) they are two workers in this process.
import { createInstance, createManualClock, type Deadline } from '@maslul/core';
import { afterAll, describe, it } from 'vitest';
import { sample } from '../../../../core/test-programs/sample-program.js';
import { createTimerWorker, type MaslulStore } from '../../index.js';
import { createPGliteStore } from '../../pglite/index.js';
import { START } from '../sample-run.js';
import { postgresUrl } from '../stores.js';
import { runTogether } from './spawn-child.js';
import { dropSchema, NOW, NOW_MS, newSchema, openTarget, type Target } from './targets.js';

const INSTANCES = 100;
const PER_INSTANCE = 10;
const WORKERS = ['worker-a', 'worker-b'] as const;
const BATCH = 25;

interface WorkerReport {
  /** `instanceId deadlineId at`, one per delivery. */
  readonly delivered: readonly string[];
  readonly fired: number;
}

interface Arena {
  readonly name: string;
  open(): Promise<MaslulStore>;
  /** Runs `runDue()` of every worker at once. */
  runWorkers(store: MaslulStore): Promise<WorkerReport[]>;
  close(): Promise<void>;
}

const deliveryOf = (instanceId: string, deadline: Deadline) =>
  `${instanceId} ${deadline.id} ${deadline.at}`;

async function workInChildren(target: Target): Promise<WorkerReport[]> {
  const outputs = await runTogether(
    './child-timer-worker.ts',
    WORKERS.map((worker) => ({ target, worker, batchSize: BATCH })),
  );
  return outputs.map((lines) => ({
    delivered: lines
      .filter((line) => line.startsWith('fire '))
      .map((line) => line.slice('fire '.length)),
    fired: Number(lines.at(-1)?.replace(/^done /, '') ?? Number.NaN),
  }));
}

function arenas(): Arena[] {
  const list: Arena[] = [
    {
      name: 'PGlite, two workers in one process',
      open: () => createPGliteStore(),
      runWorkers: (store) =>
        Promise.all(
          WORKERS.map(async (worker) => {
            const delivered: string[] = [];
            const fired = await createTimerWorker({
              store,
              clock: createManualClock(NOW),
              worker,
              batchSize: BATCH,
              deliver: ({ instanceId, deadline }) => {
                delivered.push(deliveryOf(instanceId, deadline));
              },
              onError: (error) => {
                throw error;
              },
            }).runDue();
            return { delivered, fired };
          }),
        ),
      close: async () => {},
    },
  ];
  const url = postgresUrl();
  const target: Target = { kind: 'postgres', url, schema: newSchema('timers') };
  list.push({
    name: 'PostgreSQL, two processes',
    open: () => openTarget(target),
    runWorkers: () => workInChildren(target),
    close: () => dropSchema(url, target.schema),
  });
  return list;
}

/** Instance `i`'s deadlines: `PER_INSTANCE` of them, minutes apart, the latest at `NOW` itself. */
const deadlinesOf = (i: number, offset: number): Deadline[] =>
  Array.from({ length: PER_INSTANCE }, (_, j) => ({
    id: `d${j}`,
    step: 'scope',
    kind: 'due',
    date: '2029-12-31',
    at: NOW_MS + offset - (i * PER_INSTANCE + j) * 60_000,
  }));

describe.concurrent('createTimerWorker, two workers on one database', () => {
  describe.each(arenas())('on $name', (arena) => {
    afterAll(() => arena.close());

    it('fires each of 1,000 due timers exactly once, shared by both workers, and none not yet due', async ({
      expect,
    }) => {
      const store = await arena.open();
      try {
        const snapshot = createInstance(sample, {
          start: START,
          clock: createManualClock(NOW),
        }).snapshot();
        const due = new Set<string>();
        const stored = (id: string, deadlines: Deadline[]) =>
          store.create({
            id,
            program: { id: sample.id, version: sample.version },
            start: START,
            snapshot,
            deadlines,
          });
        for (let i = 0; i < INSTANCES; i += 1) {
          const deadlines = deadlinesOf(i, 0);
          await stored(`town-${i}`, deadlines);
          for (const deadline of deadlines) due.add(deliveryOf(`town-${i}`, deadline));
        }
        // Due a millisecond after now at the earliest: no worker may touch them.
        const later = deadlinesOf(0, PER_INSTANCE * 60_000 + 1).map((d) => ({
          ...d,
          id: `l${d.id}`,
        }));
        await stored('later', later);
        expect(due.size).toBe(INSTANCES * PER_INSTANCE);

        const reports = await arena.runWorkers(store);

        const delivered = reports.flatMap((report) => report.delivered);
        expect(delivered).toHaveLength(due.size);
        expect(new Set(delivered)).toEqual(due);
        expect(reports.map((report) => report.fired)).toEqual(
          reports.map((report) => report.delivered.length),
        );
        for (const report of reports) expect(report.delivered.length).toBeGreaterThan(0);

        const timers = await store.timers();
        const fired = timers.filter((timer) => timer.instanceId !== 'later');
        expect(fired).toHaveLength(due.size);
        for (const timer of fired) {
          expect(timer.firedAt, timer.deadline.id).toBe(NOW_MS);
          expect(timer.attempts).toBe(1);
          expect(timer.lastError).toBeUndefined();
        }
        const pending = timers.filter((timer) => timer.instanceId === 'later');
        expect(pending.map((timer) => [timer.firedAt, timer.attempts])).toEqual(
          later.map(() => [undefined, 0]),
        );
        expect(await store.nextDue()).toBe(Math.min(...later.map((d) => d.at)));
      } finally {
        await store.close();
      }
    });
  });
});
