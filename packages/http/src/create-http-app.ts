import { OpenAPIHono } from '@hono/zod-openapi';
import { labelIn, MaslulError, type Program, type Runtime } from '@maslul/core';
import { bodyLimit } from 'hono/body-limit';
import { type Authenticate, authentication, type HttpEnv } from './authenticate.js';
import { errorHandler, invalidRequest, problem, type ReportError } from './error-response.js';
import { eventBodySchema, eventKindsOf } from './event-body-schema.js';
import { allowedMethods, methodNotAllowed } from './method-not-allowed.js';
import { eventRoutes } from './routes/events.js';
import { historyRoutes } from './routes/history.js';
import { instanceRoutes } from './routes/instances.js';
import { listRoutes } from './routes/list.js';
import { refusalRoutes } from './routes/refusals.js';
import { type CalendarExport, scheduleRoutes } from './routes/schedule.js';

/**
 * The largest request body the app reads by default: 64 KiB. The longest event of a whole Kehila
 * Metiva run (the strategic plan) is under 3 KB of JSON.
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_BODY_BYTES } from '@maslul/http';
 *
 * const maxBodyBytes = 4 * DEFAULT_MAX_BODY_BYTES; // 256 KiB, for programs with long documents
 * ```
 * @category App
 */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * What {@link createHttpApp} needs: the runtime the routes drive, and who sends each request.
 *
 * @example
 * ```ts
 * import type { Runtime } from '@maslul/core';
 * import type { HttpAppOptions } from '@maslul/http';
 *
 * declare const runtime: Runtime;
 * const options: HttpAppOptions = {
 *   runtime,
 *   authenticate: (request) => (request.headers.get('x-user') === 'dana' ? { id: 'dana', roles: ['programManager'] } : undefined),
 *   maxBodyBytes: 128 * 1024,
 * };
 * ```
 * @category App
 */
export interface HttpAppOptions<P extends Program = Program> {
  /** The runtime (from `createRuntime` over a store) whose instances the routes read and write. */
  readonly runtime: Runtime<P>;
  /** Required: the actor of each request, or undefined for 401. Its roles gate every event. */
  readonly authenticate: Authenticate;
  /** Serves `GET /instances/{id}/calendar.ics` with it; without it, that route is not there (404). */
  readonly exportCalendar?: CalendarExport | undefined;
  /** The largest body read, in bytes (default {@link DEFAULT_MAX_BODY_BYTES}); larger ones get 413. */
  readonly maxBodyBytes?: number | undefined;
  /** A path prefix for every route, e.g. `/api/v1` (the OpenAPI document's paths include it). */
  readonly basePath?: string | undefined;
  /** Told of every error answered with 500 (the answer itself says nothing of the cause). */
  readonly onInternalError?: ReportError | undefined;
}

function invalidOption(path: string, message: string): MaslulError {
  return new MaslulError([{ code: 'invalid-option', path: [path], rule: `http.${path}`, message }]);
}

function check(options: HttpAppOptions): void {
  if (typeof options?.authenticate !== 'function') {
    throw invalidOption(
      'authenticate',
      'createHttpApp needs authenticate(request), returning the actor or undefined (401): the app is never open by default.',
    );
  }
  const runtime = options.runtime as Partial<Runtime> | undefined;
  if (
    typeof runtime?.send !== 'function' ||
    typeof runtime.open !== 'function' ||
    !runtime.program
  ) {
    throw invalidOption(
      'runtime',
      'createHttpApp needs runtime: the result of createRuntime(program, { store, clock }).',
    );
  }
  const max = options.maxBodyBytes;
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
    throw invalidOption(
      'maxBodyBytes',
      `maxBodyBytes must be a whole number of bytes from 1, not ${JSON.stringify(max)}.`,
    );
  }
}

/**
 * A Hono app over a runtime: create an instance, list them (paged, by status and overdue steps), send it events, read where it stands, its
 * schedule, its history, its refusal log and (with `exportCalendar`) its iCalendar file; `GET /openapi.json` is
 * its OpenAPI 3.1 document, made from the same zod schemas, the program's payload schemas
 * included. It is a Web-standard fetch handler (`app.fetch`): it runs in Node (with
 * `@hono/node-server`), Bun, Deno and edge runtimes, or mounted in another Hono app.
 *
 * Every route needs an actor from `authenticate`; the actor's roles gate every event. Every error
 * answer has one body shape ({@link HttpErrorBody}); the status follows {@link httpStatusOf}.
 *
 * @param options - the runtime, `authenticate`, and the optional calendar export, body limit,
 *   base path and error reporter
 * @returns the app
 * @throws MaslulError `invalid-option` when `authenticate` is not a function or `runtime` is missing
 *
 * @example
 * ```ts
 * import { createManualClock, createRuntime } from '@maslul/core';
 * import { createHttpApp } from '@maslul/http';
 * import { kehilaMetiva } from '@maslul/kehila-metiva';
 * import { createMemoryStore } from '@maslul/store';
 *
 * const runtime = createRuntime(kehilaMetiva, {
 *   store: createMemoryStore(),
 *   clock: createManualClock('2026-09-07T09:00:00Z'),
 * });
 * const app = createHttpApp({
 *   runtime,
 *   authenticate: (request) =>
 *     request.headers.get('authorization') === 'Bearer mayor'
 *       ? { id: 'mayor', roles: ['steeringCommittee'] }
 *       : undefined,
 * });
 * const response = await app.request('/instances', {
 *   method: 'POST',
 *   headers: { authorization: 'Bearer mayor', 'content-type': 'application/json' },
 *   body: JSON.stringify({ id: 'ramat-hateenim', start: '2026-09-07' }),
 * });
 * response.status; // 201
 * ```
 * @category App
 */
export function createHttpApp<P extends Program>(options: HttpAppOptions<P>): OpenAPIHono<HttpEnv> {
  check(options as HttpAppOptions);
  const runtime = options.runtime as unknown as Runtime;
  const maxSize = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // Where the document is, as a client must ask for it: messages that point to it say this.
  const openapi = `${(options.basePath ?? '').replace(/\/+$/, '')}/openapi.json`;
  const root = new OpenAPIHono<HttpEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalidRequest(result.target, result.error, openapi);
    },
  });
  const app = options.basePath ? root.basePath(options.basePath) : root;
  app.onError(errorHandler(options.onInternalError));
  app.use(async (c, next) => {
    c.set('openapi', openapi);
    await next();
  });
  app.notFound((c) => {
    const allowed = allowedMethods(app.routes, c.req.path);
    if (allowed.length > 0) return methodNotAllowed(c, allowed, openapi);
    throw problem(
      'not-found',
      'http.route',
      [],
      `There is no route ${c.req.method} ${c.req.path}; the routes are listed in ${openapi}.`,
    );
  });
  app.use(
    bodyLimit({
      maxSize,
      onError: () => {
        throw problem(
          'body-too-large',
          'http.body-limit',
          [],
          `The body is larger than ${maxSize} bytes, the most this server reads; send a smaller one.`,
        );
      },
    }),
  );
  app.use(authentication(options.authenticate));

  instanceRoutes(app, runtime);
  listRoutes(app, runtime);
  eventRoutes(app, runtime, eventKindsOf(runtime.program), eventBodySchema(runtime.program));
  scheduleRoutes(app, runtime, options.exportCalendar);
  historyRoutes(app, runtime);
  refusalRoutes(app, runtime);

  let document: unknown;
  app.get('/openapi.json', (c) => {
    document ??= app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: `${labelIn(runtime.program.label, 'en')}: maslul HTTP API`,
        version: String(runtime.program.version),
        description: `Instances of program "${runtime.program.id}" (definition version ${runtime.program.version}). Every route needs the credentials the server's authenticate hook accepts; the actor's roles gate every event.`,
      },
    });
    return c.json(document as object, 200);
  });
  return app;
}
