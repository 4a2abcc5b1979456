import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '@maslul/core';
import type { HttpEnv } from '../authenticate.js';
import { historyBody, instanceParams } from '../schemas.js';
import { errorResponses } from './errors.js';

const history = createRoute({
  method: 'get',
  path: '/instances/{id}/history',
  summary: 'Every stored event of the instance, in order, with its actor and rule trace',
  request: { params: instanceParams },
  responses: {
    200: {
      description: 'The entries',
      content: { 'application/json': { schema: historyBody } },
    },
    ...errorResponses(400, 401, 404),
  },
});

/** `GET /instances/{id}/history`. */
export function historyRoutes(app: OpenAPIHono<HttpEnv>, runtime: Runtime): void {
  app.openapi(history, async (c) => {
    const { id } = c.req.valid('param');
    return c.json({ entries: await runtime.history(id) }, 200);
  });
}
