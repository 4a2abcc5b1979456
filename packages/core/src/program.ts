import type { Label } from '@maslul/timing';
import {
  defineSchedule,
  MaslulError,
  type Schedule,
  type ScheduleDefinition,
} from '@maslul/timing';
import type { EndingKind, EndingOptions } from './ending.js';
import type { ItemDefinition, ItemShape } from './item.js';
import { checkDraft } from './program-checks.js';
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
  const issues = checkDraft(draft);
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
