import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { InstanceView, Runtime } from '@maslul/core';
import type { HttpEnv } from '../authenticate.js';
import { problem } from '../error-response.js';
import { instanceParams, scheduleBody, scheduleQuery } from '../schemas.js';
import { errorResponses } from './errors.js';

/**
 * Turns an instance's plan into iCalendar text, e.g. with `toICalendar` from `@maslul/export`.
 *
 * @example
 * ```ts
 * import type { CalendarExport } from '@maslul/http';
 *
 * const summaryOnly: CalendarExport = (plan, { id }) =>
 *   ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//${id}//EN`, 'END:VCALENDAR'].join('\r\n');
 * ```
 * @category App
 */
export type CalendarExport = (
  plan: ReturnType<InstanceView['schedule']>['plan'],
  instance: { readonly id: string },
) => string | Promise<string>;

const schedule = createRoute({
  method: 'get',
  path: '/instances/{id}/schedule',
  summary: "The instance's plan from the facts so far, and each step's status at an instant",
  request: { params: instanceParams, query: scheduleQuery },
  responses: {
    200: {
      description: 'The plan and the statuses',
      content: { 'application/json': { schema: scheduleBody } },
    },
    ...errorResponses(400, 401, 404),
  },
});

const calendar = createRoute({
  method: 'get',
  path: '/instances/{id}/calendar.ics',
  summary: "The instance's plan as an iCalendar file",
  request: { params: instanceParams },
  responses: {
    200: {
      description: 'iCalendar (RFC 5545)',
      content: { 'text/calendar': { schema: { type: 'string' } } },
    },
    ...errorResponses(400, 401, 404),
  },
});

/** `GET /instances/{id}/schedule`, and `GET /instances/{id}/calendar.ics` with an export. */
export function scheduleRoutes(
  app: OpenAPIHono<HttpEnv>,
  runtime: Runtime,
  exportCalendar: CalendarExport | undefined,
): void {
  app.openapi(schedule, async (c) => {
    const { id } = c.req.valid('param');
    const { at } = c.req.valid('query');
    const { plan, status, ended } = (await runtime.open(id)).schedule(at);
    return c.json(ended ? { plan, status, ended } : { plan, status }, 200);
  });
  if (!exportCalendar) {
    // Not in the document: the route is there only to say why there is no calendar.
    app.get('/instances/:id/calendar.ics', () => {
      throw problem(
        'not-found',
        'http.calendar',
        [],
        'This server exports no calendar: create the app with exportCalendar (e.g. toICalendar from @maslul/export).',
      );
    });
    return;
  }
  app.openapi(calendar, async (c) => {
    const { id } = c.req.valid('param');
    const { plan } = (await runtime.open(id)).schedule();
    const text = await exportCalendar(plan, { id });
    return c.body(text, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${id.replace(/[^\w.-]/g, '_')}.ics"`,
    });
  });
}
