import { type LogEntry, MaslulError, Refusal, type RefusalCode } from '@maslul/core';

type Issue = MaslulError['issues'][number];

/** Every refusal code: an error body with one of these is a refused event, not a failure. */
const REFUSAL_CODES = {
  'unknown-event': true,
  forbidden: true,
  'invalid-payload': true,
  'rule-failed': true,
  'rule-error': true,
  ended: true,
  'not-now': true,
  waiting: true,
  'invalid-instant': true,
  'future-event': true,
  'before-start': true,
  'invalid-id': true,
  'invalid-actor': true,
  'unknown-item': true,
  'already-applied': true,
  'idempotency-key-reused': true,
} as const satisfies Record<RefusalCode, true>;

export const isRefusalCode = (code: string): code is RefusalCode =>
  Object.hasOwn(REFUSAL_CODES, code);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A MaslulError about the response of `what`, naming the field and what was expected. */
export function invalidResponse(
  what: string,
  path: readonly (string | number)[],
  expected: string,
) {
  return new MaslulError([
    {
      code: 'invalid-response',
      path,
      rule: 'http.response-shape',
      message: `The response to ${what} has no valid ${path.length ? `"${path.join('.')}"` : 'body'}: expected ${expected}. Is the base URL that of a maslul HTTP API?`,
    },
  ]);
}

/** The body's issues when they are well formed; else one issue made of the code and message. */
function issuesOf(
  error: Record<string, unknown>,
  code: string,
  message: string,
): [Issue, ...Issue[]] {
  const given = Array.isArray(error.issues) ? error.issues : [];
  const issues: Issue[] = given.filter(isObject).map((issue) => ({
    code: typeof issue.code === 'string' ? issue.code : code,
    path: Array.isArray(issue.path)
      ? issue.path.filter(
          (p): p is string | number => typeof p === 'string' || typeof p === 'number',
        )
      : [],
    rule: typeof issue.rule === 'string' ? issue.rule : `http.${code}`,
    message: typeof issue.message === 'string' ? issue.message : message,
    step: typeof issue.step === 'string' ? issue.step : undefined,
  }));
  const [first, ...rest] = issues;
  return first ? [first, ...rest] : [{ code, path: [], rule: `http.${code}`, message }];
}

/**
 * The error an error response stands for: a {@link Refusal} when its code is a refusal code, else
 * a MaslulError with the server's code, path, rule and message.
 */
export function errorOf(what: string, status: number, body: unknown): MaslulError {
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  if (!error || typeof error.code !== 'string') {
    return new MaslulError([
      {
        code: 'http-status',
        path: [],
        rule: 'http.status',
        message: `${what} failed with HTTP ${status} and no maslul error in the body.`,
      },
    ]);
  }
  const message = typeof error.message === 'string' ? error.message : `${what}: ${error.code}`;
  const issues = issuesOf(error, error.code, message);
  return isRefusalCode(error.code) ? new Refusal(error.code, issues) : new MaslulError(issues);
}

/** Checks the instance body `{ id, version, current, deadlines }`. */
export function instanceBody(what: string, body: unknown) {
  if (!isObject(body)) throw invalidResponse(what, [], 'a JSON object');
  if (typeof body.version !== 'number') throw invalidResponse(what, ['version'], 'a number');
  if (!isObject(body.current)) throw invalidResponse(what, ['current'], 'an object of tracks');
  if (!Array.isArray(body.deadlines)) throw invalidResponse(what, ['deadlines'], 'an array');
  return body as { version: number; current: object; deadlines: unknown[] };
}

/** Checks the schedule body `{ plan, status }`. */
export function scheduleBody(what: string, body: unknown) {
  if (!isObject(body)) throw invalidResponse(what, [], 'a JSON object');
  if (!isObject(body.plan) || !isObject(body.plan.steps))
    throw invalidResponse(what, ['plan'], 'a plan with steps');
  if (!isObject(body.status)) throw invalidResponse(what, ['status'], 'an object of statuses');
  return body as { plan: object; status: object };
}

/** Checks the history body `{ entries }`. */
export function historyBody(what: string, body: unknown): readonly LogEntry[] {
  if (!isObject(body) || !Array.isArray(body.entries))
    throw invalidResponse(what, ['entries'], 'an array of stored events');
  return body.entries as LogEntry[];
}

/** Checks the send body `{ entry, duplicate }`. */
export function sentBody(what: string, body: unknown) {
  if (!isObject(body)) throw invalidResponse(what, [], 'a JSON object');
  if (!isObject(body.entry) || typeof body.entry.seq !== 'number')
    throw invalidResponse(what, ['entry'], 'the stored event');
  if (typeof body.duplicate !== 'boolean') throw invalidResponse(what, ['duplicate'], 'a boolean');
  return { entry: body.entry as unknown as LogEntry, duplicate: body.duplicate };
}
