import { z } from '@hono/zod-openapi';

/**
 * One issue of an error answer, as a zod schema: the code, the path of the offending field, the
 * id of the rule it breaks, the step when it is about one, and a sentence that says the fix.
 *
 * @example
 * ```ts
 * import { httpIssueSchema } from '@maslul/http';
 *
 * httpIssueSchema.parse({ code: 'forbidden', path: ['actor', 'roles'], rule: 'core.roles', message: 'No.' }).rule; // 'core.roles'
 * ```
 * @category Errors
 */
export const httpIssueSchema = z
  .object({
    code: z.string().openapi({ example: 'invalid-payload' }),
    path: z.array(z.union([z.string(), z.number()])).openapi({ example: ['payload', 'channels'] }),
    rule: z.string().openapi({ example: 'core.payload' }),
    step: z.string().optional(),
    message: z.string(),
  })
  .openapi('Issue');

/**
 * The body of every error answer, whatever its status: a machine-readable `code`, a sentence,
 * and the issues (at least one), each with the path of the offending field, the id of the rule
 * it breaks and a sentence that says the fix; `step` when the issue is about a program step.
 *
 * @example
 * ```ts
 * import { errorBodySchema } from '@maslul/http';
 *
 * const body: unknown = { error: { code: 'forbidden', message: 'No.', issues: [{ code: 'forbidden', path: [], rule: 'core.roles', message: 'No.' }] } };
 * errorBodySchema.parse(body).error.issues[0]?.rule; // 'core.roles'
 * ```
 * @category Errors
 */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid-payload' }),
      message: z.string(),
      issues: z.array(httpIssueSchema).min(1),
    }),
  })
  .openapi('Error');

/**
 * An error answer's body, as {@link errorBodySchema} describes it.
 *
 * @example
 * ```ts
 * import type { HttpErrorBody } from '@maslul/http';
 *
 * const firstRule = (body: HttpErrorBody) => body.error.issues[0]?.rule;
 * ```
 * @category Errors
 */
export type HttpErrorBody = z.infer<typeof errorBodySchema>;

/**
 * One issue of an error answer: the field's path, the rule it breaks, a sentence.
 *
 * @example
 * ```ts
 * import type { HttpIssue } from '@maslul/http';
 *
 * const issue: HttpIssue = { code: 'invalid-payload', path: ['payload', 'channels'], rule: 'core.payload', message: 'Too small.' };
 * ```
 * @category Errors
 */
export type HttpIssue = z.infer<typeof httpIssueSchema>;
