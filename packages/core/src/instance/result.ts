import type { Deadline } from '../deadlines.js';
import type { InstanceSnapshot, LogEntry } from './records.js';
import type { SendResult } from './types.js';

/**
 * An accepted result, a plain object: `snapshot` and `deadlines` are own enumerable getters that
 * compute their value when first read and keep it (a replay or an import reads only the last
 * ones), so a spread, `structuredClone` and `JSON.stringify` all carry them.
 */
export function acceptedResult<At>(
  duplicate: boolean,
  entry: LogEntry,
  at: At,
  views: {
    readonly snapshot: (at: At) => InstanceSnapshot;
    readonly deadlines: (at: At) => readonly Deadline[];
  },
): SendResult {
  let snapshot: InstanceSnapshot | undefined;
  let deadlines: readonly Deadline[] | undefined;
  return {
    ok: true,
    duplicate,
    entry,
    get snapshot() {
      snapshot ??= views.snapshot(at);
      return snapshot;
    },
    get deadlines() {
      deadlines ??= views.deadlines(at);
      return deadlines;
    },
  };
}
