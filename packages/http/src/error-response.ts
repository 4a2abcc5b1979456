import { idIssue, MaslulError } from '@maslul/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod';
import type { HttpErrorBody, HttpIssue } from './error-body.js';
import { httpStatusOf } from './http-status-of.js';

/**
 * Told of every error the app answers with 500, with its request: the answer itself says nothing
 * of the cause, so this is where operators see it (a log, an error tracker).
 *
 * @example
 * ```ts
 * import type { ReportError } from '@maslul/http';
 *
 * const report: ReportError = (error, request) => console.error(request.method, request.url, error);
 * ```
 * @category Errors
 */
export type ReportError = (error: unknown, request: Request) => void;

const INTERNAL_MESSAGE =
  'The server could not handle this request; the error was reported to its operators. Try again later.';

const INTERNAL: HttpErrorBody = {
  error: {
    code: 'internal-error',
    message: INTERNAL_MESSAGE,
    issues: [
      { code: 'internal-error', path: [], rule: 'http.internal', message: INTERNAL_MESSAGE },
    ],
  },
};

/** An error of the HTTP layer, with one issue; its code picks the status (`httpStatusOf`). */
export function problem(
  code: string,
  rule: string,
  path: readonly (string | number)[],
  message: string,
): MaslulError {
  return new MaslulError([{ code, rule, path, message }]);
}

/** Refuses an id of the request with `invalid-id`, naming where it is (`item`, `headers.Idempotency-Key`). */
export function checkIdAt(value: unknown, path: readonly (string | number)[]): void {
  const issue = idIssue(value, path);
  if (issue) throw new MaslulError([issue]);
}

const WHERE = { json: 'body', param: 'path', query: 'query', header: 'headers' } as const;

/**
 * A request that fails its route's schema, as a 400 `invalid-request`: one issue per zod issue
 * (one per unknown key), its path relative to the body (so `payload.x`, as the runtime's
 * refusals say it) or prefixed by where it was (`query`, `path`, `headers`).
 */
export function invalidRequest(
  target: string,
  error: z.ZodError,
  openapi = '/openapi.json',
): MaslulError {
  const where = WHERE[target as keyof typeof WHERE] ?? target;
  const prefix = where === 'body' ? [] : [where];
  const issues = error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const at = key === undefined ? path : [...path, key];
      const named = [where, ...at].join('.');
      const message =
        key === undefined
          ? `${named}: ${issue.message}`
          : `${named}: unknown field "${key}"; remove it (the fields are listed in ${openapi}).`;
      return { code: 'invalid-request', path: [...prefix, ...at], rule: `http.${where}`, message };
    });
  });
  const [first, ...rest] = issues;
  return new MaslulError(
    first
      ? [first, ...rest]
      : [
          {
            code: 'invalid-request',
            path: prefix,
            rule: `http.${where}`,
            message: 'Invalid request.',
          },
        ],
  );
}

function issuesOf(error: MaslulError): [HttpIssue, ...HttpIssue[]] {
  const [first, ...rest] = error.issues.map(
    ({ code, path, rule, step, message }): HttpIssue => ({
      code,
      path: [...path],
      rule,
      ...(step === undefined ? {} : { step }),
      message,
    }),
  );
  return first
    ? [first, ...rest]
    : [{ code: error.code, path: [...error.path], rule: error.rule, message: error.message }];
}

const EXCEPTION_CODES: { readonly [status: number]: string } = {
  400: 'invalid-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  413: 'body-too-large',
  415: 'unsupported-media-type',
};

/** The status and body of a known error; undefined for anything that is the server's fault. */
export function errorAnswer(error: unknown): { status: number; body: HttpErrorBody } | undefined {
  if (error instanceof MaslulError) {
    const status = httpStatusOf(error.code);
    if (status >= 500) return undefined;
    return {
      status,
      body: { error: { code: error.code, message: error.message, issues: issuesOf(error) } },
    };
  }
  // Thrown by hono's own middleware, or by an `authenticate` hook that chose a status.
  if (error instanceof HTTPException && error.status < 500) {
    const code = EXCEPTION_CODES[error.status] ?? `http-${error.status}`;
    const message = error.message || `The request was refused with status ${error.status}.`;
    const issue = { code, path: [], rule: 'http.request', message };
    return { status: error.status, body: { error: { code, message, issues: [issue] } } };
  }
  return undefined;
}

/** The app's `onError`: the same body shape for every error; 500 says nothing of the cause. */
export function errorHandler(report: ReportError | undefined) {
  return (error: unknown, c: Context): Response => {
    const answer = errorAnswer(error);
    if (answer) return c.json(answer.body, answer.status as ContentfulStatusCode);
    try {
      report?.(error, c.req.raw);
    } catch {
      // A failing reporter must not turn the 500 into something else.
    }
    return c.json(INTERNAL, 500);
  };
}
