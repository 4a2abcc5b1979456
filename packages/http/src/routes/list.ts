import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '@maslul/core';
import type { HttpEnv } from '../authenticate.js';
import { instancePageBody, listQuery } from '../schemas.js';
import { errorResponses } from './errors.js';

const list = createRoute({
  method: 'get',
  path: '/instances',
  summary:
    'A page of the instances, in id order, with where each stands now: filtered by program, status and overdue steps',
  request: { query: listQuery },
  responses: {
    200: {
      description: 'The page, and the cursor of the next one',
      content: { 'application/json': { schema: instancePageBody } },
    },
    ...errorResponses(400, 401),
  },
});

/** `GET /instances`. */
export function listRoutes(app: OpenAPIHono<HttpEnv>, runtime: Runtime): void {
  app.openapi(list, async (c) => {
    const { program, status, overdue, cursor, limit } = c.req.valid('query');
    // The runtime runs one program: another program's id is a filter nothing here matches.
    if (program !== undefined && program !== runtime.program.id)
      return c.json({ instances: [] }, 200);
    const page = await runtime.list({
      status,
      overdue: overdue === undefined ? undefined : overdue === 'true',
      cursor,
      limit: limit === undefined ? undefined : Number(limit),
    });
    return c.json(page, 200);
  });
}
