/// <reference types="node" />
// Child of crash.test.ts: sends the fixture's run from event `from` on, each with the idempotency
// key `ev-<index>`. Prints `opening` before it opens the store, then
// `ack <index> <seq> <key> <new|dup>` once a send has resolved (the event is stored). The parent
// kills it at random points and starts another one.
import { runEvents, START } from '../fixture-program.js';
import { codeOf, INSTANCE, MEASURES, openTarget, runtimeOver, type Target } from './targets.js';

const { target, from } = JSON.parse(process.argv[2] ?? '{}') as { target: Target; from: number };
console.log('opening');
const store = await openTarget(target);
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
