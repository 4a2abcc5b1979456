import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, MAX_TIMER_DELAY } from '../clock.js';
import type { Deadline } from '../deadlines.js';
import type { ProgramEvent } from '../events.js';
import { type Actor, createInstance } from '../instance.js';
import { createScheduler, deliveryKey } from '../scheduler.js';
import { manager, member, sample, steering } from './sample-program.js';

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
  it('runs both tracks to the decision, delivering every deadline once at its instant', () => {
    const clock = createManualClock('2027-01-04T08:00:00Z');
    const instance = createInstance(sample, { start: '2027-01-04', clock });
    const delivered: (Deadline & { readonly now: number })[] = [];
    const deliver = (deadline: Deadline) => {
      delivered.push({ ...deadline, now: clock.now() });
    };
    let scheduler = createScheduler<Deadline>({ clock, timers: clock, deliver });
    const replacedAt: number[] = [clock.now()];
    scheduler.replace(instance.deadlines());
    scheduler.start();

    const run = (script: Script) => {
      for (const [at, event, actor] of script) {
        clock.advanceTo(at);
        const result = instance.send(event, { actor });
        if (!result.ok) throw result.refusal;
        scheduler.replace(result.deadlines);
        replacedAt.push(clock.now());
      }
    };
    run(firstHalf);

    // The process is down for four months: nothing is delivered while it is.
    scheduler.stop();
    const beforeDowntime = delivered.length;
    clock.advanceTo('2027-10-20T00:00:00Z');
    expect(delivered).toHaveLength(beforeDowntime);
    // It comes back: what fell due meanwhile is delivered once, on start, and never again.
    scheduler = createScheduler<Deadline>({
      clock,
      timers: clock,
      deliver,
      alreadyDelivered: scheduler.delivered(),
    });
    scheduler.replace(instance.deadlines());
    scheduler.start();
    clock.advanceBy(0); // the missed deadlines after the first go out on the next tick
    const missed = delivered.slice(beforeDowntime);
    expect(missed.map((d) => d.id)).toContain('review:opens');
    expect(missed.every((d) => d.now === Date.parse('2027-10-20T00:00:00Z') && d.at <= d.now)).toBe(
      true,
    );

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
    // While running, no deadline came early, and each came at its instant unless it was already
    // past when an event re-planned it (then at once); none came twice.
    expect(delivered.every((d) => d.now >= d.at)).toBe(true);
    const live = delivered.filter((d) => !missed.includes(d));
    for (const d of live.filter((x) => x.now !== x.at)) {
      expect(
        replacedAt.some((r) => d.at < r && r <= d.now),
        d.id,
      ).toBe(true);
    }
    expect(live.filter((d) => d.now === d.at).length).toBeGreaterThan(10);
    const keys = delivered.map(deliveryKey);
    expect(new Set(keys).size).toBe(keys.length);
    // Hackathon to review: months without events, bridged by chunked waits.
    const gaps = delivered.slice(1).map((d, i) => d.at - (delivered[i] as Deadline).at);
    expect(Math.max(...gaps)).toBeGreaterThan(MAX_TIMER_DELAY);
    expect(clock.largestDelay()).toBeLessThanOrEqual(MAX_TIMER_DELAY);
    expect(warnings.filter((w) => w.name === 'TimeoutOverflowWarning')).toEqual([]);
  });
});
