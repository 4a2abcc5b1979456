import type { Program } from '@maslul/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { httpSource } from '../http-source.js';
import { localSource } from '../local-source.js';
import { MaslulProvider } from '../maslul-provider.js';
import type { MaslulSource } from '../source.js';
import { useInstance } from '../use-instance.js';
import { Tracks } from './components.js';
import { counted, ID, kehilaRuntime } from './fixtures.js';

// The hooks are TanStack queries: its options, its result, its client and its AbortSignal.

const wrapperOf =
  <P extends Program>(source: MaslulSource<P>, queryClient?: QueryClient) =>
  ({ children }: { children: ReactNode }) => (
    <MaslulProvider source={source} queryClient={queryClient}>
      {children}
    </MaslulProvider>
  );

describe('the reading hooks, as TanStack queries', () => {
  it('read nothing and watch nothing while enabled is false, then read when it turns true', async () => {
    const { runtime } = await kehilaRuntime();
    const { source, calls } = counted(localSource(runtime));
    const { result, rerender } = renderHook(({ enabled }) => useInstance(ID, { enabled }), {
      wrapper: wrapperOf(source),
      initialProps: { enabled: false },
    });
    expect(result.current).toMatchObject({ status: 'pending', fetchStatus: 'idle' });
    expect(calls).toMatchObject({ open: 0, subscribed: 0 });
    rerender({ enabled: true });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(calls).toMatchObject({ open: 1, subscribed: 1 });
  });

  it('read again on refetch, fetching with the last data kept, and select from it', async () => {
    const { runtime } = await kehilaRuntime();
    const local = localSource(runtime);
    // The real source, its second read held until the test lets it go.
    let reads = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const source: typeof local = {
      ...local,
      open: async (id) => {
        reads += 1;
        if (reads === 2) await held;
        return local.open(id);
      },
    };
    const { result } = renderHook(
      () => useInstance(ID, { select: (state) => `version ${state.version}` }),
      { wrapper: wrapperOf(source) },
    );
    await waitFor(() => expect(result.current.data).toBe('version 0'));
    expect(result.current.isFetching).toBe(false);
    let refetched: Promise<unknown> | undefined;
    act(() => {
      refetched = result.current.refetch();
    });
    // While it reads again, the last data stays shown.
    await waitFor(() =>
      expect(result.current).toMatchObject({ isFetching: true, data: 'version 0' }),
    );
    release();
    await act(() => refetched);
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.status).toBe('success');
    expect(reads).toBe(2);
  });

  it("put their queries in the app's client, the one given or the nearest provider's", async () => {
    const { runtime } = await kehilaRuntime();
    const source = localSource(runtime);
    const given = new QueryClient();
    const { unmount } = render(
      <MaslulProvider source={source} queryClient={given}>
        <Tracks id={ID} />
      </MaslulProvider>,
    );
    await screen.findByText('strategy: S0');
    const keys = given
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey);
    expect(keys).toEqual([['maslul', expect.any(Number), ID, 'instance']]);
    unmount();

    const app = new QueryClient();
    render(
      <QueryClientProvider client={app}>
        <MaslulProvider source={source}>
          <Tracks id={ID} />
        </MaslulProvider>
      </QueryClientProvider>,
    );
    await screen.findByText('strategy: S0');
    expect(app.getQueryCache().getAll()).toHaveLength(1);
  });

  it('do not retry a maslul error (no such instance): it is an answer', async () => {
    const { runtime } = await kehilaRuntime();
    const { source, calls } = counted(localSource(runtime));
    const { result } = renderHook(() => useInstance('no-such-town'), {
      wrapper: wrapperOf(source),
    });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.message).toContain('"no-such-town"');
    expect(calls.open).toBe(1);
  });

  it('abort the HTTP request of a read nobody needs any more (the component unmounted)', async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const source = httpSource({
      baseUrl: 'http://maslul.test/api',
      // A server that never answers: only the abort ends the request.
      fetch: (_, init) => {
        signals.push(init.signal ?? undefined);
        return new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        );
      },
    });
    const { unmount } = renderHook(() => useInstance(ID), { wrapper: wrapperOf(source) });
    await waitFor(() => expect(signals).toHaveLength(1));
    expect(signals[0]?.aborted).toBe(false);
    unmount();
    await waitFor(() => expect(signals[0]?.aborted).toBe(true));
  });
});
