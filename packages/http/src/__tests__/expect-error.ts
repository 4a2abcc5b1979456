import { expect } from 'vitest';
import { errorBodySchema, type HttpErrorBody } from '../index.js';

/** Checks an error answer: its status, the one body shape, its code; returns the body. */
export async function expectError(
  answer: Response | Promise<Response>,
  status: number,
  code: string,
): Promise<HttpErrorBody> {
  const response = await answer;
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = errorBodySchema.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  for (const issue of body.error.issues) expect(issue.message.length).toBeGreaterThan(10);
  return body;
}
