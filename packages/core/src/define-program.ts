import type { Label } from '@maslul/timing';
import type { ReachCheck, ValidId } from './definition-types.js';
import type { EndingKind, EndingOptions } from './ending.js';
import type { ItemDefinition, ItemOptions, ItemShape } from './item.js';
import { ItemBuilder } from './item-builder.js';
import type { ItemRule } from './item-rule.js';
import { buildProgram, type Program } from './program.js';
import { type Draft, type InputOf, TrackBuilder } from './track-builder.js';
import type { RoleDefinition, Schema, StepShape } from './types.js';

/** The step ids of a builder's steps so far (local, so the API docs show it spelled out). */
type Ids<Steps> = Extract<keyof Steps, string>;

/**
 * Builds a program: its roles, then its tracks (each its steps in order), then `build()`.
 *
 * @example
 * ```ts
 * import { defineProgram } from '@maslul/core';
 *
 * const builder = defineProgram('demo', { version: 1, label: 'Demo' }).roles({
 *   manager: { label: 'Manager' },
 * });
 * ```
 * @category Program
 */
export class ProgramBuilder<
  Id extends string,
  Steps,
  Role extends string,
  Items = Record<never, ItemShape>,
  Ends extends EndingKind = never,
> {
  /** @internal */
  readonly draft: Draft;

  /** @internal */
  constructor(draft: Draft) {
    this.draft = draft;
  }

  /**
   * Declares the roles; steps name the roles that may record them.
   *
   * @param roles - each role's label, by role id
   * @returns the builder with the roles
   */
  roles<const R extends Readonly<Record<string, RoleDefinition>>>(
    roles: R,
  ): ProgramBuilder<Id, Steps, Extract<keyof R, string>, Items, Ends> {
    return new ProgramBuilder({ ...this.draft, roles: { ...this.draft.roles, ...roles } });
  }

  /**
   * Adds a track (a parallel region of the statechart) and its steps, in order.
   *
   * @param id - the track id
   * @param label - its name for people
   * @param build - adds the steps
   * @returns the builder with the track
   */
  track<const T extends string, Next>(
    id: ValidId<T, 'track'>,
    label: Label,
    build: (track: TrackBuilder<Steps, Role>) => TrackBuilder<Next, Role>,
  ): ProgramBuilder<Id, Next, Role, Items, Ends> {
    const draft = { ...this.draft, tracks: [...this.draft.tracks, { id, label, steps: [] }] };
    return new ProgramBuilder(build(new TrackBuilder<Steps, Role>(draft, id)).draft);
  }

  /**
   * Adds a kind of item created during a run (a pilot initiative, an action of a work plan):
   * each item is a record in the machine's context with its own small lifecycle. Items are created with
   * `<kind>.create` and moved with `<kind>.<event>`, each event naming the item by id.
   *
   * @param kind - the item kind
   * @param options - label, states, final states and creation
   * @param build - adds the lifecycle's events
   * @returns the builder with the item kind
   */
  item<
    const K extends string,
    const State extends string,
    P extends Schema | undefined = undefined,
    Events = Record<never, unknown>,
    const First extends State = State,
    Moves = never,
  >(
    kind: K extends keyof Items | keyof Steps
      ? `✗ the program has a step or item "${K}" already`
      : ValidId<K, 'item kind'>,
    options: ItemOptions<Role, Ids<Steps>, State, P> & {
      readonly states: readonly [First, ...State[]];
    },
    build: (
      item: ItemBuilder<Role, Ids<Steps>, State, Record<never, unknown>>,
    ) => ItemBuilder<Role, Ids<Steps>, State, Events, Moves> & ReachCheck<First, State, Moves>,
  ): ProgramBuilder<
    Id,
    Steps,
    Role,
    Items & { readonly [key in K]: { readonly create: InputOf<P>; readonly events: Events } },
    Ends
  > {
    const definition: ItemDefinition = {
      kind,
      label: options.label,
      states: options.states,
      final: options.final ?? [],
      create: {
        by: options.create.by,
        after: options.create.after ?? [],
        payload: options.create.payload,
        rules: (options.create.rules ?? []) as readonly ItemRule[],
      },
      events: build(new ItemBuilder({})).events,
    };
    return new ProgramBuilder({ ...this.draft, items: [...this.draft.items, definition] });
  }

  /**
   * Names the steps the program ends with: slack and the critical path of its plans lead to them
   * (the solver's `target`). Without it, a plan's targets are the steps that finish last, which
   * in a program with a recurring governance series is that series' last meeting.
   *
   * @param steps - one or more step ids of the program
   * @returns the builder with the target
   *
   * @example
   * ```ts
   * import { about } from '@maslul/timing';
   * import { defineProgram } from '@maslul/core';
   *
   * const program = defineProgram('demo', { version: 1, label: 'Demo' })
   *   .roles({ manager: { label: 'Manager' } })
   *   .track('main', 'Main', (t) =>
   *     t
   *       .milestone('kickoff', { label: 'Kickoff', by: ['manager'] })
   *       .milestone('report', { label: 'Report', by: ['manager'] }),
   *   )
   *   .track('governance', 'Governance', (t) =>
   *     t.series('board', {
   *       label: 'Board meeting',
   *       by: ['manager'],
   *       after: 'kickoff',
   *       repeat: { every: 'P3M', count: 8 },
   *     }),
   *   )
   *   .target('report')
   *   .build();
   * ```
   */
  target(
    ...steps: readonly [Ids<Steps>, ...Ids<Steps>[]]
  ): ProgramBuilder<Id, Steps, Role, Items, Ends> {
    return new ProgramBuilder({ ...this.draft, target: steps });
  }

  /**
   * Declares how a run may end before its tracks do, and who may end it: `run.cancel` (it will
   * not happen) and `run.close` (it is over), each sent with a `{ reason }`. An ended run plans
   * nothing more, has no deadlines, and refuses every later event (code `ended`).
   *
   * @param options - the roles that may cancel, and those that may close
   * @returns the builder with the ending
   *
   * @example
   * ```ts
   * import { defineProgram } from '@maslul/core';
   *
   * const program = defineProgram('demo', { version: 1, label: 'Demo' })
   *   .roles({ board: { label: 'Board' } })
   *   .track('main', 'Main', (t) => t.milestone('kickoff', { label: 'Kickoff', by: ['board'] }))
   *   .ending({ cancel: { by: ['board'] }, close: { by: ['board'] } })
   *   .build();
   * ```
   */
  ending<const O extends EndingOptions<Role>>(
    options: O,
  ): ProgramBuilder<Id, Steps, Role, Items, Ends | Extract<keyof O, EndingKind>> {
    return new ProgramBuilder({ ...this.draft, ending: options });
  }

  /**
   * Checks the program (ids, roles, references, timing cycles) and returns it.
   *
   * @returns the program
   * @throws MaslulError naming the step and the rule broken
   */
  build(): Program<
    Id,
    Steps & Record<never, StepShape>,
    Role,
    Items & Record<never, ItemShape>,
    Ends
  > {
    return buildProgram(this.draft) as Program<
      Id,
      Steps & Record<never, StepShape>,
      Role,
      Items & Record<never, ItemShape>,
      Ends
    >;
  }
}

/**
 * Starts a program definition.
 *
 * @param id - the program id (stored with every instance)
 * @param options - its version (a stored instance names the version it runs on) and label
 * @returns a builder: `.roles(...)`, then `.track(...)` per track, then `.build()`
 *
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { about } from '@maslul/timing';
 * import { defineProgram } from '@maslul/core';
 *
 * const sample = defineProgram('sample', { version: 1, label: { en: 'Sample', he: 'דוגמה' } })
 *   .roles({ steering: { label: 'Steering committee' }, manager: { label: 'Manager' } })
 *   .track('strategy', 'Strategy', (track) =>
 *     track
 *       .milestone('scope', { label: 'Scope', by: ['steering'], payload: z.object({ areas: z.array(z.string()) }) })
 *       .meeting('meeting1', { label: 'Meeting 1', by: ['steering'], after: about(2, 'weeks') }),
 *   )
 *   .build();
 * ```
 * @category Program
 */
export function defineProgram<const Id extends string>(
  id: ValidId<Id, 'program'>,
  options: { readonly version: number; readonly label: Label },
): ProgramBuilder<Id, Record<never, StepShape>, never> {
  return new ProgramBuilder({
    id,
    version: options.version,
    label: options.label,
    roles: {},
    tracks: [],
    steps: [],
    items: [],
  });
}
