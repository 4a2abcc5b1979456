import { kehilaMetiva } from '@maslul/kehila-metiva';
import { defineSchedule, type PlannedStep, solve } from '@maslul/timing';
import { describe, expectTypeOf, it } from 'vitest';
import { type ProgramInfo, toCsv, toICalendar, toMermaidGantt } from '../index.js';

const plan = solve(
  defineSchedule({ kickoff: {}, meetings: { repeat: { every: 'P2W', count: 4 } } }),
  {
    start: '2027-01-04',
  },
);

describe('export types', () => {
  it('takes a @maslul/core program as the program info', () => {
    expectTypeOf(kehilaMetiva).toExtend<ProgramInfo>();
  });

  it('checks the step ids of per-step meeting times', () => {
    toICalendar(plan, { id: 'x', stamp: 0, times: { meetings: { start: '09:00' } } });
    // @ts-expect-error: "meeting" is not a step of the plan
    toICalendar(plan, { id: 'x', stamp: 0, times: { meeting: { start: '09:00' } } });
  });

  it('needs a calendar id and an export instant for iCalendar', () => {
    // @ts-expect-error: no stamp
    toICalendar(plan, { id: 'x' });
    expectTypeOf(toICalendar(plan, { id: 'x', stamp: new Date(0) })).toEqualTypeOf<string>();
  });

  it('names steps with the plan’s own step type', () => {
    toMermaidGantt(plan, {
      label: (step) => {
        expectTypeOf(step).toEqualTypeOf<PlannedStep<'kickoff' | 'meetings'>>();
        return step.id;
      },
    });
    // @ts-expect-error: not a column
    toCsv(plan, { columns: ['id', 'owner'] });
  });
});
