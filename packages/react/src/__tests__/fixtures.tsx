import {
  type Actor,
  createManualClock,
  createRuntime,
  type ManualClock,
  type Runtime,
} from '@maslul/core';
import {
  type KehilaMetiva,
  type KehilaRole,
  kehilaMetiva,
  type Scope,
} from '@maslul/kehila-metiva';
import { createMemoryStore } from '@maslul/store';
import { israelCalendar } from '@maslul/timing/israel';
import { render } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { MaslulProvider } from '../maslul-provider.js';
import type { MaslulSource } from '../source.js';

/** The program start of every test instance: a Monday, as in the authority-run example. */
export const START = '2026-09-07';
export const ID = 'ramat-hateenim';

const actor = (id: string, role: KehilaRole): Actor<KehilaRole> => ({ id, roles: [role] });
export const people = {
  mayor: actor('mayor-ronit', 'steeringCommittee'),
  shaping: actor('shaping-committee', 'shapingCommittee'),
  manager: actor('pm-tamar', 'programManager'),
};

/** S0's payload: the steering committee sets the scope. */
export const scope: Scope = {
  focusAreas: [{ id: 'neve-rimon', name: 'Neve Rimon' }],
  channels: ['social', 'urban'],
  timeline: { start: START, plannedEnd: '2028-08-31' },
};

/** A real runtime of Kehila Metiva on the memory store, with one new instance `ID`. */
export async function kehilaRuntime(): Promise<{
  runtime: Runtime<KehilaMetiva>;
  clock: ManualClock;
}> {
  const clock = createManualClock(`${START}T08:00:00Z`);
  const runtime = createRuntime(kehilaMetiva, {
    store: createMemoryStore(),
    clock,
    calendar: israelCalendar(),
  });
  await runtime.create(ID, { start: START });
  return { runtime, clock };
}

/** Renders `ui` under strict mode (effects run twice) in a provider of `source`. */
export function renderWith(source: MaslulSource<KehilaMetiva>, ui: ReactNode) {
  const wrap = (node: ReactNode) => (
    <StrictMode>
      <MaslulProvider source={source}>{node}</MaslulProvider>
    </StrictMode>
  );
  const rendered = render(wrap(ui));
  return { ...rendered, rerender: (next: ReactNode) => rendered.rerender(wrap(next)) };
}

/** The calls a source gets and the subscriptions it holds: the real source, counted. */
export function counted<P extends MaslulSource<KehilaMetiva>>(source: P) {
  const calls = { open: 0, schedule: 0, history: 0, send: 0, subscribed: 0 };
  const wrapped: P = {
    ...source,
    open: (id) => {
      calls.open += 1;
      return source.open(id);
    },
    schedule: (id, at) => {
      calls.schedule += 1;
      return source.schedule(id, at);
    },
    history: (id) => {
      calls.history += 1;
      return source.history(id);
    },
    send: (id, event, options) => {
      calls.send += 1;
      return source.send(id, event, options);
    },
    subscribe: (id, listener) => {
      calls.subscribed += 1;
      const stop = source.subscribe(id, listener);
      return () => {
        calls.subscribed -= 1;
        stop();
      };
    },
  };
  return { source: wrapped, calls };
}
