import { errorBodySchema } from '../error-body.js';

const DESCRIPTIONS = {
  400: 'The request or the event is malformed: the issues name each field and rule',
  401: 'No actor: the request carries no credentials the server accepts',
  403: "The actor's roles may not send this event",
  404: 'No such instance',
  409: 'Another writer stored first, or the id is taken: read again, then retry',
  413: 'The body is larger than the server takes',
  415: 'The body is not sent as application/json',
  422: 'The program refuses the event as things stand: a rule, the track order, a join or a future date',
} as const;

type Status = keyof typeof DESCRIPTIONS;

/** The error answers of a route, for its OpenAPI document: each with the one error body. */
export function errorResponses<const S extends Status>(
  ...statuses: S[]
): {
  [K in S]: {
    description: string;
    content: { 'application/json': { schema: typeof errorBodySchema } };
  };
} {
  const responses: Record<number, unknown> = {};
  for (const status of statuses) {
    responses[status] = {
      description: DESCRIPTIONS[status],
      content: { 'application/json': { schema: errorBodySchema } },
    };
  }
  return responses as never;
}
