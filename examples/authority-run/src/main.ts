import { criticalPath, explain, type Plan, solve, statusAt } from '@maslul/timing';
import { israelCalendar } from '@maslul/timing/israel';
import { kehilaMetiva } from './kehila-metiva-schedule.js';

// A fictional authority; the dates are real, on the Israeli calendar.
const AUTHORITY = "Ramat HaTe'enim (fictional)";
const START = '2026-09-07';
const calendar = israelCalendar();

function printPlan(plan: Plan<keyof typeof kehilaMetiva.steps>): void {
  console.log('step            planned                   window (start)            slack  ');
  for (const id of plan.order) {
    const step = plan.steps[id];
    const dates = step.kind === 'milestone' ? step.start : `${step.start} .. ${step.finish}`;
    const slack = step.slack === null ? '' : `${step.slack}d`;
    const mark = step.critical ? ' *' : '';
    console.log(
      `${id.padEnd(15)} ${dates.padEnd(25)} ${step.window.earliest} .. ${step.window.latest}  ${slack.padStart(4)}${mark}  ${step.label}`,
    );
  }
  console.log('(* on the critical path to the decision)');
}

console.log(`Kehila Metiva at ${AUTHORITY}: the schedule from ${START}, Israeli work calendar\n`);
const plan = solve(kehilaMetiva, { start: START, calendar, target: 'C' });
printPlan(plan);

console.log('\nWhy these dates:');
for (const id of ['S1', 'S4', 'X1', 'C'] as const) console.log(`- ${explain(plan, id)}`);
console.log(`\nCritical path to the decision: ${criticalPath(plan, 'C').join(' -> ')}`);

// Three months in: S0 and S1 happened, S1 a week late; mapping started with it.
const facts = { S0: START, S1: '2026-09-29', S2: { start: '2026-09-29' } } as const;
const today = '2026-12-01';
const replanned = solve(kehilaMetiva, { start: START, calendar, facts, target: 'C' });
console.log(`\nOn ${today}, with S1 recorded a week late (2026-09-29):`);
const status = statusAt(replanned, today);
for (const id of ['S1', 'S2', 'S3', 'S4', 'X1', 'S9', 'C'] as const) {
  const before = plan.steps[id].start;
  const after = replanned.steps[id].start;
  const moved = before === after ? 'unchanged' : `moved from ${before}`;
  console.log(`- ${id.padEnd(3)} ${status[id].padEnd(11)} ${after}  (${moved})`);
}
console.log(`\nThe decision (C) can be made from ${replanned.steps.C.start}.`);
