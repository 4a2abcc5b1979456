import { about } from '@maslul/timing';
import { rrule } from '@maslul/timing/rrule';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { sample, steering } from '../../test-programs/sample-program.js';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import type { ProgramEvent } from '../events.js';
import { createInstance } from '../instance.js';
import type { StepDates } from '../types.js';

const roles = { manager: { label: 'Manager' }, steering: { label: 'Steering' } } as const;
const base = () => defineProgram('demo', { version: 1, label: 'Demo' }).roles(roles);

describe('defineProgram types', () => {
  it('infers the events of every step', () => {
    type Events = ProgramEvent<typeof sample>;
    expectTypeOf<Extract<Events, { type: 'meeting1' }>>().toEqualTypeOf<{
      readonly type: 'meeting1';
      readonly payload: { challenges: string[] };
    }>();
    expectTypeOf<Events['type']>().toEqualTypeOf<
      | 'scope'
      | 'meeting1'
      | 'mapping.start'
      | 'mapping.finish'
      | 'teamMeetings'
      | 'hackathon'
      | 'review'
      | 'decision'
      | 'initiative.create'
      | 'initiative.measure'
      | 'initiative.continue'
      | 'initiative.stop'
    >();
  });

  it('refuses mistakes in a definition at compile time', () => {
    base().track('t', 'T', (t) =>
      t.milestone('a', { label: 'A', by: ['manager'] }).milestone('b', {
        label: 'B',
        by: ['manager'],
        // @ts-expect-error 1. "b" waits for a step that does not exist
        after: { step: 'nope', lag: about(1, 'weeks') },
      }),
    );
    base().track('t', 'T', (t) =>
      // @ts-expect-error 2. a role the program does not declare
      t.milestone('a', { label: 'A', by: ['mayor'] }),
    );
    base().track('t', 'T', (t) =>
      t
        .milestone('a', { label: 'A', by: ['manager'] })
        // @ts-expect-error 3. the same step id twice
        .milestone('a', { label: 'A again', by: ['manager'] }),
    );
    base().track('t', 'T', (t) =>
      // @ts-expect-error 4. no role may record it: `by` needs at least one
      t.milestone('a', { label: 'A', by: [] }),
    );
    base().track('t', 'T', (t) =>
      // @ts-expect-error 5. a span needs a duration
      t.span('a', { label: 'A', by: ['manager'] }),
    );
    base().track('t', 'T', (t) =>
      // @ts-expect-error 6. a series needs its cadence
      t.series('a', { label: 'A', by: ['manager'] }),
    );
    base().track('t', 'T', (t) =>
      t.milestone('a', {
        label: 'A',
        by: ['manager'],
        payload: z.object({ count: z.number() }),
        // @ts-expect-error 7. a rule reads a payload field the schema does not have
        rules: [{ id: 'R', reason: 'r', check: ({ payload }) => payload.total > 0 }],
      }),
    );
    base().track('t', 'T', (t) =>
      t
        .milestone('a', { label: 'A', by: ['manager'] })
        // @ts-expect-error 8. `from` is 'finish' or 'start'
        .milestone('b', { label: 'B', by: ['manager'], after: { step: 'a', from: 'end' } }),
    );
  });

  it('refuses mistakes in an item kind at compile time', () => {
    base()
      .track('t', 'T', (t) => t.milestone('a', { label: 'A', by: ['manager'] }))
      .item(
        'action',
        { label: 'Action', states: ['open', 'closed'], create: { by: ['manager'] } },
        (item) =>
          // @ts-expect-error 17. an event to a state the kind does not have
          item.event('close', { label: 'Close', by: ['manager'], from: ['open'], to: 'archived' }),
      );
    base()
      .track('t', 'T', (t) => t.milestone('a', { label: 'A', by: ['manager'] }))
      .item(
        'action',
        // @ts-expect-error 18. an item created after a step that does not exist
        { label: 'Action', states: ['open'], create: { by: ['manager'], after: ['zz'] } },
        (item) => item,
      );
  });

  it('refuses ids that cannot name states and events at compile time (core.id)', () => {
    // @ts-expect-error 19. a program id with a space
    defineProgram('kehila metiva', { version: 1, label: 'K' });
    // @ts-expect-error 20. a track id with a dot
    base().track('strategy.long', 'T', (t) => t.milestone('a', { label: 'A', by: ['manager'] }));
    base().track('t', 'T', (t) =>
      // @ts-expect-error 21. a step id with a dot (it would split the event type "S6.social")
      t.milestone('S6.social', { label: 'A', by: ['manager'] }),
    );
    base().track('t', 'T', (t) =>
      // @ts-expect-error 22. a step id that starts with a digit
      t.milestone('1st', { label: 'A', by: ['manager'] }),
    );
    base()
      .track('t', 'T', (t) => t.milestone('a', { label: 'A', by: ['manager'] }))
      .item(
        // @ts-expect-error 23. an item kind id with a space
        'pilot initiative',
        { label: 'I', states: ['open'], create: { by: ['manager'] } },
        (i) => i,
      );
    base()
      .track('t', 'T', (t) => t.milestone('a', { label: 'A', by: ['manager'] }))
      .item('action', { label: 'I', states: ['open', 'done'], create: { by: ['manager'] } }, (i) =>
        // @ts-expect-error 24. an item event name with a dot
        i.event('close.now', { label: 'C', by: ['manager'], from: ['open'], to: 'done' }),
      );
    // A plain string (read from configuration) passes the types; build() checks it.
    const fromConfig: string = 'S6.social';
    expectTypeOf(
      base().track('t', 'T', (t) => t.milestone(fromConfig, { label: 'A', by: ['manager'] })),
    ).not.toBeNever();
  });

  it('refuses mistakes in timing at compile time', () => {
    base().track('t', 'T', (t) =>
      t.series('s', {
        label: 'S',
        by: ['manager'],
        // @ts-expect-error 25. an RRULE without COUNT: the series would never end (core.series-count)
        repeat: rrule('FREQ=MONTHLY;BYMONTHDAY=1'),
      }),
    );
    base().track('t', 'T', (t) =>
      t.series('s', {
        label: 'S',
        by: ['manager'],
        // @ts-expect-error 26. a cadence without a count
        repeat: { every: 'P1M' },
      }),
    );
    base().track('t', 'T', (t) =>
      t.milestone('a', { label: 'A', by: ['manager'] }).milestone('b', {
        label: 'B',
        by: ['manager'],
        // @ts-expect-error 27. a bare step id in `after` that the program does not have
        after: 'nope',
      }),
    );
    base().track('t', 'T', (t) =>
      // @ts-expect-error 28. a duration that is not ISO 8601 (or about/exactly)
      t.span('a', { label: 'A', by: ['manager'], duration: '3 months' }),
    );
    base()
      .track('t', 'T', (t) => t.milestone('a', { label: 'A', by: ['manager'] }))
      // @ts-expect-error 29. a target that is not a step of the program
      .target('nope');
    // The bounded forms compile.
    base().track('t', 'T', (t) =>
      t
        .series('s', {
          label: 'S',
          by: ['manager'],
          repeat: rrule('FREQ=MONTHLY;BYMONTHDAY=1;COUNT=6'),
        })
        .series('r', { label: 'R', by: ['manager'], repeat: { every: 'P2W', count: 4 } })
        .span('m', { label: 'M', by: ['manager'], duration: 'P3M', after: 's' }),
    );
  });

  it('refuses mistakes in item kinds and their rules at compile time', () => {
    const one = () =>
      base().track('t', 'T', (t) => t.milestone('a', { label: 'A', by: ['manager'] }));
    const kind = { label: 'I', states: ['open'], create: { by: ['manager'] } } as const;
    const twoStates = { ...kind, states: ['open', 'done'] } as const;
    one()
      .item('action', kind, (i) => i)
      // @ts-expect-error 30. the same item kind twice
      .item('action', kind, (i) => i);
    // @ts-expect-error 31. an item kind with a step's id
    one().item('a', kind, (i) => i);
    one().item('action', twoStates, (i) =>
      i
        .event('close', { label: 'C', by: ['manager'], from: ['open'], to: 'done' })
        // @ts-expect-error 32. the same item event twice
        .event('close', { label: 'C', by: ['manager'], from: ['open'], to: 'done' }),
    );
    one().item('action', twoStates, (i) =>
      // @ts-expect-error 33. an event from a state the kind does not have
      i.event('close', { label: 'C', by: ['manager'], from: ['draft'], to: 'done' }),
    );
    one().item('action', twoStates, (i) =>
      // @ts-expect-error 34. an item event no declared role may send
      i.event('close', { label: 'C', by: ['mayor'], from: ['open'], to: 'done' }),
    );
    one().item('action', twoStates, (i) =>
      i
        .event('review', { label: 'R', by: ['manager'], from: ['open'], to: 'open' })
        .event('close', {
          label: 'C',
          by: ['manager'],
          from: ['open'],
          to: 'done',
          rules: [
            {
              id: 'R1',
              reason: 'reviewed first',
              // @ts-expect-error 35. a rule reads an event the item kind does not have
              check: ({ item }) => item.events.approve !== undefined,
            },
          ],
        }),
    );
    one().item('action', twoStates, (i) =>
      i
        .event('review', { label: 'R', by: ['manager'], from: ['open'], to: 'open' })
        .event('close', {
          label: 'C',
          by: ['manager'],
          from: ['open'],
          to: 'done',
          // @ts-expect-error 38. a join requires an event the item kind does not have
          requires: ['review', 'approve'],
        }),
    );
    one().item('action', twoStates, (i) =>
      i.event('close', {
        label: 'C',
        by: ['manager'],
        from: ['open'],
        to: 'done',
        // @ts-expect-error 39. a join requires the event itself (only earlier ones may be joined)
        requires: ['close'],
      }),
    );
    one().item('action', twoStates, (i) =>
      i.event('close', {
        label: 'C',
        by: ['manager'],
        from: ['open'],
        to: 'done',
        rules: [
          {
            id: 'R2',
            reason: 'after a',
            check: ({ date, dates }) => {
              expectTypeOf(dates.a).toEqualTypeOf<StepDates | undefined>();
              // @ts-expect-error 40. an item rule reads the date of a step the program does not have
              return dates.launch?.finished !== undefined && date > dates.launch.finished;
            },
          },
        ],
      }),
    );
    base().track('t', 'T', (t) =>
      t
        .milestone('a', { label: 'A', by: ['manager'] })
        .milestone('b', {
          label: 'B',
          by: ['manager'],
          rules: [
            {
              id: 'R3',
              reason: 'after a',
              // @ts-expect-error 41. a step rule reads the date of a step not declared before it
              check: ({ dates }) => dates.a?.finished !== undefined && dates.c !== undefined,
            },
          ],
        })
        .milestone('c', { label: 'C', by: ['manager'] }),
    );
    one().item(
      'action',
      {
        ...kind,
        create: {
          by: ['manager'],
          payload: z.object({ title: z.string() }),
          // @ts-expect-error 36. a creation rule reads a payload field the schema does not have
          rules: [{ id: 'R', reason: 'r', check: ({ payload }) => payload.owner !== '' }],
        },
      },
      (i) => i,
    );
    one().item(
      'application',
      { label: 'A', states: ['submitted', 'approved', 'appealed'], create: { by: ['manager'] } },
      (i) =>
        // @ts-expect-error 37. a state no event reaches (core.item-reachable): "appealed"
        i.event('approve', { label: 'A', by: ['manager'], from: ['submitted'], to: 'approved' }),
    );
    // A rule reads the events declared up to its own, itself included.
    one().item('action', twoStates, (i) =>
      i
        .event('review', { label: 'R', by: ['manager'], from: ['open'], to: 'open' })
        .event('close', {
          label: 'C',
          by: ['manager'],
          from: ['open'],
          to: 'done',
          rules: [
            {
              id: 'R1',
              reason: 'reviewed, and not closed yet',
              check: ({ item }) => item.events.review !== undefined && !item.events.close,
            },
          ],
        }),
    );
  });

  it('refuses mistakes in events and actors at compile time', () => {
    const instance = createInstance(sample, {
      start: '2027-01-04',
      clock: createManualClock('2027-01-04T09:00:00Z'),
    });
    // @ts-expect-error 9. an event no step has
    instance.send({ type: 'party' }, { actor: steering });
    // @ts-expect-error 10. a payload of the wrong shape
    instance.send({ type: 'scope', payload: { areas: 'north' } }, { actor: steering });
    // @ts-expect-error 11. a payload the schema requires is missing
    instance.send({ type: 'meeting1' }, { actor: steering });
    // @ts-expect-error 12. a milestone has no start event; only spans do
    instance.send({ type: 'scope.start' }, { actor: steering });
    // @ts-expect-error 13. an actor with a role the program does not have
    instance.send({ type: 'hackathon' }, { actor: { id: 'x', roles: ['mayor'] } });
    // @ts-expect-error 14. an item event without the item it is about
    instance.send({ type: 'initiative.measure', payload: { progress: 0.5 } }, { actor: steering });
    // @ts-expect-error 15. an event the item kind does not have
    instance.send({ type: 'initiative.archive', item: 'garden' }, { actor: steering });
    instance.send(
      // @ts-expect-error 16. an item payload of the wrong shape
      { type: 'initiative.measure', item: 'garden', payload: { progress: 'half' } },
      { actor: steering },
    );
  });
  it('types the timing of item events: what they are planned after and what they send when missed', () => {
    const program = () =>
      base().track('t', 'T', (t) => t.milestone('decide', { label: 'Decide', by: ['manager'] }));
    const item = {
      label: 'Case',
      states: ['open', 'closed'],
      create: { by: ['manager'] },
    } as const;
    const one = { label: 'Case', states: ['open'], create: { by: ['manager'] } } as const;
    program().item('case', item, (i) =>
      i
        .event('close', { label: 'Close', by: ['manager'], from: ['open'], to: 'closed' })
        .event('answer', {
          label: 'Answer',
          by: ['manager'],
          from: ['open'],
          to: 'open',
          planned: { afterStep: 'decide', lag: about(1, 'weeks'), onOverdue: { send: 'close' } },
        }),
    );
    program().item('case', one, (i) =>
      i.event('answer', {
        label: 'Answer',
        by: ['manager'],
        from: ['open'],
        to: 'open',
        // @ts-expect-error a program step the program does not have
        planned: { afterStep: 'nodecide' },
      }),
    );
    program().item('case', one, (i) =>
      i.event('answer', {
        label: 'Answer',
        by: ['manager'],
        from: ['open'],
        to: 'open',
        // @ts-expect-error planned after an event the kind does not have (declared before it)
        planned: { after: 'close' },
      }),
    );
    program().item('case', one, (i) =>
      i.event('answer', {
        label: 'Answer',
        by: ['manager'],
        from: ['open'],
        to: 'open',
        // @ts-expect-error sends an event the kind does not have when missed
        planned: { onOverdue: { send: 'expire' } },
      }),
    );
    base().track('t', 'T', (t) =>
      // @ts-expect-error a step acts only by recording itself
      t.milestone('decide', { label: 'Decide', by: ['manager'], onOverdue: 'finish' }),
    );
  });

  it('types the ending of a run', () => {
    const endable = defineProgram('e', { version: 1, label: 'E' })
      .roles({ board: { label: 'B' } })
      .track('t', 'T', (t) => t.milestone('a', { label: 'A', by: ['board'] }))
      .ending({ cancel: { by: ['board'] } })
      .build();
    const instance = createInstance(endable, {
      start: '2027-01-04',
      clock: createManualClock('2027-01-04T09:00:00Z'),
    });
    const board = { id: 'b', roles: ['board'] } as const;
    instance.send({ type: 'run.cancel', payload: { reason: 'cut' } }, { actor: board });
    // @ts-expect-error 42. ending a run needs a reason
    instance.send({ type: 'run.cancel' }, { actor: board });
    // @ts-expect-error 43. a way of ending the program does not declare
    instance.send({ type: 'run.close', payload: { reason: 'over' } }, { actor: board });
    defineProgram('e', { version: 1, label: 'E' })
      .roles({ board: { label: 'B' } })
      .track('t', 'T', (t) => t.milestone('a', { label: 'A', by: ['board'] }))
      // @ts-expect-error 44. an ending by a role the program does not declare
      .ending({ cancel: { by: ['mayor'] } });
  });

  it('types optional steps: only they have a skip, which needs a reason', () => {
    const call = defineProgram('o', { version: 1, label: 'O' })
      .roles({ board: { label: 'B' }, office: { label: 'O' } })
      .track('t', 'T', (t) =>
        t
          .meeting('evening', { label: 'Evening', by: ['office'], optional: true })
          .span('window', {
            label: 'Window',
            by: ['office'],
            duration: 'P2W',
            optional: { by: ['board'] },
          })
          .milestone('results', { label: 'Results', by: ['board'] }),
      )
      .build();
    type Events = ProgramEvent<typeof call>;
    expectTypeOf<Extract<Events, { type: 'evening.skip' }>>().toEqualTypeOf<{
      readonly type: 'evening.skip';
      readonly payload: { readonly reason: string };
    }>();
    expectTypeOf<Extract<Events, { type: `${string}.skip` }>['type']>().toEqualTypeOf<
      'evening.skip' | 'window.skip'
    >();
    const instance = createInstance(call, {
      start: '2027-01-04',
      clock: createManualClock('2027-01-04T09:00:00Z'),
    });
    const office = { id: 'o', roles: ['office'] } as const;
    instance.send({ type: 'evening.skip', payload: { reason: 'none came' } }, { actor: office });
    // @ts-expect-error 45. skipping a step needs a reason
    instance.send({ type: 'evening.skip' }, { actor: office });
    // @ts-expect-error 46. a step that is not optional has no skip
    instance.send({ type: 'results.skip', payload: { reason: 'no' } }, { actor: office });
    base().track('t', 'T', (t) =>
      // @ts-expect-error 47. an optional step skipped by a role the program does not declare
      t.milestone('a', { label: 'A', by: ['manager'], optional: { by: ['mayor'] } }),
    );
    base().track('t', 'T', (t) =>
      // @ts-expect-error 48. `optional` names at least one role, or is true
      t.milestone('a', { label: 'A', by: ['manager'], optional: { by: [] } }),
    );
  });
});
