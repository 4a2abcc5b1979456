import { MaslulError, type PlainDate } from '@maslul/timing';
import type { Deadline } from '../deadlines.js';
import type { ProgramInstance } from '../instance.js';
import type { DeadlineChanges } from '../store-port.js';
import { deadlineKey } from '../timer-actor.js';

/** A deadline's delivery key: its id and instant (a re-planned deadline is a new timer). */
export const keyOf: (deadline: Deadline) => string = deadlineKey;

/** The deadlines stored for an instance, by delivery key, and the list they were made from. */
export interface StoredDeadlines {
  readonly byKey: ReadonlyMap<string, Deadline>;
  /** A send whose plan did not change returns this same list: nothing to store. */
  readonly list: readonly Deadline[];
}

/** The stored deadlines of a list. */
export function storedOf(list: readonly Deadline[]): StoredDeadlines {
  return { byKey: new Map(list.map((d) => [keyOf(d), d])), list };
}

/** What to store when the deadlines go from `before` to `after`: none if the list is the same. */
export function changes(
  before: StoredDeadlines,
  after: readonly Deadline[],
): { next: StoredDeadlines; changes: DeadlineChanges } {
  if (after === before.list) return { next: before, changes: { added: [], removed: [] } };
  const next = storedOf(after);
  const added: Deadline[] = [];
  const removed: Deadline[] = [];
  for (const [key, deadline] of next.byKey) if (!before.byKey.has(key)) added.push(deadline);
  for (const [key, deadline] of before.byKey) if (!next.byKey.has(key)) removed.push(deadline);
  return { next, changes: { added, removed } };
}

/** The first deadlines, planned before anything is stored: a plan that overflows names the start. */
export function plannedFrom(instance: ProgramInstance, start: PlainDate): readonly Deadline[] {
  try {
    return instance.deadlines();
  } catch (error) {
    if (!(error instanceof MaslulError) || error.code !== 'invalid-date') throw error;
    throw new MaslulError([
      {
        code: 'invalid-date',
        path: ['start'],
        rule: 'core.start-date',
        message: `The plan from the start "${start}" runs past the years 1900 to 2200 that plans are made in (${error.message}); give an earlier start.`,
      },
    ]);
  }
}
