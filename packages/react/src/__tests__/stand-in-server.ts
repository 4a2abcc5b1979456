import { type Actor, MaslulError, type ProgramEvent, type Runtime } from '@maslul/core';
import type { KehilaMetiva } from '@maslul/kehila-metiva';
import type { FetchLike } from '../http-source.js';

// A stand-in for the maslul HTTP API (`@maslul/http`): the same routes, JSON shapes and status
// codes, over a real runtime, as a function from a request to a response. It is the server the
// source under test talks to, not a double of the source: the source's requests go through
// `Request`, its answers through `Response`, as over a network.

const STATUS: Record<string, number> = {
  'invalid-payload': 400,
  'unknown-event': 400,
  'invalid-actor': 400,
  'invalid-instant': 400,
  unauthenticated: 401,
  forbidden: 403,
  'unknown-instance': 404,
  'version-conflict': 409,
  'already-applied': 409,
  'rule-failed': 422,
  'not-now': 422,
  waiting: 422,
  'future-event': 422,
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const failure = (error: MaslulError) =>
  json(
    { error: { code: error.code, message: error.message, issues: error.issues } },
    STATUS[error.code] ?? 500,
  );

/**
 * Serves `runtime` under `http://maslul.test/api`. Requests carry `authorization: Bearer <name>`
 * naming one of `actors` (the server's auth hook). Every request is logged.
 */
export function standInServer(
  runtime: Runtime<KehilaMetiva>,
  actors: Record<string, Actor<string>>,
) {
  const log: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: unknown;
    /** Whether the client aborted the request (TanStack Query, when nobody needs the answer). */
    aborted: () => boolean;
  }[] = [];
  /** The requests the client did not abort: the answers it used. */
  const answered = () => log.filter((request) => !request.aborted());
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.json() : undefined;
    log.push({
      method: request.method,
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(request.headers),
      ...(body === undefined ? {} : { body }),
      aborted: () => init.signal?.aborted ?? false,
    });
    const match = /^\/api\/instances\/([^/]+)(\/[a-z]+)?$/.exec(url.pathname);
    if (!match?.[1])
      return json({ error: { code: 'not-found', message: 'No such route.', issues: [] } }, 404);
    const id = decodeURIComponent(match[1]);
    try {
      if (request.method === 'GET' && match[2] === undefined) {
        const view = await runtime.open(id);
        return json({
          id,
          version: view.version,
          current: view.current(),
          deadlines: view.deadlines(),
        });
      }
      if (request.method === 'GET' && match[2] === '/schedule') {
        const { plan, status } = (await runtime.open(id)).schedule(
          url.searchParams.get('at') ?? undefined,
        );
        return json({ plan, status });
      }
      if (request.method === 'GET' && match[2] === '/history') {
        return json({ entries: await runtime.history(id) });
      }
      if (request.method === 'POST' && match[2] === '/events') {
        const actor = actors[request.headers.get('authorization')?.replace(/^Bearer /, '') ?? ''];
        if (!actor) {
          const message = 'Send "authorization: Bearer <name>".';
          return failure(
            new MaslulError([
              { code: 'unauthenticated', path: ['headers'], rule: 'http.auth', message },
            ]),
          );
        }
        const { type, payload, item, at } = body as Record<string, unknown>;
        const result = await runtime.send(
          id,
          { type, payload, item } as ProgramEvent<KehilaMetiva>,
          {
            actor: actor as Actor<never>,
            at: at as string | undefined,
            idempotencyKey: request.headers.get('idempotency-key') ?? undefined,
          },
        );
        if (!result.ok) return failure(result.refusal);
        const { entry, duplicate, deadlines } = result;
        return json({ entry, duplicate, deadlines }, duplicate ? 200 : 201);
      }
      return json({ error: { code: 'not-found', message: 'No such route.', issues: [] } }, 404);
    } catch (error) {
      if (error instanceof MaslulError) return failure(error);
      throw error;
    }
  };
  return { fetch, log, answered };
}
