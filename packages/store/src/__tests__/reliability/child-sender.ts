/// <reference types="node" />
// Child of crash.test.ts: sends the sample run from event `from` on, each with the idempotency
// key `ev-<index>`. Prints `opening` before it opens the store, then
// `ack <index> <seq> <key> <new|dup>` once a send has resolved (the event is stored). The parent
// kills it at random points and starts another one. With `pauseAt`, it prints `paused` before
// that event and waits for a line on stdin. A store it may not open (another process has the
// PGlite folder) prints `refused <code> <message>` and exits with code 3.
import { runEvents, START } from '../sample-run.js';
import { firstLineOfStdin } from './spawn-child.js';
import { codeOf, INSTANCE, MEASURES, openTarget, runtimeOver, type Target } from './targets.js';

const { target, from, pauseAt } = JSON.parse(process.argv[2] ?? '{}') as {
  target: Target;
  from: number;
  pauseAt?: number;
};
console.log('opening');
const store = await openTarget(target).catch((error: unknown) => {
  console.log(`refused ${String(codeOf(error))} ${(error as Error).message}`);
  process.exit(3);
});
const runtime = runtimeOver(store);
try {
  await runtime.create(INSTANCE, { start: START });
} catch (error) {
  if (codeOf(error) !== 'instance-exists') throw error;
}
const events = runEvents(MEASURES);
for (let index = from; index < events.length; index += 1) {
  const { event, actor, at } = events[index] as (typeof events)[number];
  const key = `ev-${index}`;
  if (index === pauseAt) {
    console.log('paused');
    await firstLineOfStdin();
  }
  const result = await runtime.send(INSTANCE, event as never, {
    actor: actor as never,
    at,
    idempotencyKey: key,
  });
  if (!result.ok) throw new Error(`Event "${key}" was refused: ${result.refusal.message}`);
  console.log(`ack ${index} ${result.entry.seq} ${key} ${result.duplicate ? 'dup' : 'new'}`);
}
await store.close();
console.log('done');
