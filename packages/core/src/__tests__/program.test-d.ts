import { about } from '@maslul/timing';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { createManualClock } from '../clock.js';
import { defineProgram } from '../define-program.js';
import type { ProgramEvent } from '../events.js';
import { createInstance } from '../instance.js';
import { sample, steering } from './sample-program.js';

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
});
