import type { Context } from 'hono';
import { errorAnswer, problem } from './error-response.js';

// A known path asked with a method it does not answer is 405 with an Allow header (RFC 9110
// 15.5.6), not 404: the client has the address right and the method wrong.

/** A route as hono lists it (`app.routes`): `ALL` for middleware. */
interface RouteEntry {
  readonly method: string;
  readonly path: string;
}

const patterns = new WeakMap<readonly RouteEntry[], { method: string; pattern: RegExp }[]>();

/** A hono route path (`/api/instances/:id/events`) as a regular expression over whole paths. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) =>
      segment.startsWith(':')
        ? '[^/]+'
        : segment === '*'
          ? '.*'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * The methods the app answers at `path`, in the order an Allow header lists them (HEAD with GET,
 * since hono answers HEAD from a GET route); empty when no route has that path.
 */
export function allowedMethods(routes: readonly RouteEntry[], path: string): string[] {
  let compiled = patterns.get(routes);
  if (!compiled || compiled.length !== routes.length) {
    compiled = routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({ method: route.method, pattern: patternOf(route.path) }));
    patterns.set(routes, compiled);
  }
  const methods = new Set(
    compiled.filter((route) => route.pattern.test(path)).map((route) => route.method),
  );
  if (methods.has('GET')) methods.add('HEAD');
  return ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((method) => methods.has(method));
}

/** The 405 answer, in the app's one error shape, with the Allow header. */
export function methodNotAllowed(
  c: Context,
  allowed: readonly string[],
  openapi: string,
): Response {
  const list = allowed.join(', ');
  const answer = errorAnswer(
    problem(
      'method-not-allowed',
      'http.method',
      [],
      `${c.req.path} does not answer ${c.req.method}; it answers ${list} (see ${openapi}).`,
    ),
  );
  return c.json(answer?.body, 405, { Allow: list });
}
