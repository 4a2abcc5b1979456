import { MaslulError, Refusal } from '@maslul/core';
import type { KehilaMetiva } from '@maslul/kehila-metiva';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { httpSource } from '../http-source.js';
import { Log, SendButton, Statuses, Tracks } from './components.js';
import { ID, kehilaRuntime, people, renderWith, scope } from './fixtures.js';
import { standInServer } from './stand-in-server.js';

const BASE = 'http://maslul.test/api/';

async function served() {
  const { runtime, clock } = await kehilaRuntime();
  const server = standInServer(runtime, { mayor: people.mayor, manager: people.manager });
  return { runtime, clock, server };
}

describe('httpSource', () => {
  it('shows the steps, sends S0 with its idempotency key as the signed-in user, then shows S1', async () => {
    const { runtime, server } = await served();
    const source = httpSource<KehilaMetiva>({
      baseUrl: BASE,
      fetch: server.fetch,
      headers: () => ({ authorization: 'Bearer mayor' }),
    });
    renderWith(
      source,
      <>
        <Tracks id={ID} />
        <Log id={ID} />
        <SendButton
          id={ID}
          label="Record the scope"
          event={{ type: 'S0', payload: scope }}
          idempotencyKey="scope-1"
        />
      </>,
    );
    await screen.findByText('strategy: S0');
    fireEvent.click(screen.getByRole('button', { name: 'Record the scope' }));
    await screen.findByText('strategy: S1');
    await screen.findByText('#1 S0 by mayor-ronit');
    expect(screen.getByText('stored #1')).toBeTruthy();

    const post = server.log.find((r) => r.method === 'POST');
    expect(post?.url).toBe(`/api/instances/${ID}/events`);
    expect(post?.headers['idempotency-key']).toBe('scope-1');
    expect(post?.headers['content-type']).toBe('application/json');
    expect(post?.body).toEqual({ type: 'S0', payload: scope });
    expect((await runtime.history(ID)).map((e) => e.actor.id)).toEqual(['mayor-ronit']);
    // Strict mode mounted everything twice: TanStack Query aborted the first mount's reads (a
    // read nobody watches is cancelled), and one read of each answered before the send, one after.
    const aborted = server.log.filter((r) => r.aborted());
    expect(aborted.map((r) => r.url).sort()).toEqual([
      `/api/instances/${ID}`,
      `/api/instances/${ID}/history`,
    ]);
    const reads = server
      .answered()
      .filter((r) => r.method === 'GET')
      .map((r) => r.url);
    expect(reads.sort()).toEqual([
      `/api/instances/${ID}`,
      `/api/instances/${ID}`,
      `/api/instances/${ID}/history`,
      `/api/instances/${ID}/history`,
    ]);
  });

  it('turns a refusal into a typed Refusal with the code, rule and message the server gave', async () => {
    const { server } = await served();
    const source = httpSource<KehilaMetiva>({
      baseUrl: BASE,
      fetch: server.fetch,
      headers: { authorization: 'Bearer manager' },
    });
    const outcome = await source.send(ID, { type: 'S0', payload: scope });
    expect(outcome.ok).toBe(false);
    const refusal = outcome.ok ? undefined : outcome.refusal;
    expect(refusal).toBeInstanceOf(Refusal);
    expect([refusal?.code, refusal?.rule, refusal?.path]).toEqual([
      'forbidden',
      'core.roles',
      ['actor', 'roles'],
    ]);
    expect(refusal?.message).toBe(
      '"pm-tamar" may not record "S0": it needs one of the roles "steeringCommittee".',
    );

    renderWith(
      source,
      <SendButton id={ID} label="Start the mapping" event={{ type: 'S2.start' }} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start the mapping' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'refused not-now (core.track-order): "S2.start" cannot be recorded now: track "strategy" is at "S0".',
    );
  });

  it("rejects with the server's MaslulError when the failure is not a refusal", async () => {
    const { server } = await served();
    const source = httpSource<KehilaMetiva>({ baseUrl: BASE, fetch: server.fetch });
    const unknown = await source.open('no-such-town').catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(MaslulError);
    expect(unknown).not.toBeInstanceOf(Refusal);
    expect([(unknown as MaslulError).code, (unknown as MaslulError).message]).toEqual([
      'unknown-instance',
      'There is no stored instance "no-such-town"; create it first.',
    ]);
    const anonymous = await source
      .send(ID, { type: 'S0', payload: scope })
      .catch((error: unknown) => error);
    expect((anonymous as MaslulError).code).toBe('unauthenticated');
  });

  it('sends the instant of an event as an ISO date-time, a plain date as its midnight UTC', async () => {
    const { server } = await served();
    const source = httpSource<KehilaMetiva>({
      baseUrl: BASE,
      fetch: server.fetch,
      headers: { authorization: 'Bearer mayor' },
    });
    const outcome = await source.send(ID, { type: 'S0', payload: scope }, { at: '2026-09-07' });
    expect(server.log[0]?.body).toEqual({
      type: 'S0',
      payload: scope,
      at: '2026-09-07T00:00:00.000Z',
    });
    expect(outcome.ok && outcome.entry.at).toBe('2026-09-07T00:00:00.000Z');
  });

  it('reads the schedule at an instant, sent as an ISO string', async () => {
    const { server } = await served();
    renderWith(
      httpSource({ baseUrl: BASE, fetch: server.fetch }),
      <Statuses id={ID} at={Date.UTC(2026, 9, 20, 9)} steps={['S0', 'S1']} />,
    );
    await screen.findByText('S1: overdue (planned 2026-09-22)');
    expect(server.answered().map((r) => r.url)).toEqual([
      `/api/instances/${ID}/schedule?at=2026-10-20T09%3A00%3A00.000Z`,
    ]);
  });

  it('sends an instant that is none as given, for the server to refuse with a typed error', async () => {
    const { server } = await served();
    const source = httpSource<KehilaMetiva>({
      baseUrl: BASE,
      fetch: server.fetch,
      headers: { authorization: 'Bearer mayor' },
    });
    const read = source.schedule(ID, new Date(Number.NaN));
    await expect(read).rejects.toBeInstanceOf(MaslulError);
    await expect(read).rejects.toMatchObject({ issues: [{ path: ['at'] }] });
    expect(server.log[0]?.url).toBe(`/api/instances/${ID}/schedule?at=Invalid%20Date`);
    const sent = await source.send(ID, { type: 'S0', payload: scope }, { at: Number.NaN });
    expect(sent.ok ? undefined : sent.refusal.issues[0]?.path).toEqual(['at']);
  });

  it('polls while mounted, shows a change another user made, and stops polling on unmount', async () => {
    const { runtime, clock, server } = await served();
    const source = httpSource({ baseUrl: BASE, fetch: server.fetch, poll: 30_000, timers: clock });
    const { unmount } = renderWith(source, <Tracks id={ID} />);
    await screen.findByText('strategy: S0');
    expect(clock.pendingTimers()).toBe(1);

    // Strict mode's first read was aborted (TanStack Query); one answered.
    clock.advanceBy(30_000); // a poll: nothing changed, nothing re-read
    await waitFor(() => expect(server.answered()).toHaveLength(2));
    await waitFor(() => expect(clock.pendingTimers()).toBe(1));

    await runtime.send(ID, { type: 'S0', payload: scope }, { actor: people.mayor }); // someone else
    clock.advanceBy(30_000);
    await screen.findByText('strategy: S1');
    expect(server.answered().map((r) => r.url)).toEqual(Array(4).fill(`/api/instances/${ID}`));

    unmount();
    await waitFor(() => expect(clock.pendingTimers()).toBe(0));
    clock.advanceBy(300_000);
    expect(server.answered()).toHaveLength(4);
  });

  it("names the field of a response that is not the API's, and a server it cannot reach", async () => {
    const notMaslul = httpSource({
      baseUrl: BASE,
      fetch: async () => new Response(JSON.stringify({ version: '3' }), { status: 200 }),
    });
    const shape = (await notMaslul.open(ID).catch((error: unknown) => error)) as MaslulError;
    expect([shape.code, shape.path, shape.rule]).toEqual([
      'invalid-response',
      ['version'],
      'http.response-shape',
    ]);
    expect(shape.message).toContain(`GET /instances/${ID}`);

    const down = httpSource({
      baseUrl: BASE,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const unreachable = (await down.history(ID).catch((error: unknown) => error)) as MaslulError;
    expect([unreachable.code, unreachable.path]).toEqual(['http-unreachable', ['baseUrl']]);
    expect(unreachable.message).toContain('fetch failed');
  });

  it('refuses a poll interval that no timer can wait', () => {
    for (const poll of [0, -1, Number.NaN, 2 ** 31]) {
      expect(() => httpSource({ baseUrl: BASE, poll })).toThrow(
        /poll must be a number of milliseconds above 0/,
      );
    }
  });
});
