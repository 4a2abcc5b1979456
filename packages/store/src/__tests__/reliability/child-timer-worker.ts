/// <reference types="node" />
// Child of deadlines.test.ts: opens the store, prints `ready`, waits for the parent's `go`, then
// runs one timer worker's `runDue()` and prints `fire <instanceId> <deadline id> <at>` for each
// delivery and `done <fired>` at the end.
import { createManualClock } from '@maslul/core';
import { createTimerWorker } from '../../index.js';
import { firstLineOfStdin } from './spawn-child.js';
import { NOW, openTarget, type Target } from './targets.js';

const { target, worker, batchSize } = JSON.parse(process.argv[2] ?? '{}') as {
  target: Target;
  worker: string;
  batchSize: number;
};
const store = await openTarget(target);
const timers = createTimerWorker({
  store,
  clock: createManualClock(NOW),
  worker,
  batchSize,
  deliver: ({ instanceId, deadline }) => {
    console.log(`fire ${instanceId} ${deadline.id} ${deadline.at}`);
  },
  onError: (error) => {
    console.error(error);
    process.exitCode = 1;
  },
});
console.log('ready');
await firstLineOfStdin();
const fired = await timers.runDue();
await store.close();
console.log(`done ${fired}`);
