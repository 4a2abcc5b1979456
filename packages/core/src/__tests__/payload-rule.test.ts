import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { board, grants, openPayload } from '../../test-programs/grants-program.js';
import { createManualClock } from '../clock.js';
import { createInstance } from '../instance.js';
import { ruleOf } from '../payload-rule.js';

const instance = () =>
  createInstance(grants, {
    start: '2027-01-04',
    clock: createManualClock('2027-01-04T09:00:00Z'),
  });

const refusedRule = (payload: unknown) => {
  const result = instance().send({ type: 'open', payload } as never, { actor: board });
  if (result.ok) throw new Error('accepted');
  return result.refusal.issues.map((issue) => [issue.path.join('.'), issue.rule]);
};

describe('the rule a payload refusal names', () => {
  it('is the rule of the deepest field on the path that names one, else the schema’s', () => {
    expect(refusedRule({ ...openPayload, budget: undefined })).toEqual([['payload.budget', 'G2']]);
    expect(refusedRule({ ...openPayload, budget: { shekels: -1 } })).toEqual([
      ['payload.budget.shekels', 'G2'],
    ]);
    expect(refusedRule({ ...openPayload, areas: [''] })).toEqual([['payload.areas.0', 'G3']]);
    expect(refusedRule({ ...openPayload, areas: [] })).toEqual([['payload.areas', 'G1']]);
    expect(refusedRule({ ...openPayload, title: 7 })).toEqual([['payload.title', 'G1']]);
    expect(refusedRule({ ...openPayload, extra: true })).toEqual([['payload', 'G1']]);
    expect(refusedRule('not an object')).toEqual([['payload', 'G1']]);
  });

  it('prefers the rule the check itself gives, and falls back to core.payload', () => {
    const schema = z.object({
      a: z.string().meta({ rule: 'A1' }),
      b: z
        .string()
        .refine(() => false, { message: 'B2: never' })
        .meta({ rule: 'A1' }),
      c: z.number(),
      d: z
        .array(z.object({ e: z.string() }).meta({ rule: 'D4' }))
        .optional()
        .meta({ rule: 'D3' }),
      u: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('x'), x: z.string() }),
        z.object({ kind: z.literal('y'), y: z.string().meta({ rule: 'U1' }) }),
      ]),
    });
    const issues = schema.safeParse({ a: 1, b: 'b', c: 'c', d: [{ e: 1 }], u: { kind: 'y' } }).error
      ?.issues;
    expect(issues?.map((issue) => [issue.path.join('.'), ruleOf(issue, schema)])).toEqual([
      ['a', 'A1'],
      ['b', 'B2'],
      ['c', 'core.payload'],
      ['d.0.e', 'D4'],
      ['u.y', 'U1'],
    ]);
    expect(ruleOf({ path: ['x'], message: 'x' })).toBe('core.payload');
  });
});
