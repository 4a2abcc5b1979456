import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '@maslul/core';
import type { HttpEnv } from '../authenticate.js';
import { instanceParams, refusalsBody } from '../schemas.js';
import { errorResponses } from './errors.js';

const refusals = createRoute({
  method: 'get',
  path: '/instances/{id}/refusals',
  summary:
    'The refusal log of the instance, oldest first: who tried what, when, and the rule that refused it (the newest ones the runtime keeps)',
  request: { params: instanceParams },
  responses: {
    200: {
      description: 'The refusals',
      content: { 'application/json': { schema: refusalsBody } },
    },
    ...errorResponses(400, 401, 404),
  },
});

/** `GET /instances/{id}/refusals`. */
export function refusalRoutes(app: OpenAPIHono<HttpEnv>, runtime: Runtime): void {
  app.openapi(refusals, async (c) => {
    const { id } = c.req.valid('param');
    return c.json({ refusals: await runtime.refusals(id) }, 200);
  });
}
