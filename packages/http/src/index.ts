/**
 * `@maslul/http`: a Hono app over a maslul runtime and its store. Create instances, send them
 * events, read where they stand, their schedule, history and iCalendar file, over JSON; an
 * OpenAPI 3.1 document is made from the same zod schemas, the program's payload schemas
 * included. Web-standard `Request` and `Response` only: it runs in Node, Bun, Deno and edge
 * runtimes. An `authenticate` hook is required; the actor's roles gate every event.
 *
 * @packageDocumentation
 */

export type { Authenticate, HttpEnv } from './authenticate.js';
export {
  createHttpApp,
  DEFAULT_MAX_BODY_BYTES,
  type HttpAppOptions,
} from './create-http-app.js';
export {
  errorBodySchema,
  type HttpErrorBody,
  type HttpIssue,
  httpIssueSchema,
} from './error-body.js';
export type { ReportError } from './error-response.js';
export { eventBodySchema } from './event-body-schema.js';
export { httpStatusOf } from './http-status-of.js';
export type { CalendarExport } from './routes/schedule.js';
