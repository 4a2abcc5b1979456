import { type Label, labelIn } from '@maslul/timing';
import type { EventTarget } from '../events.js';
import type { RuleTrace } from './records.js';

/** The trace of each event target, made once: every event taken at a target passed its rules. */
const traces = new WeakMap<EventTarget, readonly RuleTrace[]>();
const NO_RULES: readonly RuleTrace[] = Object.freeze([]);

/**
 * The rules an accepted event passed, for its log entry: frozen and shared by the entries of one
 * target (its program's; targets are made once per program and event type).
 */
export function traceOf(
  target: EventTarget,
  rules: readonly { readonly id: string; readonly reason: Label }[],
  type: string,
): readonly RuleTrace[] {
  // A span's start checks no rules (they judge its finish): its trace is empty.
  if (rules.length === 0 || ('phase' in target && target.phase === 'start')) return NO_RULES;
  let trace = traces.get(target);
  if (!trace) {
    const step = 'step' in target ? target.step : type;
    trace = Object.freeze(
      rules.map((rule) =>
        Object.freeze({ rule: rule.id, step, passed: true, reason: labelIn(rule.reason, 'en') }),
      ),
    );
    traces.set(target, trace);
  }
  return trace;
}
