// The cost of an item event against the length of the instance's history (issue #15): the same
// looping item event (`initiative.measure`, measured -> measured) is sent to an instance that has
// taken 1 event of it, and to one that has taken 40,000. An item's record keeps what rules need
// (the last date and payload, the first date, the count) in O(1) per event and the full history
// stays in the log, so the two cost the same.
//
// One sample is a batch of BATCH sends; the ratio is the median, over rounds, of the per-event
// time at 40,000 over the per-event time at 1, both measured seconds apart in each round.

import { createInstance, createManualClock, type ProgramInstance } from '@maslul/core';
import { sample } from '../test-programs/sample-program.js';

const clock = createManualClock('2028-01-01T00:00:00Z');
const manager = { id: 'dana', roles: ['manager' as const] };
const steering = { id: 'mayor', roles: ['steering' as const] };
const BATCH = 400;
const ROUNDS = 7;
const LONG = 40_000;

type Sample = ProgramInstance<typeof sample>;

function withInitiative(): Sample {
  const instance = createInstance(sample, { start: '2027-01-04', clock });
  const ok = (result: ReturnType<Sample['send']>) => {
    if (!result.ok) throw result.refusal;
  };
  ok(
    instance.send(
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: steering, at: '2027-01-04T09:00:00Z' },
    ),
  );
  ok(
    instance.send(
      { type: 'meeting1', payload: { challenges: ['a', 'b', 'c', 'd', 'e'] } },
      { actor: steering, at: '2027-01-18T09:00:00Z' },
    ),
  );
  ok(instance.send({ type: 'hackathon' }, { actor: manager, at: '2027-02-18T09:00:00Z' }));
  ok(
    instance.send(
      { type: 'initiative.create', item: 'i1', payload: { title: 'Garden', challenges: ['a'] } },
      { actor: manager, at: '2027-02-19T09:00:00Z' },
    ),
  );
  return instance;
}

let sink = 0;
const measure = (instance: Sample, n: number): void => {
  for (let i = 0; i < n; i++) {
    const result = instance.send(
      { type: 'initiative.measure', item: 'i1', payload: { progress: (i % 10) / 10 } },
      { actor: manager, at: '2027-03-01T09:00:00Z' },
    );
    if (!result.ok) throw result.refusal;
    sink += result.entry.seq;
  }
};
/** Microseconds per event of one batch sent to `instance`. */
const timed = (instance: Sample): number => {
  const started = process.hrtime.bigint();
  measure(instance, BATCH);
  return Number(process.hrtime.bigint() - started) / 1000 / BATCH;
};

// Warm up the code paths, then build the long instance once: every round adds BATCH to it.
for (let i = 0; i < 5; i++) timed(withInitiative());
const long = withInitiative();
measure(long, LONG);

const short: number[] = [];
const grown: number[] = [];
const ratios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const fresh = withInitiative();
  measure(fresh, 1);
  const a = timed(fresh);
  const b = timed(long);
  short.push(a);
  grown.push(b);
  ratios.push(b / a);
}
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[sorted.length >> 1] as number;
};
console.log(
  `# item event after 1: ${median(short).toFixed(1)} us per event (median of ${ROUNDS} rounds)`,
);
console.log(
  `# item event after ${LONG}: ${median(grown).toFixed(1)} us per event (median of ${ROUNDS} rounds)`,
);
console.log(`ratio item-event-growth-40000-over-1 ${median(ratios).toFixed(2)}`);
console.log(`target item-event-growth-40000-over-1 1.5 ${median(ratios) <= 1.5 ? 'ok' : 'MISSED'}`);
if (sink <= 0) throw new Error('nothing ran');
