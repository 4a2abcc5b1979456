import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localSource } from '../local-source.js';
import { SendButton, Statuses } from './components.js';
import { counted, ID, kehilaRuntime, people, renderWith, scope } from './fixtures.js';

const items = async () =>
  within(await screen.findByRole('list', { name: 'statuses' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('useSchedule', () => {
  it("shows each step's status at the instant given, and again after a send", async () => {
    const { runtime } = await kehilaRuntime();
    renderWith(
      localSource(runtime, { actor: people.mayor }),
      <>
        <Statuses id={ID} at="2026-09-08" steps={['S0', 'S1', 'S2']} />
        <SendButton id={ID} label="Record the scope" event={{ type: 'S0', payload: scope }} />
      </>,
    );
    expect(await items()).toEqual([
      'S0: overdue (planned 2026-09-07)',
      'S1: upcoming (planned 2026-09-22)',
      'S2: upcoming (planned 2026-09-22)',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Record the scope' }));
    await screen.findByText('S0: done (planned 2026-09-07)');
  });

  it('reads the statuses again at a new instant, and at the source clock when none is given', async () => {
    const { runtime } = await kehilaRuntime();
    const { source, calls } = counted(localSource(runtime));
    const { rerender } = renderWith(source, <Statuses id={ID} steps={['S0', 'S1']} />);
    // The clock stands at the program start.
    expect(await items()).toEqual([
      'S0: open (planned 2026-09-07)',
      'S1: upcoming (planned 2026-09-22)',
    ]);
    rerender(<Statuses id={ID} at={new Date('2026-10-20T09:00:00Z')} steps={['S0', 'S1']} />);
    await screen.findByText('S1: overdue (planned 2026-09-22)');
    // A new Date for the same instant is the same query: no read.
    rerender(<Statuses id={ID} at={new Date('2026-10-20T09:00:00Z')} steps={['S0', 'S1']} />);
    expect(calls.schedule).toBe(2);
  });
});
