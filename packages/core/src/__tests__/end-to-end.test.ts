import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manager, member, sample, steering } from '../../test-programs/sample-program.js';
import { createManualClock, MAX_TIMER_DELAY } from '../clock.js';
import type { Deadline } from '../deadlines.js';
import type { ProgramEvent } from '../events.js';
import { type Actor, createInstance } from '../instance.js';
import { deadlineKey } from '../timer-actor.js';

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
beforeEach(() => {
  warnings.length = 0;
  process.on('warning', onWarning);
});
afterEach(() => {
  process.off('warning', onWarning);
});

type Script = readonly [
  at: string,
  event: ProgramEvent<typeof sample>,
  actor: Actor<'steering' | 'manager' | 'member'>,
][];

// One run of the sample program: months between some events (the review comes about nine months
// after the hackathon), so deadlines lie far more than 24.8 days (2^31-1 ms) apart.
const firstHalf: Script = [
  ['2027-01-04T09:00:00Z', { type: 'scope', payload: { areas: ['north', 'old town'] } }, steering],
  [
    '2027-01-18T09:00:00Z',
    { type: 'meeting1', payload: { challenges: ['a', 'b', 'c', 'd', 'e'] } },
    steering,
  ],
  ['2027-01-19T09:00:00Z', { type: 'mapping.start' }, manager],
  ['2027-02-18T09:00:00Z', { type: 'hackathon' }, manager],
  [
    '2027-02-25T09:00:00Z',
    {
      type: 'initiative.create',
      item: 'garden',
      payload: { title: 'Community garden', challenges: ['a'] },
    },
    manager,
  ],
  [
    '2027-02-25T10:00:00Z',
    {
      type: 'initiative.create',
      item: 'repair-cafe',
      payload: { title: 'Repair café', challenges: ['c', 'e'] },
    },
    manager,
  ],
  [
    '2027-04-19T09:00:00Z',
    { type: 'mapping.finish', payload: { summary: 'situation picture' } },
    manager,
  ],
  ['2027-05-03T09:00:00Z', { type: 'teamMeetings' }, member],
  ['2027-05-17T09:00:00Z', { type: 'teamMeetings' }, member],
  ['2027-05-31T09:00:00Z', { type: 'teamMeetings' }, manager],
  ['2027-06-14T09:00:00Z', { type: 'teamMeetings' }, member],
  [
    '2027-08-20T09:00:00Z',
    { type: 'initiative.measure', item: 'garden', payload: { progress: 0.4 } },
    manager,
  ],
  [
    '2027-08-20T10:00:00Z',
    { type: 'initiative.measure', item: 'repair-cafe', payload: { progress: 0 } },
    manager,
  ],
];
const secondHalf: Script = [
  ['2027-11-18T09:00:00Z', { type: 'review' }, steering],
  ['2027-11-22T09:00:00Z', { type: 'initiative.continue', item: 'garden' }, steering],
  [
    '2027-11-22T10:00:00Z',
    {
      type: 'initiative.stop',
      item: 'repair-cafe',
      payload: { reason: 'no progress on any objective' },
    },
    steering,
  ],
  [
    '2027-11-25T09:00:00Z',
    { type: 'decision', payload: { continued: ['initiative 3'] } },
    steering,
  ],
];

describe('the sample program, end to end on a simulated clock', () => {
  // Delivering the deadlines is the timer worker's (@maslul/store, its timer-worker and
  // reliability tests): here, what the instance plans as it runs.
  it('runs both tracks to the decision, its deadlines moving on with every event', () => {
    const clock = createManualClock('2027-01-04T08:00:00Z');
    const instance = createInstance(sample, { start: '2027-01-04', clock });
    const seen = new Map<string, Deadline>();
    const keep = (deadlines: readonly Deadline[]) => {
      for (const deadline of deadlines) seen.set(deadlineKey(deadline), deadline);
    };
    keep(instance.deadlines());
    const run = (script: Script) => {
      for (const [at, event, actor] of script) {
        clock.advanceTo(at);
        const result = instance.send(event, { actor });
        if (!result.ok) throw result.refusal;
        // Every deadline still planned is of a step not finished, at the start of its day.
        for (const deadline of result.deadlines) {
          const steps: Record<string, { recorded: { finish: boolean } }> =
            instance.schedule().plan.steps;
          expect(steps[deadline.step]?.recorded.finish).toBeFalsy();
          expect(new Date(deadline.at).toISOString().slice(11)).toMatch(/^\d\d:00:00.000Z$/);
        }
        keep(result.deadlines);
      }
    };
    run(firstHalf);
    // Four months without events: the plan does not change by itself.
    const before = instance.deadlines();
    clock.advanceTo('2027-10-20T00:00:00Z');
    expect(instance.deadlines()).toEqual(before);
    run(secondHalf);
    clock.advanceTo('2028-06-01T00:00:00Z');

    expect(instance.current()).toEqual({
      strategy: { step: 'done', running: false },
      pilot: { step: 'done', running: false },
      convergence: { step: 'done', running: false },
    });
    expect(instance.deadlines()).toEqual([]);
    const items = instance.snapshot().machine.context.items;
    expect([items.garden?.state, items['repair-cafe']?.state]).toEqual(['continued', 'stopped']);
    // Hackathon to review: deadlines months apart, more than one real timer could wait.
    const ats = [...seen.values()].map((d) => d.at).sort((x, y) => x - y);
    const gaps = ats.slice(1).map((at, i) => at - (ats[i] as number));
    expect(Math.max(...gaps)).toBeGreaterThan(MAX_TIMER_DELAY);
    expect(warnings.filter((w) => w.name === 'TimeoutOverflowWarning')).toEqual([]);
  });
});
