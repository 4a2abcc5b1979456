import type { Actor } from '@maslul/core';
import type { KehilaMetiva } from '@maslul/kehila-metiva';
import { httpSource } from '@maslul/react';
import { ACTOR_HEADER, ACTOR_ID_HEADER, API_BASE, type DemoState } from './demo-state.js';

// How the page talks to the server: the maslul HTTP API through @maslul/react's httpSource, and
// the demo's own GET /demo and POST /demo/advance with fetch. Every request names the role the
// page acts in (the demo's sign-in): the role that may record the script's next event.

let acting: Actor = { id: 'visitor', roles: ['public'] };

/** Acts as `actor` from the next request on. */
export const actAs = (actor: Actor): void => {
  acting = actor;
};

/** The headers of the demo's sign-in, for the role the page acts in now. */
export const demoHeaders = (): Record<string, string> => ({
  [ACTOR_HEADER]: acting.roles[0] ?? 'public',
  [ACTOR_ID_HEADER]: acting.id,
});

/** The maslul HTTP API on this server, for `<MaslulProvider>`. */
export const source = httpSource<KehilaMetiva>({ baseUrl: API_BASE, headers: demoHeaders });

async function demoRequest(method: 'GET' | 'POST', path: string): Promise<DemoState> {
  const response = await fetch(path, { method, headers: demoHeaders() });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${response.statusText}`);
  return (await response.json()) as DemoState;
}

/** The simulated day and the script's next event. */
export const readDemo = (): Promise<DemoState> => demoRequest('GET', '/demo');

/** Moves the simulated clock on to the next event's day. */
export const advanceDemo = (): Promise<DemoState> => demoRequest('POST', '/demo/advance');
