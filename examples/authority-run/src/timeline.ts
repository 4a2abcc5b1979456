import type { ItemRecord } from '@maslul/core';
import { labelIn } from '@maslul/core';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { describe } from './describe.js';
import { columns, daysBetween, signedDays, wrap } from './format.js';
import type { RecordedEvent } from './recorded.js';

// The timeline table: every step event of the run, in the order it happened, with the date the
// plan gave it just before it was recorded, the date it was recorded, and what it decided.

const WIDTHS = [12, 12, 2, 12, 11] as const;
const INDENT = '  ';
const WHAT = INDENT + ' '.repeat(WIDTHS.reduce((a, b) => a + b, 0));

/** The timeline's lines: a heading, one row per step event, and a note under each one off plan. */
export function timeline(
  recorded: readonly RecordedEvent[],
  items: { readonly [id: string]: ItemRecord },
): string[] {
  const lines = [
    'Timeline (planned: the date the plan gave the step just before it was recorded; ! = off plan)',
    INDENT + columns(['planned', 'actual', '', 'track', 'step', 'what was decided'], WIDTHS),
  ];
  let quarter = 0;
  for (const { entry, step, scripted } of recorded) {
    if (!step) continue; // team and initiative events are reported per team and per initiative
    const definition = kehilaMetiva.steps[step.step];
    const name =
      step.step === 'Q' ? `Q #${++quarter}` : `${step.step}${step.phase ? ` ${step.phase}` : ''}`;
    const off = daysBetween(step.planned, entry.date);
    // A span's rules are checked when it finishes; core's trace lists them as passed on its start
    // too, so the start's are left out here.
    const checked = step.phase === 'start' ? [] : entry.trace.filter((t) => t.passed);
    const rules = checked.map((t) => t.rule);
    const what = `${describe(entry, items) ?? labelIn(definition.label, 'en')}${rules.length ? ` [${rules.join(',')}]` : ''}`;
    const row = columns(
      [step.planned, entry.date, off === 0 ? '' : '!', definition.track, name, ''],
      WIDTHS,
    );
    lines.push(...wrap(what, INDENT + row, WHAT));
    if (off !== 0) {
      lines.push(
        ...wrap(`${signedDays(off)}: ${scripted?.why ?? 'no reason recorded'}`, `${WHAT}^ `),
      );
    }
  }
  lines.push(
    `${INDENT}[ids]: the rules of docs/program.md the program checked on the event, all met`,
  );
  return lines;
}
