import { describe, expectTypeOf, it } from 'vitest';
import { defineProgram } from '../define-program.js';
import type { RuleInput } from '../types.js';

const base = defineProgram('t', { version: 1, label: 'T' }).roles({ officer: { label: 'O' } });

describe('fixed dates, in types', () => {
  it('a span runs for a duration or until a date, not both and not neither', () => {
    base.track('t', 'T', (t) =>
      t
        .span('a', { label: 'A', by: ['officer'], until: '2027-03-31' })
        .span('b', { label: 'B', by: ['officer'], duration: 'P2W' })
        // @ts-expect-error: both a duration and an until date
        .span('c', { label: 'C', by: ['officer'], duration: 'P2W', until: '2027-03-31' }),
    );
    // @ts-expect-error: neither
    base.track('t', 'T', (t) => t.span('d', { label: 'D', by: ['officer'] }));
  });

  it('a one-time step takes a fixed date; a series does not', () => {
    base.track('t', 'T', (t) =>
      t
        .milestone('a', { label: 'A', by: ['officer'], on: '2027-03-31' })
        // @ts-expect-error: a fixed date is a date
        .milestone('b', { label: 'B', by: ['officer'], on: 'next Friday' })
        .series('c', {
          label: 'C',
          by: ['officer'],
          repeat: { every: 'P1W', count: 2 },
          // @ts-expect-error: a series has no fixed date
          on: '2027-03-31',
        }),
    );
  });

  it('rules receive the fixed dates', () => {
    expectTypeOf<RuleInput<undefined>['fixed']>().toEqualTypeOf<{
      readonly [step: string]: `${number}-${number}-${number}`;
    }>();
  });
});
