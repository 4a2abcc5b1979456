// What each writer of the concurrency test does: send `count` measurements of the garden
// initiative, each with its own idempotency key, and send again after every `version-conflict`
// (the runtime then reloads the instance), as an app would.
import type { Runtime } from '@maslul/core';
import { manager, type sample } from '../../../../core/test-programs/sample-program.js';
import { codeOf, INSTANCE } from './targets.js';

export interface Accepted {
  readonly seq: number;
  readonly key: string;
  readonly duplicate: boolean;
}

export interface WriterReport {
  readonly accepted: readonly Accepted[];
  /** How many sends lost to the other writer (nothing of them was stored). */
  readonly conflicts: number;
}

/** Gives up on a send after this many conflicts in a row: the test fails instead of hanging. */
const MAX_TRIES = 500;

export async function sendAll(
  runtime: Runtime<typeof sample>,
  prefix: string,
  count: number,
  onAccepted?: ((accepted: Accepted) => void) | undefined,
): Promise<WriterReport> {
  const accepted: Accepted[] = [];
  let conflicts = 0;
  for (let i = 0; i < count; i += 1) {
    const key = `${prefix}-${i}`;
    for (let tries = 1; ; tries += 1) {
      try {
        const result = await runtime.send(
          INSTANCE,
          { type: 'initiative.measure', item: 'garden', payload: { progress: (i % 100) / 100 } },
          { actor: manager, idempotencyKey: key },
        );
        if (!result.ok) throw new Error(`"${key}" was refused: ${result.refusal.message}`);
        const one = { seq: result.entry.seq, key, duplicate: result.duplicate };
        accepted.push(one);
        onAccepted?.(one);
        break;
      } catch (error) {
        if (codeOf(error) !== 'version-conflict' || tries >= MAX_TRIES) throw error;
        conflicts += 1;
      }
    }
  }
  return { accepted, conflicts };
}
