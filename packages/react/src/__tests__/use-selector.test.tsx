import type { KehilaMetiva } from '@maslul/kehila-metiva';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localSource } from '../local-source.js';
import type { InstanceState } from '../source.js';
import { matches, useSelector } from '../use-selector.js';
import { SendButton } from './components.js';
import { ID, kehilaRuntime, people, renderWith, scope } from './fixtures.js';

/** Shows whether the strategy track is at S1, and counts its own renders. */
function AtMeeting1({ renders }: { renders: string[] }) {
  const at = useSelector(ID, (state: InstanceState<KehilaMetiva>) =>
    matches(state, { strategy: 'S1' }),
  );
  renders.push(String(at));
  return <p>{at === undefined ? 'reading' : at ? 'at meeting 1' : 'not at meeting 1'}</p>;
}

/** The pilot track's step: a selection that does not change when the strategy track moves. */
function PilotStep({ renders }: { renders: string[] }) {
  const step = useSelector(ID, (state: InstanceState<KehilaMetiva>) => state.current.pilot?.step);
  renders.push(String(step));
  return <p>{`pilot at ${step ?? '…'}`}</p>;
}

/** The number of tracks and the version, kept while the number of tracks stays the same. */
function TrackCount({ seen }: { seen: number[][] }) {
  const tracks = useSelector(
    ID,
    (state: InstanceState<KehilaMetiva>) => [Object.keys(state.current).length, state.version],
    (a, b) => a[0] === b[0], // the number of tracks only
  );
  if (tracks) seen.push(tracks);
  return <p>{tracks ? `${tracks[0]} tracks` : '…'}</p>;
}

describe('useSelector', () => {
  it('gives the selection, and re-renders when it changes, not when the rest of the instance does', async () => {
    const { runtime } = await kehilaRuntime();
    const meeting: string[] = [];
    const pilot: string[] = [];
    renderWith(
      localSource(runtime),
      <>
        <AtMeeting1 renders={meeting} />
        <PilotStep renders={pilot} />
        <SendButton
          id={ID}
          label="Scope"
          event={{ type: 'S0', payload: scope }}
          actor={people.mayor}
        />
      </>,
    );
    await screen.findByText('not at meeting 1');
    await screen.findByText('pilot at X1');
    const pilotRenders = pilot.length;

    fireEvent.click(screen.getByRole('button', { name: 'Scope' }));
    await screen.findByText('at meeting 1');
    await screen.findByText('stored #1');
    // The instance was read again (version 1, the strategy track at S1); the pilot's step did
    // not change, so PilotStep did not render again.
    await waitFor(async () => expect((await runtime.open(ID)).version).toBe(1));
    expect(pilot.length).toBe(pilotRenders);
    expect(meeting.filter((m) => m === 'true').length).toBeGreaterThan(0);
  });

  it('keeps the earlier selection when compare calls two the same', async () => {
    const { runtime } = await kehilaRuntime();
    const seen: number[][] = [];
    renderWith(
      localSource(runtime),
      <>
        <TrackCount seen={seen} />
        <SendButton
          id={ID}
          label="Scope"
          event={{ type: 'S0', payload: scope }}
          actor={people.mayor}
        />
      </>,
    );
    await screen.findByText('5 tracks');
    fireEvent.click(screen.getByRole('button', { name: 'Scope' }));
    await screen.findByText('stored #1');
    await waitFor(async () => expect((await runtime.open(ID)).version).toBe(1));
    // Version 1 came, but with as many tracks: the selection of version 0 is the one kept.
    expect(new Set(seen.map((s) => s.join()))).toEqual(new Set(['5,0']));
  });
});

describe('matches', () => {
  it('is true when every track named is at its step, as XState state.matches is', async () => {
    const { runtime } = await kehilaRuntime();
    const view = await runtime.open(ID);
    const state: InstanceState<KehilaMetiva> = {
      id: ID,
      version: view.version,
      current: view.current(),
      deadlines: view.deadlines(),
    };
    expect(matches(state, { strategy: 'S0' })).toBe(true);
    expect(matches(state, { strategy: 'S0', pilot: 'X1' })).toBe(true);
    expect(matches(state, { strategy: 'S0', pilot: 'X3' })).toBe(false);
    expect(matches(state, { strategy: 'done' })).toBe(false);
    expect(matches(state, {})).toBe(true);
    expect(matches(state, { nowhere: 'S0' })).toBe(false);
  });
});
