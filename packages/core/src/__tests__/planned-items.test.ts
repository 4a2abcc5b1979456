import type { Forecast, Plan } from '@maslul/timing';
import { rrule } from '@maslul/timing/rrule';
import { describe, expect, it } from 'vitest';
import { board, grants, noa, openPayload } from '../../test-programs/grants-program.js';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import { createInstance } from '../instance.js';

function granted() {
  const clock = createManualClock('2027-01-04T09:00:00Z');
  const instance = createInstance(grants, { start: '2027-01-04', clock });
  const send = (at: string, event: never, actor: typeof board | typeof noa) => {
    clock.advanceTo(at);
    const result = instance.send(event, { actor });
    if (!result.ok) throw result.refusal;
  };
  send('2027-01-04T09:00:00Z', { type: 'open', payload: openPayload } as never, board);
  const apply = { applicant: 'noa', title: 'A garden' };
  send(
    '2027-01-11T09:00:00Z',
    { type: 'application.create', item: 'garden', payload: apply } as never,
    noa,
  );
  return { clock, instance, send };
}

describe('planned item events', () => {
  it('plans nothing for an item until the event it is planned from is recorded', () => {
    const { instance } = granted();
    expect(Object.keys((instance.schedule().plan as Plan).steps)).toEqual(['open', 'close']);
  });

  it('plans a series per item from that event, with its deadlines, and re-plans from each occurrence', () => {
    const { clock, instance, send } = granted();
    send('2027-01-18T09:00:00Z', { type: 'application.grant', item: 'garden' } as never, board);
    const plan = instance.schedule().plan as Plan;
    expect(plan.steps['garden.grant']).toMatchObject({ start: '2027-01-18', group: 'application' });
    const reports = plan.steps['garden.report'];
    expect(reports?.label).toBe('Progress report (garden)');
    expect(reports?.occurrences?.map((o) => o.date)).toEqual([
      '2027-02-18',
      '2027-03-18',
      '2027-04-19',
    ]);
    expect(instance.deadlines().filter((d) => d.step === 'garden.report')).toEqual([
      expect.objectContaining({ id: 'garden.report:opens' }),
      expect.objectContaining({ id: 'garden.report:due', date: '2027-02-18' }),
      expect.objectContaining({ id: 'garden.report:overdue' }),
    ]);
    // A rule sees whether the day is a working day: not on a Saturday.
    clock.advanceTo('2027-02-20T09:00:00Z');
    const saturday = instance.send({ type: 'application.report', item: 'garden' } as never, {
      actor: noa,
      at: '2027-02-20T09:00:00Z',
    });
    expect(saturday.ok ? undefined : saturday.refusal.rule).toBe('G6');
    // A first report a week late moves the next ones.
    send('2027-02-25T09:00:00Z', { type: 'application.report', item: 'garden' } as never, noa);
    const after = (instance.schedule().plan as Plan).steps['garden.report'];
    expect(after?.occurrences?.map((o) => o.date)).toEqual([
      '2027-02-25',
      '2027-03-25',
      '2027-04-26',
    ]);
    expect(
      (instance.forecast({ runs: 50, seed: 3 }) as Forecast).steps['garden.report']?.start.p50,
    ).toBe('2027-02-25');
    // Three reports finish the series: no deadlines are left for it.
    send('2027-03-25T09:00:00Z', { type: 'application.report', item: 'garden' } as never, noa);
    send('2027-04-26T09:00:00Z', { type: 'application.report', item: 'garden' } as never, noa);
    expect((instance.schedule().plan as Plan).steps['garden.report']?.recorded.finish).toBe(true);
    expect(instance.deadlines().some((d) => d.step === 'garden.report')).toBe(false);
  });

  it('refuses a plan after an event the item kind does not have', () => {
    const build = () =>
      defineProgram('bad', { version: 1, label: 'Bad' })
        .roles({ r: { label: 'R' } })
        .track('t', 'T', (t) => t.milestone('a', { label: 'A', by: ['r'] }))
        .item('thing', { label: 'Thing', states: ['new'], create: { by: ['r'] } }, (item) =>
          item.event('check', {
            label: 'Check',
            by: ['r'],
            from: ['new'],
            to: 'new',
            // @ts-expect-error an event the kind does not have does not compile either
            planned: { after: 'nothing', repeat: { every: 'P1W', count: 2 } },
          }),
        )
        .build();
    expect(build).toThrow(/planned after "nothing", which is not another event of "thing"/);
  });

  it("keeps the program's series as written when it adds the items' series: an rrule() and a monthly cadence", () => {
    const program = defineProgram('series', { version: 1, label: 'Series' })
      .roles({ r: { label: 'R' } })
      .track('t', 'T', (t) =>
        t
          .series('board', { label: 'Board', by: ['r'], repeat: rrule('FREQ=MONTHLY;COUNT=3') })
          .series('review', {
            label: 'Review',
            by: ['r'],
            after: [],
            repeat: { every: 'P1M', count: 3 },
          }),
      )
      .item('thing', { label: 'Thing', states: ['new'], create: { by: ['r'] } }, (item) =>
        item.event('check', {
          label: 'Check',
          by: ['r'],
          from: ['new'],
          to: 'new',
          planned: { repeat: { every: 'P1W', count: 2 } },
        }),
      )
      .build();
    expect(program.steps.board).toMatchObject({ count: 3 });
    const clock = createManualClock('2027-03-31T09:00:00Z');
    const instance = createInstance(program, { start: '2027-03-31', clock });
    const created = instance.send({ type: 'thing.create', item: 'one' } as never, {
      actor: { id: 'rina', roles: ['r'] },
    });
    expect(created.ok).toBe(true);
    const plan = instance.schedule().plan as Plan;
    expect(Object.keys(plan.steps)).toContain('one.check');
    // An RRULE skips the months without a 31st (31 July is a Saturday: the next working day).
    expect(plan.steps.board?.occurrences?.map((o) => o.date)).toEqual([
      '2027-03-31',
      '2027-05-31',
      '2027-08-02',
    ]);
    // A cadence adds months as durations do: 30 April, 31 May.
    expect(plan.steps.review?.occurrences?.map((o) => o.date)).toEqual([
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
    ]);
  });
});
