import type { LogEntry, Refusal, StepIdOf } from '@maslul/core';
import type { KehilaMetiva } from '@maslul/kehila-metiva';
import { describe, expectTypeOf, it } from 'vitest';
import { httpSource } from '../http-source.js';
import { localSource } from '../local-source.js';
import { MaslulProvider } from '../maslul-provider.js';
import type { InstanceState, SendOutcome } from '../source.js';
import { useHistory } from '../use-history.js';
import { useInstance } from '../use-instance.js';
import { useSchedule } from '../use-schedule.js';
import { matches, useSelector } from '../use-selector.js';
import { useSend } from '../use-send.js';
import { kehilaRuntime, scope } from './fixtures.js';

// Type tests only: the hooks are not called, so they need no component.

describe('useSend', () => {
  it("takes only the program's events, each with its payload, and actors with its roles", () => {
    const { send } = useSend<KehilaMetiva>('town');
    expectTypeOf(send({ type: 'S0', payload: scope })).toEqualTypeOf<
      Promise<SendOutcome | undefined>
    >();
    send({ type: 'S2.start' });
    send({ type: 'team.meet', item: 'team-social', payload: {} as never });
    send(
      { type: 'S9' },
      { actor: { id: 'mayor', roles: ['steeringCommittee'] }, idempotencyKey: 'k' },
    );
    // @ts-expect-error: not an event of the program
    send({ type: 'S99' });
    // @ts-expect-error: S0 needs its scope
    send({ type: 'S0' });
    // @ts-expect-error: a span is started or finished, not recorded
    send({ type: 'S2' });
    // @ts-expect-error: the payload of S1 is five focus challenges, not a scope
    send({ type: 'S1', payload: scope });
    // @ts-expect-error: not a role of the program
    send({ type: 'S9' }, { actor: { id: 'mayor', roles: ['mayor'] } });
  });

  it('gives the refusal as a Refusal', () => {
    expectTypeOf(useSend('town').refusal).toEqualTypeOf<Refusal | undefined>();
  });
});

describe('useInstance, useSchedule and useHistory', () => {
  it("type the data with the program's step ids", () => {
    const instance = useInstance<KehilaMetiva>('town');
    if (instance.status === 'success') {
      expectTypeOf(instance.data.current.strategy).toEqualTypeOf<
        { readonly step: StepIdOf<KehilaMetiva> | 'done'; readonly running: boolean } | undefined
      >();
    }
    const schedule = useSchedule<KehilaMetiva>('town', { at: new Date() });
    if (schedule.status === 'success') {
      expectTypeOf(schedule.data.status.S4).toEqualTypeOf<
        'done' | 'skipped' | 'in-progress' | 'upcoming' | 'open' | 'overdue'
      >();
      // @ts-expect-error: not a step of the program
      schedule.data.status.S99;
    }
    expectTypeOf(useHistory('town').data).toEqualTypeOf<readonly LogEntry[] | undefined>();
  });
});

describe('TanStack Query conventions', () => {
  it("give the query result's status, isFetching and refetch, and type select's result", () => {
    const instance = useInstance<KehilaMetiva>('town');
    expectTypeOf(instance.status).toEqualTypeOf<'pending' | 'error' | 'success'>();
    expectTypeOf(instance.isFetching).toEqualTypeOf<boolean>();
    expectTypeOf(instance.error).toEqualTypeOf<Error | null>();
    void instance.refetch();
    const version = useInstance('town', { select: (state) => state.version, enabled: false });
    expectTypeOf(version.data).toEqualTypeOf<number | undefined>();
    const count = useHistory('town', { select: (entries) => entries.length });
    expectTypeOf(count.data).toEqualTypeOf<number | undefined>();
    const s4 = useSchedule<KehilaMetiva, string>('town', {
      at: '2027-01-10',
      select: (schedule) => schedule.status.S4,
    });
    expectTypeOf(s4.data).toEqualTypeOf<string | undefined>();
    // @ts-expect-error: the hook makes the query key itself
    useInstance('town', { queryKey: ['x'] });
    expectTypeOf(useSend('town').status).toEqualTypeOf<'idle' | 'pending' | 'error' | 'success'>();
  });
});

describe('useSelector and matches', () => {
  it("infer the program from the selector's argument, and check the steps matches names", () => {
    const step = useSelector(
      'town',
      (state: InstanceState<KehilaMetiva>) => state.current.strategy?.step,
    );
    expectTypeOf(step).toEqualTypeOf<StepIdOf<KehilaMetiva> | 'done' | undefined>();
    const mapping = useSelector('town', (state: InstanceState<KehilaMetiva>) =>
      matches(state, { strategy: 'S2', pilot: 'done' }),
    );
    expectTypeOf(mapping).toEqualTypeOf<boolean | undefined>();
    useSelector('town', (state: InstanceState<KehilaMetiva>) =>
      // @ts-expect-error: not a step of the program
      matches(state, { strategy: 'S99' }),
    );
  });
});

describe('localSource and httpSource', () => {
  it('type their events by the program', async () => {
    const { runtime } = await kehilaRuntime();
    const local = localSource(runtime);
    // @ts-expect-error: not an event of the program
    void local.send('town', { type: 'S99' });
    const remote = httpSource<KehilaMetiva>({ baseUrl: '/api' });
    // @ts-expect-error: S0 needs its scope
    void remote.send('town', { type: 'S0' });
  });

  it('go in a MaslulProvider, whatever their program', async () => {
    const { runtime } = await kehilaRuntime();
    MaslulProvider({ source: localSource(runtime) });
    MaslulProvider({ source: httpSource<KehilaMetiva>({ baseUrl: '/api' }) });
    MaslulProvider({ source: httpSource({ baseUrl: '/api' }) });
  });
});
