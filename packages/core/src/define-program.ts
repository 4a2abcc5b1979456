import type { Dependency, Duration, Label, PlainDate, RecurrenceInput } from '@maslul/timing';
import type * as z from 'zod';
import type { BoundedRule, NewStepId, ReachCheck, ValidId } from './definition-types.js';
import type { EndingKind, EndingOptions } from './ending.js';
import {
  ItemBuilder,
  type ItemDefinition,
  type ItemOptions,
  type ItemRule,
  type ItemShape,
} from './item.js';
import { buildProgram, type Program } from './program.js';
import type {
  MilestoneOptions,
  RoleDefinition,
  Schema,
  SeriesOptions,
  SpanOptions,
  StepDefinition,
  StepKind,
  StepShape,
  TrackDefinition,
} from './types.js';

type InputOf<P> = P extends Schema ? z.input<P> : undefined;
type Ids<Steps> = Extract<keyof Steps, string>;
type With<Steps, S extends string, K extends StepKind, P> = Steps & {
  readonly [key in S]: { readonly kind: K; readonly payload: InputOf<P> };
};

/** What the builders collect; each call returns a new builder over a copy. */
interface Draft {
  readonly id: string;
  readonly version: number;
  readonly label: Label;
  readonly roles: Readonly<Record<string, RoleDefinition>>;
  readonly tracks: readonly TrackDefinition[];
  readonly steps: readonly StepDefinition[];
  readonly items: readonly ItemDefinition[];
  readonly target?: readonly string[] | undefined;
  readonly ending?: EndingOptions<string> | undefined;
}

type AnyOptions = MilestoneOptions<string, string, Schema | undefined> & {
  readonly duration?: Duration | string | undefined;
  readonly repeat?: RecurrenceInput;
  readonly until?: PlainDate | undefined;
};

/**
 * Adds the steps of one track, in order: each step follows the previous one unless its `after`
 * says otherwise. Step ids, roles and the steps an `after` refers to are checked at compile time.
 *
 * @example
 * ```ts
 * import { about } from '@maslul/timing';
 * import { defineProgram } from '@maslul/core';
 *
 * defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (track) =>
 *     track
 *       .milestone('kickoff', { label: 'Kickoff', by: ['manager'] })
 *       .span('mapping', { label: 'Mapping', by: ['manager'], duration: about(3, 'months') }),
 *   );
 * ```
 * @category Program
 */
export class TrackBuilder<Steps, Role extends string> {
  /** @internal */
  readonly draft: Draft;
  /** @internal */
  readonly track: string;

  /** @internal */
  constructor(draft: Draft, track: string) {
    this.draft = draft;
    this.track = track;
  }

  private add<Next>(id: string, kind: StepKind, options: AnyOptions): TrackBuilder<Next, Role> {
    const tracks = this.draft.tracks.map((t) =>
      t.id === this.track ? { ...t, steps: [...t.steps, id] } : t,
    );
    const previous = this.draft.tracks.find((t) => t.id === this.track)?.steps.at(-1);
    const step: StepDefinition = {
      id,
      track: this.track,
      kind,
      label: options.label,
      by: options.by,
      after: relationsOf(options.after, previous),
      payload: options.payload,
      rules: (options.rules ?? []) as StepDefinition['rules'],
      duration: options.duration,
      repeat: options.repeat,
      count: countOf(options.repeat),
      ...(options.onOverdue === 'record' ? { onOverdue: 'record' as const } : {}),
      ...((options.on ?? options.until) !== undefined
        ? { fixed: options.on ?? options.until }
        : {}),
    };
    return new TrackBuilder<Next, Role>(
      { ...this.draft, tracks, steps: [...this.draft.steps, step] },
      this.track,
    );
  }

  /**
   * A milestone: recorded once (event type: its id).
   *
   * @param id - the step id, new in the program
   * @param options - label, roles, timing, payload and rules
   * @returns the builder with the step added
   */
  milestone<const S extends string, P extends Schema | undefined = undefined>(
    id: NewStepId<S, Steps>,
    options: MilestoneOptions<Role, Ids<Steps>, P>,
  ): TrackBuilder<With<Steps, S, 'milestone', P>, Role> {
    return this.add(id, 'milestone', options as AnyOptions);
  }

  /**
   * A meeting: recorded once, when it was held (event type: its id).
   *
   * @param id - the step id, new in the program
   * @param options - label, roles, timing, payload and rules
   * @returns the builder with the step added
   */
  meeting<const S extends string, P extends Schema | undefined = undefined>(
    id: NewStepId<S, Steps>,
    options: MilestoneOptions<Role, Ids<Steps>, P>,
  ): TrackBuilder<With<Steps, S, 'meeting', P>, Role> {
    return this.add(id, 'meeting', options as AnyOptions);
  }

  /**
   * A review: recorded once (event type: its id).
   *
   * @param id - the step id, new in the program
   * @param options - label, roles, timing, payload and rules
   * @returns the builder with the step added
   */
  review<const S extends string, P extends Schema | undefined = undefined>(
    id: NewStepId<S, Steps>,
    options: MilestoneOptions<Role, Ids<Steps>, P>,
  ): TrackBuilder<With<Steps, S, 'review', P>, Role> {
    return this.add(id, 'review', options as AnyOptions);
  }

  /**
   * A decision: recorded once, with what was decided (event type: its id).
   *
   * @param id - the step id, new in the program
   * @param options - label, roles, timing, payload and rules
   * @returns the builder with the step added
   */
  decision<const S extends string, P extends Schema | undefined = undefined>(
    id: NewStepId<S, Steps>,
    options: MilestoneOptions<Role, Ids<Steps>, P>,
  ): TrackBuilder<With<Steps, S, 'decision', P>, Role> {
    return this.add(id, 'decision', options as AnyOptions);
  }

  /**
   * A span: started (`<id>.start`) and later finished (`<id>.finish`, with the payload).
   *
   * @param id - the step id, new in the program
   * @param options - label, roles, timing, duration, payload and rules
   * @returns the builder with the step added
   */
  span<const S extends string, P extends Schema | undefined = undefined>(
    id: NewStepId<S, Steps>,
    options: SpanOptions<Role, Ids<Steps>, P>,
  ): TrackBuilder<With<Steps, S, 'span', P>, Role> {
    return this.add(id, 'span', options as AnyOptions);
  }

  /**
   * A series: recorded once per occurrence (event type: its id), done after its count.
   *
   * @param id - the step id, new in the program
   * @param options - label, roles, timing, cadence, payload and rules
   * @returns the builder with the step added
   */
  series<
    const S extends string,
    P extends Schema | undefined = undefined,
    const R extends RecurrenceInput = RecurrenceInput,
  >(
    id: NewStepId<S, Steps>,
    options: SeriesOptions<Role, Ids<Steps>, P> & { readonly repeat: BoundedRule<R> },
  ): TrackBuilder<With<Steps, S, 'series', P>, Role> {
    return this.add(id, 'series', options as AnyOptions);
  }
}

/** `after` as the timing model takes it: a bare duration is a lag after the previous step. */
function relationsOf(after: AnyOptions['after'], previous: string | undefined): Dependency[] {
  if (after === undefined) return previous === undefined ? [] : [previous];
  const isDuration =
    typeof after === 'object' && !Array.isArray(after) && 'nominal' in (after as object);
  const isIso = typeof after === 'string' && /^P/.test(after);
  if (isDuration || isIso) {
    return previous === undefined
      ? [{ step: '', lag: after as Duration | string }]
      : [{ step: previous, lag: after as Duration | string }];
  }
  return Array.isArray(after) ? [...(after as Dependency[])] : [after as Dependency];
}

function countOf(repeat: RecurrenceInput | undefined): number | undefined {
  if (repeat === undefined) return undefined;
  if ('every' in repeat) return repeat.count;
  const match = /COUNT=(\d+)/i.exec(repeat.rrule);
  return match ? Number(match[1]) : undefined;
}

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

export type { Draft };
