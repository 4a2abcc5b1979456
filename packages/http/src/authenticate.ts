import { type Actor, MaslulError } from '@maslul/core';
import type { MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { problem } from './error-response.js';

/**
 * Who sends a request: the host's own authentication (a session cookie, a bearer token, mTLS),
 * given the Web-standard `Request`. It returns the actor, with the program roles they hold, or
 * `undefined` when the request carries no credentials it accepts (the app answers 401). It may
 * throw hono's `HTTPException` to answer with a status of its choosing. There is no default: the
 * app is never open.
 *
 * @example
 * ```ts
 * import type { Authenticate } from '@maslul/http';
 *
 * declare function sessionOf(cookie: string | null): Promise<{ user: string; roles: string[] } | undefined>;
 *
 * const authenticate: Authenticate = async (request) => {
 *   const session = await sessionOf(request.headers.get('cookie'));
 *   return session && { id: session.user, roles: session.roles };
 * };
 * ```
 * @category App
 */
export type Authenticate = (
  request: Request,
) => Actor | undefined | null | Promise<Actor | undefined | null>;

/**
 * The hono environment of the app: every handler after authentication reads the actor with
 * `c.get('actor')`, and any handler the path of the OpenAPI document (the base path included,
 * e.g. `/api/openapi.json`) with `c.get('openapi')`, which error messages point to.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import type { HttpEnv } from '@maslul/http';
 *
 * const extra = new Hono<HttpEnv>().get('/me', (c) => c.json(c.get('actor')));
 * ```
 * @category App
 */
export interface HttpEnv {
  Variables: { actor: Actor; openapi: string };
}

const actorSchema = z.object({ id: z.string().min(1), roles: z.array(z.string()) });

/** Runs `authenticate` before every route: no actor, 401; a malformed one is the host's bug, 500. */
export function authentication(authenticate: Authenticate): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const actor = await authenticate(c.req.raw);
    if (actor === undefined || actor === null) {
      throw problem(
        'unauthenticated',
        'http.authenticated',
        [],
        'The request carries no credentials this server accepts; sign in, then send it again.',
      );
    }
    const parsed = actorSchema.safeParse(actor);
    if (!parsed.success) {
      throw new MaslulError([
        {
          code: 'invalid-authenticated-actor',
          path: ['authenticate'],
          rule: 'http.actor',
          message: `authenticate() returned ${JSON.stringify(actor)}; return { id: a non-empty string, roles: role ids } or undefined.`,
        },
      ]);
    }
    c.set('actor', { id: parsed.data.id, roles: parsed.data.roles });
    await next();
  };
}
