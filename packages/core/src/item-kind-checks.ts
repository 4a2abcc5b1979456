import type { Issue } from '@maslul/timing';
import { checkDefinitionId } from './definition-id.js';
import type { Draft } from './track-builder.js';

/** The item kinds' ids, roles, states, events, plans and joins (`core.item-*`). */
export function checkItemKinds(draft: Draft, issues: Issue[]): void {
  const steps = new Set(draft.steps.map((s) => s.id));
  const seen = new Set<string>();
  for (const item of draft.items) {
    const path = ['items', item.kind];
    checkDefinitionId(item.kind, 'item', path, issues);
    if (item.kind === 'run') {
      issues.push({
        code: 'invalid-id',
        path,
        rule: 'core.reserved-id',
        message: `Item kind "run" is reserved: "run.cancel" and "run.close" end a run; name the kind otherwise.`,
      });
    }
    if (seen.has(item.kind) || steps.has(item.kind)) {
      issues.push({
        code: 'duplicate-item',
        path,
        rule: 'core.unique-item',
        message: `Item kind "${item.kind}" is declared twice, or shares its id with a step.`,
      });
    }
    seen.add(item.kind);
    const states = new Set(item.states);
    const uses: [readonly string[], (string | number)[]][] = [
      [item.create.by, [...path, 'create', 'by']],
    ];
    const afters: [readonly string[], (string | number)[]][] = [
      [item.create.after, [...path, 'create', 'after']],
    ];
    for (const [name, event] of Object.entries(item.events)) {
      checkDefinitionId(name, 'item event', [...path, 'events', name], issues);
      uses.push([event.by, [...path, 'events', name, 'by']]);
      afters.push([event.after, [...path, 'events', name, 'after']]);
      const from = event.planned?.after;
      if (
        from !== undefined &&
        from !== 'create' &&
        (from === name || !Object.hasOwn(item.events, from))
      ) {
        issues.push({
          code: 'unknown-event',
          path: [...path, 'events', name, 'planned', 'after'],
          rule: 'core.item-plan',
          message: `Event "${item.kind}.${name}" is planned after "${from}", which is not another event of "${item.kind}"; name one of its events, or "create".`,
        });
      }
      const step = event.planned?.afterStep;
      if (step !== undefined)
        afters.push([[step], [...path, 'events', name, 'planned', 'afterStep']]);
      const acts = event.planned?.onOverdue?.send;
      if (acts !== undefined && (acts === name || !Object.hasOwn(item.events, acts))) {
        issues.push({
          code: 'unknown-event',
          path: [...path, 'events', name, 'planned', 'onOverdue', 'send'],
          rule: 'core.item-plan',
          message: `Event "${item.kind}.${name}" sends "${acts}" when overdue, which is not another event of "${item.kind}"; name one of its events.`,
        });
      }
      for (const joined of event.requires ?? []) {
        if (joined === name || !Object.hasOwn(item.events, joined)) {
          issues.push({
            code: 'unknown-event',
            path: [...path, 'events', name, 'requires'],
            rule: 'core.item-requires',
            message: `Event "${item.kind}.${name}" requires "${joined}", which is not another event of "${item.kind}"; name one of its events.`,
          });
        }
      }
      for (const state of [...event.from, event.to]) {
        if (!states.has(state)) {
          issues.push({
            code: 'unknown-state',
            path: [...path, 'events', name],
            rule: 'core.item-states',
            message: `Event "${item.kind}.${name}" names state "${state}", which is not one of ${item.states.map((x) => `"${x}"`).join(', ')}.`,
          });
        }
      }
    }
    // Every state must be reachable from the first through the kind's events.
    const reached = new Set(item.states.slice(0, 1));
    for (let grew = true; grew; ) {
      grew = false;
      for (const event of Object.values(item.events)) {
        if (event.from.some((state) => reached.has(state)) && !reached.has(event.to)) {
          reached.add(event.to);
          grew = true;
        }
      }
    }
    for (const state of item.states) {
      if (!reached.has(state)) {
        issues.push({
          code: 'unreachable-state',
          path: [...path, 'states'],
          rule: 'core.item-reachable',
          message: `Item kind "${item.kind}" can never reach state "${state}": no event leads there from "${item.states[0]}".`,
        });
      }
    }
    for (const [roles, rolesPath] of uses) {
      for (const role of roles) {
        if (!(role in draft.roles)) {
          issues.push({
            code: 'unknown-role',
            path: rolesPath,
            rule: 'core.known-role',
            message: `Item kind "${item.kind}" names role "${role}", which is not a role of this program.`,
          });
        }
      }
    }
    for (const [refs, refsPath] of afters) {
      for (const ref of refs) {
        if (!steps.has(ref)) {
          issues.push({
            code: 'unknown-step',
            path: refsPath,
            rule: 'core.known-step',
            message: `Item kind "${item.kind}" waits for "${ref}", which is not a step of this program.`,
          });
        }
      }
    }
  }
}
