import type { Label } from '@maslul/timing';
import {
  defineSchedule,
  type Issue,
  MaslulError,
  type Schedule,
  type ScheduleDefinition,
} from '@maslul/timing';
import type { EndingKind, EndingOptions } from './ending.js';
import type { ItemDefinition, ItemShape } from './item.js';
import type { Draft } from './track-builder.js';
import type { RoleDefinition, StepDefinition, StepShape, TrackDefinition } from './types.js';

/**
 * A checked program: its roles, tracks and steps, and the timing schedule compiled from them.
 * Build one with `defineProgram(...)...build()`. The type parameters carry the step ids, what
 * each step's events need, and the role ids, so events and actors are checked at compile time.
 *
 * @example
 * ```ts
 * import { defineProgram } from '@maslul/core';
 *
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['manager'] }))
 *   .build();
 * program.tracks[0]?.steps; // ['kickoff']
 * ```
 * @category Program
 */
export interface Program<
  Id extends string = string,
  Steps extends Record<string, StepShape> = Record<string, StepShape>,
  Role extends string = string,
  Items extends Record<string, ItemShape> = Record<string, ItemShape>,
  Ends extends EndingKind = EndingKind,
> {
  readonly id: Id;
  readonly version: number;
  readonly label: Label;
  readonly roles: { readonly [R in Role]: RoleDefinition };
  readonly tracks: readonly TrackDefinition[];
  readonly steps: { readonly [S in Extract<keyof Steps, string>]: StepDefinition };
  /** The timing graph: every step, with its relations, for `@maslul/timing`'s solver. */
  readonly schedule: Schedule<Extract<keyof Steps, string>>;
  /**
   * The steps the program ends with (`.target(...)`): its plans measure slack and the critical
   * path to them. Undefined: to the steps that finish last.
   */
  readonly target?: readonly Extract<keyof Steps, string>[] | undefined;
  /** The kinds of items created during a run, by kind. */
  readonly items: { readonly [K in Extract<keyof Items, string>]: ItemDefinition };
  /** Type-level only: what each step's and item's events carry. Never set at run time. */
  readonly '~steps'?: Steps;
  readonly '~items'?: Items;
  readonly '~ending'?: Ends;
  /** Who may cancel or close a run (`.ending(...)`); undefined: a run ends only with its tracks. */
  readonly ending?: EndingOptions<string> | undefined;
}

/** Ids become XState state keys and event types: no dots, no spaces. */
const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

function checkId(id: string, what: string, path: (string | number)[], issues: Issue[]): void {
  if (!ID.test(id)) {
    issues.push({
      code: 'invalid-id',
      path,
      rule: 'core.id',
      step: what === 'step' ? id : undefined,
      message: `The ${what} id ${JSON.stringify(id)} must start with a letter and hold only letters, digits, "_" and "-" (it names states and events).`,
    });
  }
}

function checkSteps(draft: Draft, issues: Issue[]): void {
  const seen = new Set<string>();
  draft.steps.forEach((step) => {
    const path = ['steps', step.id];
    checkId(step.id, 'step', path, issues);
    if (seen.has(step.id)) {
      issues.push({
        code: 'duplicate-step',
        path,
        rule: 'core.unique-step',
        step: step.id,
        message: `Step "${step.id}" is declared twice; give each step its own id.`,
      });
    }
    seen.add(step.id);
    if (step.by.length === 0) {
      issues.push({
        code: 'no-role',
        path: [...path, 'by'],
        rule: 'core.roles',
        step: step.id,
        message: `Step "${step.id}" names no role that may record it; nothing is open by default.`,
      });
    }
    step.by.forEach((role, k) => {
      if (!(role in draft.roles)) {
        issues.push({
          code: 'unknown-role',
          path: [...path, 'by', k],
          rule: 'core.known-role',
          step: step.id,
          message: `Step "${step.id}" may be recorded by "${role}", which is not a role of this program. Roles: ${Object.keys(
            draft.roles,
          )
            .map((r) => `"${r}"`)
            .join(', ')}.`,
        });
      }
    });
    (step.skip?.by ?? []).forEach((role, k) => {
      if (!(role in draft.roles)) {
        issues.push({
          code: 'unknown-role',
          path: [...path, 'optional', 'by', k],
          rule: 'core.known-role',
          step: step.id,
          message: `Step "${step.id}" may be skipped by "${role}", which is not a role of this program.`,
        });
      }
    });
    if (step.skip?.by.length === 0) {
      issues.push({
        code: 'no-role',
        path: [...path, 'optional', 'by'],
        rule: 'core.roles',
        step: step.id,
        message: `Step "${step.id}" is optional but names no role that may skip it; give optional: true (its own roles) or optional: { by: [...] }.`,
      });
    }
    for (const dependency of step.after) {
      if (typeof dependency === 'object' && dependency.step === '') {
        issues.push({
          code: 'no-previous-step',
          path: [...path, 'after'],
          rule: 'core.after',
          step: step.id,
          message: `Step "${step.id}" is the first of track "${step.track}", so a bare duration has no step to follow; write after: { step: "...", lag: ... }.`,
        });
      }
    }
    if (step.kind === 'span' && step.duration === undefined && step.fixed === undefined) {
      issues.push({
        code: 'invalid-step',
        path: [...path, 'duration'],
        rule: 'core.span-end',
        step: step.id,
        message: `Span "${step.id}" has neither a duration nor an "until" date; give one, e.g. duration: about(3, "months") or until: "2027-03-31".`,
      });
    }
    if (step.kind === 'series' && step.count === undefined) {
      issues.push({
        code: 'unbounded-series',
        path: [...path, 'repeat'],
        rule: 'core.series-count',
        step: step.id,
        message: `Series "${step.id}" needs a COUNT, so the runtime knows when it is done.`,
      });
    }
  });
}

function checkTracks(draft: Draft, issues: Issue[]): void {
  const seen = new Set<string>();
  draft.tracks.forEach((track) => {
    checkId(track.id, 'track', ['tracks', track.id], issues);
    if (seen.has(track.id)) {
      issues.push({
        code: 'duplicate-track',
        path: ['tracks', track.id],
        rule: 'core.unique-track',
        message: `Track "${track.id}" is declared twice.`,
      });
    }
    seen.add(track.id);
    if (track.steps.length === 0) {
      issues.push({
        code: 'empty-track',
        path: ['tracks', track.id],
        rule: 'core.track-steps',
        message: `Track "${track.id}" has no steps; add at least one.`,
      });
    }
  });
  if (draft.tracks.length === 0) {
    issues.push({
      code: 'empty-program',
      path: ['tracks'],
      rule: 'core.track-steps',
      message: `Program "${draft.id}" has no tracks; add one with .track(id, label, (t) => t.milestone(...)).`,
    });
  }
}

function checkItems(draft: Draft, issues: Issue[]): void {
  const steps = new Set(draft.steps.map((s) => s.id));
  const seen = new Set<string>();
  for (const item of draft.items) {
    const path = ['items', item.kind];
    checkId(item.kind, 'item', path, issues);
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
      checkId(name, 'item event', [...path, 'events', name], issues);
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

function scheduleOf(draft: Draft): Schedule {
  const definition: Record<string, ScheduleDefinition[string]> = {};
  for (const step of draft.steps) {
    definition[step.id] = {
      label: typeof step.label === 'string' ? step.label : (step.label.en ?? step.id),
      group: step.track,
      after: step.after,
      ...(step.kind === 'span' && step.duration !== undefined ? { duration: step.duration } : {}),
      ...(step.fixed === undefined
        ? {}
        : step.kind === 'span'
          ? { until: step.fixed }
          : { on: step.fixed }),
      ...(step.kind === 'series' && step.repeat !== undefined ? { repeat: step.repeat } : {}),
    };
  }
  return defineSchedule(definition);
}

/** Checks a draft and freezes it into a program; throws every issue found at once. */
export function buildProgram(draft: Draft): Program {
  const issues: Issue[] = [];
  if (!Number.isInteger(draft.version) || draft.version < 1) {
    issues.push({
      code: 'invalid-version',
      path: ['version'],
      rule: 'core.version',
      message: `Program "${draft.id}" has version ${JSON.stringify(draft.version)}; give a whole number from 1.`,
    });
  }
  checkId(draft.id, 'program', ['id'], issues);
  checkTracks(draft, issues);
  checkSteps(draft, issues);
  checkItems(draft, issues);
  for (const how of ['cancel', 'close'] as const) {
    for (const role of draft.ending?.[how]?.by ?? []) {
      if (!(role in draft.roles)) {
        issues.push({
          code: 'unknown-role',
          path: ['ending', how, 'by'],
          rule: 'core.known-role',
          message: `"run.${how}" names role "${role}", which the program does not declare in .roles(...).`,
        });
      }
    }
  }
  const known = new Set(draft.steps.map((step) => step.id));
  (draft.target ?? []).forEach((step, i) => {
    if (!known.has(step)) {
      issues.push({
        code: 'unknown-step',
        path: ['target', i],
        rule: 'core.known-step',
        step,
        message: `The program's target "${step}" is not a step of this program.`,
      });
    }
  });
  const [first, ...rest] = issues;
  if (first) throw new MaslulError([first, ...rest]);
  // Unknown references, timing cycles (a join on a later step of its own track) and bad
  // durations are the timing model's to find; its errors name the step.
  const schedule = scheduleOf(draft);
  const steps = Object.freeze(Object.fromEntries(draft.steps.map((s) => [s.id, Object.freeze(s)])));
  return Object.freeze({
    id: draft.id,
    version: draft.version,
    label: draft.label,
    roles: Object.freeze({ ...draft.roles }),
    tracks: Object.freeze(
      draft.tracks.map((t) => Object.freeze({ ...t, steps: Object.freeze([...t.steps]) })),
    ),
    steps,
    items: Object.freeze(
      Object.fromEntries(draft.items.map((item) => [item.kind, Object.freeze(item)])),
    ),
    schedule,
    target: draft.target === undefined ? undefined : Object.freeze([...draft.target]),
    ...(draft.ending ? { ending: Object.freeze({ ...draft.ending }) } : {}),
  }) as Program;
}
