import type { Actor, Refusal, RefusalCode } from '@maslul/core';
import { expect } from 'vitest';
import type { KehilaRole } from '../index.js';
import type { KehilaEvent, Run } from './program-fixtures.js';

/**
 * Sends an event that must be refused with `code` and `rule`, and checks that the refusal left
 * the instance exactly as it was (snapshot and history).
 */
export function expectRefused(
  run: Run,
  date: string,
  event: KehilaEvent,
  who: Actor<KehilaRole>,
  code: RefusalCode,
  rule: string,
): Refusal {
  const before = JSON.stringify(run.instance.snapshot());
  const history = run.instance.history().length;
  const result = run.send(date, event, who);
  if (result.ok)
    throw new Error(`"${event.type}" was accepted; expected a ${code} refusal (${rule})`);
  expect(result.refusal.code).toBe(code);
  expect(result.refusal.rule).toBe(rule);
  expect(JSON.stringify(run.instance.snapshot())).toBe(before);
  expect(run.instance.history()).toHaveLength(history);
  return result.refusal;
}
