// The plan is solved again only when its inputs change (the steps record, and what the items'
// planned events hold); the deadlines an instance gives after each event must still be exactly
// those of a full re-plan from the facts. fast-check drives random event sequences, accepted and
// refused, through two programs (one with planned item series) and compares after every event.
import { mondayToFriday, solve } from '@maslul/timing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grants, openPayload } from '../../test-programs/grants-program.js';
import { sample } from '../../test-programs/sample-program.js';
import { createManualClock } from '../clock.js';
import { deadlinesOf } from '../deadlines.js';
import { createInstance, type ProgramInstance } from '../instance.js';
import { plannedSchedule } from '../planned-items.js';
import type { Program } from '../program.js';

const START = '2027-01-04';

/** The deadlines of a plan solved from scratch from the instance's current facts. */
function fullReplan(program: Program, instance: ProgramInstance) {
  const context = instance.snapshot().machine.context;
  const { schedule, facts } = plannedSchedule(program, context);
  const plan = solve(schedule, {
    start: START,
    calendar: mondayToFriday,
    facts,
    target: program.target,
  });
  // A copy, so the memo of deadlinesOf (by plan object) is not what is compared.
  return deadlinesOf(plan).map((d) => ({ ...d }));
}

function run(
  program: Program,
  pool: readonly { event: object; roles: readonly string[] }[],
  steps: readonly { pick: number; days: number }[],
): void {
  const clock = createManualClock(`${START}T09:00:00Z`);
  const instance = createInstance(program, { start: START, clock });
  let time = Date.parse(`${START}T09:00:00Z`);
  for (const { pick, days } of steps) {
    time += days * 86_400_000;
    clock.advanceTo(time);
    const { event, roles } = pool[pick % pool.length] as (typeof pool)[number];
    instance.send(event as never, { actor: { id: 'noa', roles } as never });
    expect(instance.deadlines()).toEqual(fullReplan(program, instance));
  }
}

const sequences = fc.array(fc.record({ pick: fc.nat(), days: fc.integer({ min: 0, max: 25 }) }), {
  minLength: 1,
  maxLength: 30,
});

describe('the plan memo', () => {
  it('gives the deadlines of a full re-plan after every event of the sample program', () => {
    const all = ['steering', 'manager', 'member'];
    const pool = [
      { type: 'scope', payload: { areas: ['north'] } },
      { type: 'meeting1', payload: { challenges: ['a', 'b', 'c', 'd', 'e'] } },
      { type: 'mapping.start' },
      { type: 'hackathon' },
      { type: 'mapping.finish', payload: { summary: 'picture' } },
      { type: 'teamMeetings' },
      { type: 'review' },
      { type: 'decision', payload: { continued: [] } },
      { type: 'initiative.create', item: 'i1', payload: { title: 'Garden', challenges: ['a'] } },
      { type: 'initiative.create', item: 'i2', payload: { title: 'Bench', challenges: ['b'] } },
      { type: 'initiative.measure', item: 'i1', payload: { progress: 0.5 } },
      { type: 'initiative.measure', item: 'i2', payload: { progress: 0 } },
      { type: 'initiative.stop', item: 'i2', payload: { reason: 'no progress' } },
    ].map((event) => ({ event, roles: all }));
    fc.assert(
      fc.property(sequences, (steps) => run(sample as Program, pool, steps)),
      { numRuns: 60 },
    );
  });

  it('gives the deadlines of a full re-plan after every event of a program with planned item series', () => {
    const pool = [
      { event: { type: 'open', payload: openPayload }, roles: ['board'] },
      { event: { type: 'close' }, roles: ['board'] },
      ...['garden', 'bench'].flatMap((item) => [
        {
          event: { type: 'application.create', item, payload: { applicant: 'noa', title: item } },
          roles: ['applicant'],
        },
        { event: { type: 'application.grant', item }, roles: ['board'] },
        { event: { type: 'application.refuse', item }, roles: ['board'] },
        { event: { type: 'application.appeal', item }, roles: ['applicant'] },
        { event: { type: 'application.report', item }, roles: ['applicant'] },
        { event: { type: 'application.report', item }, roles: ['applicant'] },
      ]),
    ];
    fc.assert(
      fc.property(sequences, (steps) => run(grants as Program, pool, steps)),
      { numRuns: 60 },
    );
  });
});

describe('re-planning', () => {
  it('solves nothing for an item event that touches no input of the plan', () => {
    const clock = createManualClock('2027-03-01T09:00:00Z');
    const instance = createInstance(sample, { start: START, clock });
    const steering = { id: 'mayor', roles: ['steering' as const] };
    const manager = { id: 'dana', roles: ['manager' as const] };
    const five = ['a', 'b', 'c', 'd', 'e'];
    instance.send(
      { type: 'scope', payload: { areas: ['north'] } },
      { actor: steering, at: '2027-01-04T09:00:00Z' },
    );
    instance.send(
      { type: 'meeting1', payload: { challenges: five } },
      { actor: steering, at: '2027-01-18T09:00:00Z' },
    );
    instance.send({ type: 'hackathon' }, { actor: manager, at: '2027-02-18T09:00:00Z' });
    const before = instance.schedule().plan;
    const deadlines = instance.deadlines();
    const created = instance.send(
      { type: 'initiative.create', item: 'i1', payload: { title: 'Garden', challenges: ['a'] } },
      { actor: manager },
    );
    const measured = instance.send(
      { type: 'initiative.measure', item: 'i1', payload: { progress: 0.2 } },
      { actor: manager },
    );
    expect(instance.schedule().plan).toBe(before);
    expect(created.ok && created.deadlines).toBe(deadlines);
    expect(measured.ok && measured.deadlines).toBe(deadlines);
    // A step event changes the facts: a new plan.
    instance.send({ type: 'mapping.start' }, { actor: manager });
    expect(instance.schedule().plan).not.toBe(before);
  });
});
