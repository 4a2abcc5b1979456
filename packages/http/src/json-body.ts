import type { MiddlewareHandler } from 'hono';
import { problem } from './error-response.js';

/** The media types a JSON body may be sent as, with parameters (`; charset=utf-8`). */
const JSON_TYPE = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks a body before its schema does, so that each way to get it wrong has its own answer: not
 * declared as JSON (415), not UTF-8 or not JSON (400). Hono caches the bytes it read, and the
 * route's validator parses them again from that cache.
 */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type');
  if (type === undefined || !JSON_TYPE.test(type)) {
    throw problem(
      'unsupported-media-type',
      'http.content-type',
      ['headers', 'content-type'],
      `The body must be JSON sent with "Content-Type: application/json"${type === undefined ? '' : `, not ${JSON.stringify(type.slice(0, 100))}`}.`,
    );
  }
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw problem(
      'malformed-json',
      'http.utf-8',
      [],
      'The body is not valid UTF-8; send JSON text.',
    );
  }
  try {
    JSON.parse(text);
  } catch {
    throw problem(
      'malformed-json',
      'http.json',
      [],
      `The body is not valid JSON; send one JSON object, as described in ${c.get('openapi') ?? '/openapi.json'}.`,
    );
  }
  await next();
};
