// The `@maslul/timing/rrule` entry: the one module that loads rrule (about 13 KB gzip of a
// browser bundle and 45 ms of a cold start in Node), so that programs whose series are cadences
// ({ every, count }) never load it. `rrule()` only pairs the text with rrule's `RRule` class; the
// schedule reads and checks it (src/recurrence.ts), naming the step, when it is defined.
import * as rruleModule from 'rrule';
import type { RRuleSeries } from '../recurrence.js';

export type { RRuleSeries } from '../recurrence.js';

// rrule 2.8 has no `exports` map: Node ESM sees its CommonJS build as `default`, bundlers see
// named exports. Take RRule from whichever shape arrived (docs/style.md, Packaging).
type RRuleClass = typeof rruleModule.RRule;
const RRule: RRuleClass =
  (rruleModule as { RRule?: RRuleClass }).RRule ??
  (rruleModule as unknown as { default: { RRule: RRuleClass } }).default.RRule;

/**
 * A series by an RFC 5545 RRULE, for a step's `repeat`: `COUNT` or `UNTIL`, any `BY...` parts,
 * no `DTSTART` (the step's relation sets the first date). The schedule checks the rule when it
 * is defined and names the step if it cannot plan it (no end, `FREQ=HOURLY`, a `DTSTART`).
 * Import it only where a series needs what a cadence `{ every: 'P2W', count: 4 }` cannot say:
 * this subpath is what loads rrule.
 *
 * @param text - the rule, e.g. `'FREQ=WEEKLY;BYDAY=SU;COUNT=4'` (an `RRULE:` prefix is allowed)
 * @returns the rule with the rrule class that reads it, to give as a step's `repeat`; its type
 *   keeps the text, so a program's series can check at compile time that it has a `COUNT`
 *
 * @example
 * ```ts
 * import { defineSchedule, solve } from '@maslul/timing';
 * import { rrule } from '@maslul/timing/rrule';
 *
 * const schedule = defineSchedule({
 *   kickoff: {},
 *   meetings: { after: 'kickoff', repeat: rrule('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=3') },
 * });
 * solve(schedule, { start: '2027-01-04' }).steps.meetings.occurrences?.map((o) => o.date);
 * // ['2027-01-05', '2027-02-02', '2027-03-02']: the first Tuesday of each month
 * ```
 * @category Schedules
 */
export function rrule<const Rule extends string>(text: Rule): RRuleSeries<Rule> {
  return { rrule: text, reader: RRule };
}
