import { Refusal } from '@maslul/core';
import { act, fireEvent, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localSource } from '../local-source.js';
import { MaslulProvider } from '../maslul-provider.js';
import type { MaslulSource, SendOutcome } from '../source.js';
import { useSend } from '../use-send.js';
import { SendButton, SendOnMount, Tracks } from './components.js';
import { ID, kehilaRuntime, people, renderWith, scope } from './fixtures.js';

describe('useSend', () => {
  it('shows the refusal of an event sent by the wrong role, with its rule, and stores nothing', async () => {
    const { runtime } = await kehilaRuntime();
    renderWith(
      localSource(runtime),
      <SendButton
        id={ID}
        label="Record the scope"
        event={{ type: 'S0', payload: scope }}
        actor={people.manager}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Record the scope' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'refused forbidden (core.roles): "pm-tamar" may not record "S0": it needs one of the roles "steeringCommittee".',
    );
    expect(await runtime.history(ID)).toEqual([]);
  });

  it('shows the refusal of an event its track has not reached', async () => {
    const { runtime } = await kehilaRuntime();
    renderWith(
      localSource(runtime, { actor: people.manager }),
      <SendButton id={ID} label="Start the mapping" event={{ type: 'S2.start' }} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start the mapping' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'refused not-now (core.track-order): "S2.start" cannot be recorded now: track "strategy" is at "S0".',
    );
  });

  it('stores one event when strict mode runs the sending effect twice', async () => {
    const { runtime } = await kehilaRuntime();
    const event = { type: 'S0', payload: scope } as const;
    renderWith(
      localSource(runtime),
      <>
        <SendOnMount id={ID} event={event} actor={people.mayor} idempotencyKey="scope-form-1" />
        <Tracks id={ID} />
      </>,
    );
    // The effect ran twice; the second send came back as a duplicate of the first.
    await screen.findByText(`stored #1 (duplicate) on ${ID}`);
    await screen.findByText('strategy: S1');
    expect((await runtime.history(ID)).map((e) => [e.seq, e.type, e.idempotencyKey])).toEqual([
      [1, 'S0', 'scope-form-1'],
    ]);
  });

  it('puts a failure that is not a refusal in error, and resolves send to undefined', async () => {
    const { runtime } = await kehilaRuntime();
    renderWith(
      localSource(runtime, { actor: people.mayor }),
      <SendButton
        id="no-such-town"
        label="Record the scope"
        event={{ type: 'S0', payload: scope }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Record the scope' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'failed: There is no stored instance "no-such-town"; create it first.',
    );
  });

  it('is pending while the latest send is in flight, and keeps the outcome of the send started last', async () => {
    const { runtime } = await kehilaRuntime();
    const local = localSource(runtime, { actor: people.mayor });
    // The real source, each send held until the test lets it go.
    const gates: (() => void)[] = [];
    const gated: MaslulSource = {
      ...local,
      send: async (id, event, options) => {
        await new Promise<void>((resolve) => gates.push(resolve));
        return local.send(id, event as never, options as never);
      },
    };
    const { result } = renderHook(() => useSend(ID), {
      wrapper: ({ children }) => <MaslulProvider source={gated}>{children}</MaslulProvider>,
      reactStrictMode: true,
    });
    expect(result.current.status).toBe('idle');
    const send = result.current.send;
    let first: Promise<SendOutcome | undefined> | undefined;
    let second: Promise<SendOutcome | undefined> | undefined;
    act(() => {
      first = result.current.send({ type: 'S0', payload: scope });
      second = result.current.send({ type: 'S1', payload: [] as never });
    });
    await waitFor(() => expect(gates).toHaveLength(2));
    await waitFor(() =>
      expect(result.current).toMatchObject({ status: 'pending', isPending: true }),
    );
    expect(result.current.variables).toEqual({ type: 'S1', payload: [] });
    // The second send settles first: it is the latest, so its refusal is the state.
    await act(async () => {
      gates[1]?.();
      await second;
    });
    await waitFor(() =>
      expect(result.current).toMatchObject({ status: 'success', isPending: false }),
    );
    expect(result.current.refusal).toBeInstanceOf(Refusal);
    expect(result.current.refusal?.code).toBe('forbidden'); // the mayor may not record S1
    // The first settles later, accepted: the state stays the latest send's.
    await act(async () => {
      gates[0]?.();
      await first;
    });
    expect((await first)?.ok).toBe(true);
    expect(result.current.refusal?.code).toBe('forbidden');
    expect(result.current.send).toBe(send); // one function, for an effect's deps
    act(() => result.current.reset());
    await waitFor(() => expect(result.current.status).toBe('idle'));
    expect(result.current.data).toBeUndefined();
  });
});
