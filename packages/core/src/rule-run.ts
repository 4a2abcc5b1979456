import { type Label, labelIn } from '@maslul/timing';

/** A rule as it is run: its id, its reason and its check. */
interface RunnableRule<I> {
  readonly id: string;
  readonly reason: Label;
  readonly check: (input: I) => boolean;
}

/** What the first rule that does not pass says: it refused, or it threw. */
export type RuleOutcome =
  | { readonly code: 'rule-failed'; readonly rule: string; readonly reason: string }
  | { readonly code: 'rule-error'; readonly rule: string; readonly reason: string };

/**
 * Runs rules in order and returns what the first one that does not pass says, or undefined when
 * all pass. A rule that throws refuses with `rule-error` naming what it threw, so a bug in one
 * rule is a typed refusal that stores nothing, never an exception out of `send`.
 */
export function firstFailing<I>(
  rules: readonly RunnableRule<I>[],
  input: I,
): RuleOutcome | undefined {
  for (const rule of rules) {
    let passed: boolean;
    try {
      passed = rule.check(input);
    } catch (error) {
      const thrown = error instanceof Error ? error.message : String(error);
      return {
        code: 'rule-error',
        rule: rule.id,
        reason: `rule ${rule.id} threw ${JSON.stringify(thrown)} instead of answering; the rule has a bug, and nothing was stored`,
      };
    }
    if (!passed) return { code: 'rule-failed', rule: rule.id, reason: labelIn(rule.reason, 'en') };
  }
  return undefined;
}
