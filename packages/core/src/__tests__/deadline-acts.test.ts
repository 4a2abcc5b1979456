import { about, everyDay, exactly, type PlainDate, type WorkCalendar } from '@maslul/timing';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import { createInstance } from '../instance.js';

// A permit must be renewed 26 days after it is issued; a month after a missed renewal, it lapses.
const permits = defineProgram('permits', { version: 1, label: 'Permits' })
  .roles({
    office: { label: 'Office' },
    holder: { label: 'Holder' },
    system: { label: 'Timer' },
  })
  .track('office', 'Office', (t) => t.milestone('open', { label: 'Office open', by: ['office'] }))
  .item(
    'permit',
    {
      label: 'Permit',
      states: ['issued', 'renewed', 'lapsed'],
      final: ['renewed', 'lapsed'],
      create: { by: ['office'] },
    },
    (item) =>
      item
        .event('lapse', { label: 'Lapsed', by: ['system'], from: ['issued'], to: 'lapsed' })
        .event('renew', {
          label: 'Renewed',
          by: ['holder'],
          from: ['issued'],
          to: 'renewed',
          planned: {
            lag: exactly(26, 'days'),
            onOverdue: { send: 'lapse', after: about(1, 'months') },
          },
        }),
  )
  .build();
const office = { id: 'dana', roles: ['office'] } as const;

function issued(on: PlainDate, calendar?: WorkCalendar) {
  const clock = createManualClock(`${on}T09:00:00Z`);
  const instance = createInstance(permits, {
    start: on,
    clock,
    ...(calendar ? { calendar } : {}),
  });
  const result = instance.send({ type: 'permit.create', item: 'p1' }, { actor: office });
  if (!result.ok) throw result.refusal;
  return instance.deadlines().filter((d) => d.step === 'p1.renew');
}

describe('deadlinesOf: an act `after` a length in months', () => {
  it('lands on the last day of a shorter month: 31 March + 1 month is 30 April, not 1 May', () => {
    // Issued Thursday 4 March 2027: renewal due Tuesday 30 March, overdue on the 31st.
    const renew = issued('2027-03-04');
    expect(renew.map((d) => [d.id, d.date, d.act?.type])).toEqual([
      ['p1.renew:due', '2027-03-30', undefined],
      ['p1.renew:opens', '2027-03-30', undefined],
      ['p1.renew:overdue', '2027-03-31', undefined],
      ['p1.renew:act', '2027-04-30', 'permit.lapse'],
    ]);
  });

  it('lands on 29 February in a leap year: 31 January 2028 + 1 month', () => {
    const renew = issued('2028-01-04', everyDay);
    expect(renew.find((d) => d.id === 'p1.renew:overdue')?.date).toBe('2028-01-31');
    expect(renew.find((d) => d.id === 'p1.renew:act')).toMatchObject({
      date: '2028-02-29',
      act: { type: 'permit.lapse', item: 'p1' },
    });
  });
});
