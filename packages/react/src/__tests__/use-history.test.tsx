import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localSource } from '../local-source.js';
import { Log, SendButton } from './components.js';
import { ID, kehilaRuntime, people, renderWith, scope } from './fixtures.js';

describe('useHistory', () => {
  it('lists the stored events, and the new one after a send', async () => {
    const { runtime } = await kehilaRuntime();
    renderWith(
      localSource(runtime),
      <>
        <Log id={ID} />
        <SendButton
          id={ID}
          label="Record the scope"
          event={{ type: 'S0', payload: scope }}
          actor={people.mayor}
        />
      </>,
    );
    const log = await screen.findByRole('list', { name: 'history' });
    expect(within(log).queryAllByRole('listitem')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Record the scope' }));
    expect((await within(log).findByRole('listitem')).textContent).toBe('#1 S0 by mayor-ronit');
  });

  it('shows an event sent around the source once the source is notified', async () => {
    const { runtime } = await kehilaRuntime();
    const source = localSource(runtime);
    renderWith(source, <Log id={ID} />);
    await screen.findByRole('list', { name: 'history' });
    await runtime.send(ID, { type: 'S0', payload: scope }, { actor: people.mayor });
    source.notify(ID);
    expect((await screen.findByRole('listitem')).textContent).toBe('#1 S0 by mayor-ronit');
  });
});
