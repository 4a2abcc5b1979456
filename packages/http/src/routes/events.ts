import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ProgramEvent, Runtime } from '@maslul/core';
import type * as z from 'zod';
import type { HttpEnv } from '../authenticate.js';
import { checkIdAt, problem } from '../error-response.js';
import type { EventKind } from '../event-body-schema.js';
import { jsonBody } from '../json-body.js';
import { sameRequest } from '../same-request.js';
import { eventEnvelope, eventHeaders, instanceParams, sentBody } from '../schemas.js';
import { errorResponses } from './errors.js';

const routeOf = <B extends z.ZodType>(body: B) =>
  createRoute({
    method: 'post',
    path: '/instances/{id}/events',
    summary: 'Send an event: record a step, start or finish a span, create or move an item',
    description:
      "The actor's roles must include one the event's step or item event names (403 if not); the payload is checked against the step's schema (400 with one issue per field and rule) and the step's rules (422).",
    middleware: [jsonBody],
    request: {
      params: instanceParams,
      headers: eventHeaders,
      body: { content: { 'application/json': { schema: body } }, required: true },
    },
    responses: {
      201: {
        description: 'Accepted and stored',
        content: { 'application/json': { schema: sentBody } },
      },
      200: {
        description: 'The Idempotency-Key was sent before: the first entry, stored once',
        content: { 'application/json': { schema: sentBody } },
      },
      ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
    },
  });

type Envelope = z.infer<typeof eventEnvelope>;

/**
 * Refuses what the OpenAPI document says an event cannot carry, before the runtime sees it: an
 * unknown type, a payload on an event that takes none, an item on a step event.
 */
function checkShape(
  kinds: ReadonlyMap<string, EventKind>,
  body: Envelope,
  program: string,
  openapi: string,
): void {
  const kind = kinds.get(body.type);
  if (!kind) {
    throw problem(
      'unknown-event',
      'core.known-event',
      ['type'],
      `"${body.type}" is not an event of program "${program}". The event types are listed in ${openapi} (a span's are "<id>.start" and "<id>.finish").`,
    );
  }
  if (kind.payload === undefined && body.payload !== undefined) {
    throw problem(
      'invalid-payload',
      'http.no-payload',
      ['payload'],
      `"${body.type}" takes no payload; leave "payload" out.`,
    );
  }
  if (!kind.item && body.item !== undefined) {
    throw problem(
      'invalid-request',
      'http.no-item',
      ['item'],
      `"${body.type}" is about no item; leave "item" out.`,
    );
  }
}

/**
 * `POST /instances/{id}/events`. It is validated with the envelope and documented with `body`,
 * the union of every event type's schema: the runtime checks the payload, so refusals carry the
 * program's rule ids, and the document still shows each event's payload.
 */
export function eventRoutes(
  app: OpenAPIHono<HttpEnv>,
  runtime: Runtime,
  kinds: ReadonlyMap<string, EventKind>,
  body: z.ZodType,
): void {
  app.openAPIRegistry.registerPath(routeOf(body));
  app.openapi({ ...routeOf(eventEnvelope), hide: true }, async (c) => {
    const { id } = c.req.valid('param');
    const request = c.req.valid('json');
    const key = c.req.valid('header')['Idempotency-Key'];
    if (key !== undefined) checkIdAt(key, ['headers', 'Idempotency-Key']);
    if (request.item !== undefined) checkIdAt(request.item, ['item']);
    checkShape(kinds, request, runtime.program.id, c.get('openapi'));
    const event = {
      type: request.type,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
      ...(request.item === undefined ? {} : { item: request.item }),
    } as ProgramEvent<typeof runtime.program>;
    const result = await runtime.send(id, event, {
      actor: c.get('actor'),
      at: request.at,
      idempotencyKey: key,
    });
    if (!result.ok) throw result.refusal;
    if (result.duplicate && !sameRequest(result.entry, request)) {
      throw problem(
        'idempotency-key-reused',
        'http.idempotency-key',
        ['headers', 'Idempotency-Key'],
        `The Idempotency-Key ${JSON.stringify(key)} was first sent with another event (#${result.entry.seq}, "${result.entry.type}"); choose a new key for a new event.`,
      );
    }
    const { entry, duplicate, deadlines } = result;
    return c.json({ entry, duplicate, deadlines }, duplicate ? 200 : 201);
  });
}
