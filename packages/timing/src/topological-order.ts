import type { Issue } from './errors.js';
import type { ScheduledStep } from './schedule.js';

/** Orders steps so each follows what it waits for; reports one cycle by name if there is one. */
export function topologicalOrder(steps: readonly ScheduledStep[]): string[] | Issue {
  const waiting = new Map<string, number>();
  const successors = new Map<string, string[]>();
  for (const step of steps) {
    waiting.set(step.id, step.after.length);
    for (const relation of step.after) {
      const list = successors.get(relation.step) ?? [];
      list.push(step.id);
      successors.set(relation.step, list);
    }
  }
  const order: string[] = steps.filter((s) => s.after.length === 0).map((s) => s.id);
  for (let i = 0; i < order.length; i++) {
    for (const next of successors.get(order[i] as string) ?? []) {
      const left = (waiting.get(next) ?? 0) - 1;
      waiting.set(next, left);
      if (left === 0) order.push(next);
    }
  }
  if (order.length === steps.length) return order;
  const byId = new Map(steps.map((s) => [s.id, s]));
  const inCycle = steps.find((s) => (waiting.get(s.id) ?? 0) > 0) as ScheduledStep;
  // Walk back along unfinished relations until a step repeats: that loop is a cycle.
  const seen: string[] = [];
  let current = inCycle.id;
  while (!seen.includes(current)) {
    seen.push(current);
    const back = byId.get(current)?.after.find((r) => (waiting.get(r.step) ?? 0) > 0);
    current = back?.step ?? current;
  }
  const cycle = seen.slice(seen.indexOf(current)).reverse();
  const names = [...cycle, cycle[0]].map((id) => `"${id}"`).join(' -> ');
  return {
    code: 'cycle',
    path: ['steps', cycle[0] as string, 'after'],
    rule: 'timing.no-cycle',
    step: cycle[0],
    message: `Steps ${names} form a cycle: each waits for the next. Remove one of these relations.`,
  };
}
