import type { Dependency, Duration, Label, PlainDate, RecurrenceInput } from '@maslul/timing';
import type * as z from 'zod';
import type { BoundedRule, NewStepId } from './definition-types.js';
import type { EndingOptions } from './ending.js';
import type { ItemDefinition } from './item.js';
import type {
  MilestoneOptions,
  Optional,
  RoleDefinition,
  Schema,
  SeriesOptions,
  SpanOptions,
  StepDefinition,
  StepKind,
  TrackDefinition,
} from './types.js';

/** A step's payload as its sender writes it (`undefined` when it takes none). */
export type InputOf<P> = P extends Schema ? z.input<P> : undefined;
/** The step ids of a builder's steps so far. */
type Ids<Steps> = Extract<keyof Steps, string>;
/** Whether an `optional` option makes a step skippable: given (true or roles) or not. */
type Skippable<O> = [O] extends [undefined] ? false : true;
type With<Steps, S extends string, K extends StepKind, P, O> = Steps & {
  readonly [key in S]: {
    readonly kind: K;
    readonly payload: InputOf<P>;
    readonly optional: Skippable<O>;
  };
};

/** What the builders collect; each call returns a new builder over a copy. */
export interface Draft {
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
      ...skipOf(options.optional, options.by),
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
  milestone<
    const S extends string,
    P extends Schema | undefined = undefined,
    const O extends Optional<Role> | undefined = undefined,
  >(
    id: NewStepId<S, Steps>,
    options: MilestoneOptions<Role, Ids<Steps>, P> & { readonly optional?: O },
  ): TrackBuilder<With<Steps, S, 'milestone', P, O>, Role> {
    return this.add(id, 'milestone', options as AnyOptions);
  }

  /**
   * A meeting: recorded once, when it was held (event type: its id).
   *
   * @param id - the step id, new in the program
   * @param options - label, roles, timing, payload and rules
   * @returns the builder with the step added
   */
  meeting<
    const S extends string,
    P extends Schema | undefined = undefined,
    const O extends Optional<Role> | undefined = undefined,
  >(
    id: NewStepId<S, Steps>,
    options: MilestoneOptions<Role, Ids<Steps>, P> & { readonly optional?: O },
  ): TrackBuilder<With<Steps, S, 'meeting', P, O>, Role> {
    return this.add(id, 'meeting', options as AnyOptions);
  }

  /**
   * A review: recorded once (event type: its id).
   *
   * @param id - the step id, new in the program
   * @param options - label, roles, timing, payload and rules
   * @returns the builder with the step added
   */
  review<
    const S extends string,
    P extends Schema | undefined = undefined,
    const O extends Optional<Role> | undefined = undefined,
  >(
    id: NewStepId<S, Steps>,
    options: MilestoneOptions<Role, Ids<Steps>, P> & { readonly optional?: O },
  ): TrackBuilder<With<Steps, S, 'review', P, O>, Role> {
    return this.add(id, 'review', options as AnyOptions);
  }

  /**
   * A decision: recorded once, with what was decided (event type: its id).
   *
   * @param id - the step id, new in the program
   * @param options - label, roles, timing, payload and rules
   * @returns the builder with the step added
   */
  decision<
    const S extends string,
    P extends Schema | undefined = undefined,
    const O extends Optional<Role> | undefined = undefined,
  >(
    id: NewStepId<S, Steps>,
    options: MilestoneOptions<Role, Ids<Steps>, P> & { readonly optional?: O },
  ): TrackBuilder<With<Steps, S, 'decision', P, O>, Role> {
    return this.add(id, 'decision', options as AnyOptions);
  }

  /**
   * A span: started (`<id>.start`) and later finished (`<id>.finish`, with the payload).
   *
   * @param id - the step id, new in the program
   * @param options - label, roles, timing, duration, payload and rules
   * @returns the builder with the step added
   */
  span<
    const S extends string,
    P extends Schema | undefined = undefined,
    const O extends Optional<Role> | undefined = undefined,
  >(
    id: NewStepId<S, Steps>,
    options: SpanOptions<Role, Ids<Steps>, P> & { readonly optional?: O },
  ): TrackBuilder<With<Steps, S, 'span', P, O>, Role> {
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
    const O extends Optional<Role> | undefined = undefined,
  >(
    id: NewStepId<S, Steps>,
    options: SeriesOptions<Role, Ids<Steps>, P> & {
      readonly repeat: BoundedRule<R>;
      readonly optional?: O;
    },
  ): TrackBuilder<With<Steps, S, 'series', P, O>, Role> {
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

/** Who may skip an optional step: its own roles for `true`, else the roles it names. */
function skipOf(
  optional: Optional<string> | undefined,
  by: readonly string[],
): { skip?: { readonly by: readonly string[] } } {
  if (optional === undefined) return {};
  return { skip: { by: optional === true ? by : optional.by } };
}
