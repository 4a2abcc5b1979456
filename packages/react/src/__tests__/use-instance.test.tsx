import { MaslulError } from '@maslul/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localSource } from '../local-source.js';
import { SendButton, Tracks } from './components.js';
import { counted, ID, kehilaRuntime, people, renderWith, scope } from './fixtures.js';

describe('useInstance', () => {
  it('shows the step of each track, and the next step after a click sends S0', async () => {
    const { runtime } = await kehilaRuntime();
    renderWith(
      localSource(runtime),
      <>
        <Tracks id={ID} />
        <SendButton
          id={ID}
          label="Record the scope"
          event={{ type: 'S0', payload: scope }}
          actor={people.mayor}
        />
      </>,
    );
    const tracks = await screen.findByRole('list', { name: 'tracks' });
    expect(within(tracks).getByText('strategy: S0')).toBeTruthy();
    expect(within(tracks).getByText('pilot: X1')).toBeTruthy();
    expect(within(tracks).getByText('version 0')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Record the scope' }));

    await screen.findByText('strategy: S1');
    expect(screen.getByText('version 1')).toBeTruthy();
    expect(screen.getByText('stored #1')).toBeTruthy();
    // One click, one stored event, strict mode or not.
    expect((await runtime.history(ID)).map((e) => e.type)).toEqual(['S0']);
  });

  it('reads once for every component that shows the same instance, strict mode included', async () => {
    const { runtime } = await kehilaRuntime();
    const { source, calls } = counted(localSource(runtime));
    renderWith(
      source,
      <>
        <Tracks id={ID} />
        <Tracks id={ID} />
      </>,
    );
    expect(await screen.findAllByText('strategy: S0')).toHaveLength(2);
    expect(calls.open).toBe(1);
    expect(calls.subscribed).toBe(1);
  });

  it('stops listening to the source when the last component showing the instance unmounts', async () => {
    const { runtime } = await kehilaRuntime();
    const { source, calls } = counted(localSource(runtime));
    const { rerender, unmount } = renderWith(
      source,
      <>
        <Tracks id={ID} />
        <Tracks id={ID} />
      </>,
    );
    await screen.findAllByText('strategy: S0');
    rerender(<Tracks id={ID} />);
    expect(calls.subscribed).toBe(1);
    unmount();
    expect(calls.subscribed).toBe(0);
  });

  it('shows data kept from an earlier mount at once, then reads it again', async () => {
    const { runtime } = await kehilaRuntime();
    const { source, calls } = counted(localSource(runtime));
    const { rerender } = renderWith(source, <Tracks id={ID} />);
    await screen.findByText('strategy: S0');
    rerender(<p>elsewhere</p>);
    expect(calls.subscribed).toBe(0);
    rerender(<Tracks id={ID} />);
    expect(screen.getByText('strategy: S0')).toBeTruthy(); // no "loading" in between
    await waitFor(() => expect(calls.open).toBe(2));
  });

  it('shows an unknown instance as an error naming it', async () => {
    const { runtime } = await kehilaRuntime();
    renderWith(localSource(runtime), <Tracks id="no-such-town" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('"no-such-town"');
  });

  it('fails outside a MaslulProvider, naming the provider to add', () => {
    let caught: unknown;
    try {
      render(<Tracks id={ID} />);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MaslulError);
    expect((caught as MaslulError).code).toBe('no-provider');
    expect((caught as MaslulError).message).toContain('<MaslulProvider');
  });
});
