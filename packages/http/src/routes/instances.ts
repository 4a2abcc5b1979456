import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { InstanceView, Runtime } from '@maslul/core';

/** `YYYY-MM-DD`, as the schema checked it. */
type PlainDate = Parameters<Runtime['create']>[1]['start'];

import type { HttpEnv } from '../authenticate.js';
import { checkIdAt } from '../error-response.js';
import { jsonBody } from '../json-body.js';
import { createInstanceBody, instanceBody, instanceParams } from '../schemas.js';
import { errorResponses } from './errors.js';

/** An instance as the routes answer it. */
export function instanceJson(id: string, view: InstanceView) {
  return {
    id,
    program: { id: view.program.id, version: view.program.version },
    version: view.version,
    current: view.current(),
    deadlines: view.deadlines(),
  };
}

const create = createRoute({
  method: 'post',
  path: '/instances',
  summary: 'Start a new instance of the program',
  middleware: [jsonBody],
  request: {
    body: { content: { 'application/json': { schema: createInstanceBody } }, required: true },
  },
  responses: {
    201: {
      description: 'Created and stored, with its first deadlines',
      content: { 'application/json': { schema: instanceBody } },
    },
    ...errorResponses(400, 401, 409, 413, 415),
  },
});

const read = createRoute({
  method: 'get',
  path: '/instances/{id}',
  summary: 'Where an instance stands: its version, the step of each track, its deadlines',
  request: { params: instanceParams },
  responses: {
    200: {
      description: 'The instance',
      content: { 'application/json': { schema: instanceBody } },
    },
    ...errorResponses(400, 401, 404),
  },
});

/** `POST /instances` and `GET /instances/{id}`. */
export function instanceRoutes(app: OpenAPIHono<HttpEnv>, runtime: Runtime): void {
  app.openapi(create, async (c) => {
    const { id, start } = c.req.valid('json');
    checkIdAt(id, ['id']);
    // Everything the answer needs that can fail is made before the instance is stored.
    const location = `${c.req.path.replace(/\/$/, '')}/${encodeURIComponent(id)}`;
    const view = await runtime.create(id, { start: start as PlainDate });
    c.header('Location', location);
    return c.json(instanceJson(id, view), 201);
  });
  app.openapi(read, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(instanceJson(id, await runtime.open(id)), 200);
  });
}
