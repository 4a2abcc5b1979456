/**
 * One problem found in input: what is wrong, where, and which rule it breaks.
 *
 * @example
 * ```ts
 * import type { Issue } from '@maslul/timing';
 *
 * const issue: Issue = {
 *   code: 'unknown-step',
 *   path: ['steps', 'S4', 'after', 0],
 *   rule: 'timing.known-reference',
 *   step: 'S4',
 *   message: 'Step "S4" depends on "S3x", which is not a step. Try one of: "S3".',
 * };
 * ```
 * @category Errors
 */
export interface Issue {
  /** A stable, machine-readable code (`'cycle'`, `'unknown-step'`, ...). */
  readonly code: string;
  /** The path of the offending field in the input, as zod reports it. */
  readonly path: readonly (string | number)[];
  /** The id of the rule that was broken, e.g. `'timing.no-cycle'`. */
  readonly rule: string;
  /** The step the issue is about, when there is one. */
  readonly step?: string | undefined;
  /** A sentence for people: names the offending thing in quotes and says the fix. */
  readonly message: string;
}

/**
 * The base class of every error maslul throws: a `code`, the `path` of the offending field, the
 * `rule` it breaks and a sentence. Packages extend it (`TimingError`, and later core's errors),
 * so `error instanceof MaslulError` catches them all.
 *
 * @example
 * ```ts
 * import { MaslulError, parseDuration } from '@maslul/timing';
 *
 * try {
 *   parseDuration('two weeks');
 * } catch (error) {
 *   if (error instanceof MaslulError) console.log(error.code, error.rule, error.message);
 * }
 * ```
 * @category Errors
 */
export class MaslulError extends Error {
  /** A stable, machine-readable code. */
  readonly code: string;
  /** The path of the offending field. */
  readonly path: readonly (string | number)[];
  /** The id of the broken rule. */
  readonly rule: string;
  /** Every issue found; the first one is this error's own. */
  readonly issues: readonly Issue[];

  /**
   * @param issues - the problems found; at least one. The error takes the first one's fields.
   */
  constructor(issues: readonly [Issue, ...Issue[]]) {
    const [first] = issues;
    // On its own line, so it cannot read as part of the first message (`Known steps: "S0". (and 1
    // more)` read as one more known step).
    const others = issues.length - 1;
    const more =
      others > 0 ? `\n(${others} more ${others === 1 ? 'issue' : 'issues'} in .issues)` : '';
    super(`${first.message}${more}`);
    this.name = 'MaslulError';
    this.code = first.code;
    this.path = first.path;
    this.rule = first.rule;
    this.issues = issues;
  }
}

/**
 * Thrown by `@maslul/timing` for bad input: a cycle, an unknown step, a bad duration or date, a
 * series without an end, a recorded end before its start. Thrown before anything is computed.
 *
 * @example
 * ```ts
 * import { TimingError, defineSchedule } from '@maslul/timing';
 *
 * try {
 *   defineSchedule({ a: { after: 'b' }, b: { after: 'a' } });
 * } catch (error) {
 *   if (error instanceof TimingError) console.log(error.step, error.message);
 *   // a  Steps "a" -> "b" -> "a" form a cycle...
 * }
 * ```
 * @category Errors
 */
export class TimingError extends MaslulError {
  /** The step the first issue is about, when there is one. */
  readonly step: string | undefined;

  /**
   * @param issues - the problems found; at least one.
   */
  constructor(issues: readonly [Issue, ...Issue[]]) {
    super(issues);
    this.name = 'TimingError';
    this.step = issues[0].step;
  }
}

/** Throws a TimingError when any issue was collected. */
export function throwIfIssues(issues: Issue[]): void {
  const [first, ...rest] = issues;
  if (first) throw new TimingError([first, ...rest]);
}

/** Throws a TimingError for one issue. */
export function fail(issue: Issue): never {
  throw new TimingError([issue]);
}
