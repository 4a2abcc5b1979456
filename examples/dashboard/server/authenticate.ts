import type { Actor } from '@maslul/core';
import type { Authenticate } from '@maslul/http';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { ACTOR_HEADER, ACTOR_ID_HEADER } from '../src/demo-state.js';

/** The role a calendar feed's address names: `GET .../calendar.ics?actor=<role>`. */
function feedActor(request: Request): string | null {
  const url = new URL(request.url);
  const reads = request.method === 'GET' || request.method === 'HEAD';
  return reads && url.pathname.endsWith('/calendar.ics') ? url.searchParams.get('actor') : null;
}

// The demo's sign-in: the page says which role it acts in, in a header. A real app would read a
// session or a token here; the HTTP API itself never trusts a request without this hook.

/**
 * Reads `X-Demo-Actor: <role>` (one of the program's roles) and, optionally,
 * `X-Demo-Actor-Id: <person>`; without the id, the authority's person holding the role.
 * A request with no role, or one the program does not know, is unauthenticated (401).
 *
 * A calendar app that subscribes to the feed sends no headers of its own, so `GET` of a
 * `calendar.ics` may name the role in the address instead (`?actor=public`). A real app gives each
 * subscriber a secret address the same way (`?token=...`, checked here), as calendar services do.
 */
export function demoAuthenticate(personOf: (role: string) => Actor | undefined): Authenticate {
  return (request) => {
    const role = (request.headers.get(ACTOR_HEADER) ?? feedActor(request))?.trim();
    if (!role || !Object.hasOwn(kehilaMetiva.roles, role)) return undefined;
    const id = request.headers.get(ACTOR_ID_HEADER)?.trim() || personOf(role)?.id || `demo-${role}`;
    return { id, roles: [role] };
  };
}
