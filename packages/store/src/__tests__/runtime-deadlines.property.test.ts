// The runtime stores only the changes of an instance's deadlines with each event, and skips the
// diff when the event changed none of the plan's inputs (an item event that plans nothing). The
// timers stored after any sequence of events must still be exactly the deadlines of a full
// replay of the stored log. fast-check drives random sequences, accepted and refused.
import { createManualClock, createRuntime, replay } from '@maslul/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manager, sample, steering } from '../../../core/test-programs/sample-program.js';
import { createMemoryStore } from '../index.js';
import { CHALLENGES, START } from './sample-run.js';

const pool = [
  { event: { type: 'scope', payload: { areas: ['north'] } }, actor: steering },
  { event: { type: 'meeting1', payload: { challenges: CHALLENGES } }, actor: steering },
  { event: { type: 'hackathon' }, actor: manager },
  { event: { type: 'review' }, actor: steering },
  ...['garden', 'library'].flatMap((item) => [
    {
      event: { type: 'initiative.create', item, payload: { title: item, challenges: ['youth'] } },
      actor: manager,
    },
    { event: { type: 'initiative.measure', item, payload: { progress: 0.5 } }, actor: manager },
    { event: { type: 'initiative.stop', item, payload: { reason: 'done' } }, actor: steering },
  ]),
];

describe('runtime deadline changes', () => {
  it('stores timers equal to the deadlines of a full replay after every event', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ pick: fc.nat(), days: fc.integer({ min: 0, max: 40 }) }), {
          minLength: 1,
          maxLength: 25,
        }),
        async (steps) => {
          const clock = createManualClock(`${START}T09:00:00Z`);
          const store = createMemoryStore();
          const runtime = createRuntime(sample, { store, clock });
          await runtime.create('town', { start: START });
          let time = Date.parse(`${START}T09:00:00Z`);
          for (const { pick, days } of steps) {
            time += days * 86_400_000;
            clock.advanceTo(time);
            const { event, actor } = pool[pick % pool.length] as (typeof pool)[number];
            await runtime.send('town', event as never, { actor: actor as never });
            const replayed = replay(sample, await store.events('town'), { start: START, clock });
            const key = (d: { id: string; at: number }) => `${d.id}@${d.at}`;
            const stored = (await store.timers('town'))
              .filter((t) => t.firedAt === undefined)
              .map((t) => key(t.deadline))
              .sort();
            expect(stored).toEqual(replayed.deadlines().map(key).sort());
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
