/// <reference types="node" />
// Child of concurrency.test.ts: loads the instance, prints `ready`, waits for the parent's `go`,
// then sends its events as fast as it can, each until it is accepted (see `sendAll`), printing
// `ack <seq> <key> <new|dup>` for each and `done <conflicts>` at the end.

import { sendAll } from './send-all.js';
import { firstLineOfStdin } from './spawn-child.js';
import { INSTANCE, openTarget, runtimeOver, type Target } from './targets.js';

const { target, prefix, count } = JSON.parse(process.argv[2] ?? '{}') as {
  target: Target;
  prefix: string;
  count: number;
};
const store = await openTarget(target);
const runtime = runtimeOver(store);
await runtime.open(INSTANCE);
console.log('ready');
await firstLineOfStdin();
const { conflicts } = await sendAll(runtime, prefix, count, (ack) =>
  console.log(`ack ${ack.seq} ${ack.key} ${ack.duplicate ? 'dup' : 'new'}`),
);
await store.close();
console.log(`done ${conflicts}`);
