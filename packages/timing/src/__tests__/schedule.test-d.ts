import { describe, expectTypeOf, it } from 'vitest';
import {
  about,
  criticalPath,
  defineSchedule,
  explain,
  type Plan,
  type PlannedStep,
  type StepStatus,
  solve,
  statusAt,
} from '../index.js';
import { rrule } from '../rrule/index.js';

const schedule = defineSchedule({
  S3: { label: 'Shaping committee 2' },
  S4: { after: { step: 'S3', lag: about(2, 'weeks') } },
  X1: { after: [{ step: 'S4', lag: 'P1M' }, 'S3'] },
});

describe('defineSchedule types', () => {
  it('infers the step ids as literals', () => {
    expectTypeOf(schedule.order).toEqualTypeOf<readonly ('S3' | 'S4' | 'X1')[]>();
    expectTypeOf(schedule.steps).toHaveProperty('X1');
  });

  it('refuses references to steps that do not exist', () => {
    // @ts-expect-error "S3x" is not a step
    defineSchedule({ S3: {}, S4: { after: 'S3x' } });
    // @ts-expect-error not a step, inside a relation object
    defineSchedule({ S3: {}, S4: { after: { step: 'S5', lag: 'P2W' } } });
    // @ts-expect-error not a step, inside a join
    defineSchedule({ S3: {}, S4: {}, C: { after: ['S3', 'S9'] } });
  });

  it('refuses malformed relations and steps', () => {
    // @ts-expect-error `from` is 'finish' or 'start'
    defineSchedule({ a: {}, b: { after: { step: 'a', from: 'end' } } });
    // @ts-expect-error a lag is a Duration or an ISO string, not a number of days
    defineSchedule({ a: {}, b: { after: { step: 'a', lag: 14 } } });
    // @ts-expect-error unknown field on a step
    defineSchedule({ a: {}, b: { afterr: 'a' } });
    // @ts-expect-error a series needs every and count
    defineSchedule({ a: { repeat: { every: 'P2W' } } });
    // @ts-expect-error RRULE text goes through rrule() of @maslul/timing/rrule
    defineSchedule({ a: { repeat: 'FREQ=WEEKLY;COUNT=4' } });
    // @ts-expect-error an RRULE series comes from rrule(), which gives the class that reads it
    defineSchedule({ a: { repeat: { rrule: 'FREQ=WEEKLY;COUNT=4' } } });
    defineSchedule({ a: { repeat: rrule('FREQ=WEEKLY;COUNT=4') } });
  });
});

describe('solve and queries types', () => {
  const plan = solve(schedule, { start: '2027-01-04', facts: { S3: '2027-01-05' }, target: 'X1' });

  it('keeps the ids in the plan', () => {
    expectTypeOf(plan).toEqualTypeOf<Plan<'S3' | 'S4' | 'X1'>>();
    expectTypeOf(plan.steps.S4).toEqualTypeOf<PlannedStep<'S3' | 'S4' | 'X1'>>();
    expectTypeOf(statusAt(plan, '2027-02-01')).toEqualTypeOf<
      Record<'S3' | 'S4' | 'X1', StepStatus>
    >();
    expectTypeOf(criticalPath(plan, 'X1')).toEqualTypeOf<('S3' | 'S4' | 'X1')[]>();
  });

  it('refuses facts, targets and queries for unknown steps', () => {
    // @ts-expect-error a fact for a step that does not exist
    solve(schedule, { start: '2027-01-04', facts: { S5: '2027-01-05' } });
    // @ts-expect-error an unknown target
    solve(schedule, { start: '2027-01-04', target: 'C' });
    // @ts-expect-error explain an unknown step
    explain(plan, 'S9');
    // @ts-expect-error critical path to an unknown step
    criticalPath(plan, 'S9');
    // @ts-expect-error a fact date must be YYYY-MM-DD-shaped
    solve(schedule, { start: '2027-01-04', facts: { S3: 'yesterday' } });
  });
});
