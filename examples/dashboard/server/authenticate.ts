import type { Actor } from '@maslul/core';
import type { Authenticate } from '@maslul/http';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { ACTOR_HEADER, ACTOR_ID_HEADER } from '../src/demo-state.js';

// The demo's sign-in: the page says which role it acts in, in a header. A real app would read a
// session or a token here; the HTTP API itself never trusts a request without this hook.

/**
 * Reads `X-Demo-Actor: <role>` (one of the program's roles) and, optionally,
 * `X-Demo-Actor-Id: <person>`; without the id, the authority's person holding the role.
 * A request with no role, or one the program does not know, is unauthenticated (401).
 */
export function demoAuthenticate(personOf: (role: string) => Actor | undefined): Authenticate {
  return (request) => {
    const role = request.headers.get(ACTOR_HEADER)?.trim();
    if (!role || !Object.hasOwn(kehilaMetiva.roles, role)) return undefined;
    const id = request.headers.get(ACTOR_ID_HEADER)?.trim() || personOf(role)?.id || `demo-${role}`;
    return { id, roles: [role] };
  };
}
