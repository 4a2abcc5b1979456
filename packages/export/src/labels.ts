import type { Plan, PlannedStep } from '@maslul/timing';
import { type Label, labelIn } from '@maslul/timing/names';

/**
 * What an export may know of the program beyond the plan: the kind and label of each step, the
 * label of each track, and the program's own label. A `@maslul/core` program (for example
 * `kehilaMetiva`) has this shape, so pass it as it is.
 *
 * @example
 * ```ts
 * import type { ProgramInfo } from '@maslul/export';
 *
 * const info: ProgramInfo = {
 *   label: { en: 'Kehila Metiva', he: 'קהילה מיטיבה' },
 *   steps: { S1: { kind: 'meeting', label: { en: 'Shaping committee 1', he: 'ועדה מעצבת 1' } } },
 *   tracks: [{ id: 'strategy', label: { en: 'Strategy', he: 'אסטרטגיה' } }],
 * };
 * ```
 * @category Labels
 */
export interface ProgramInfo {
  /** The program's name: the default calendar name and Gantt title. */
  readonly label?: Label | undefined;
  /** Each step's kind (`'meeting'`, `'decision'`, ...) and label, by step id. */
  readonly steps?:
    | {
        readonly [id: string]: { readonly kind?: string | undefined; readonly label?: Label };
      }
    | undefined;
  /** The tracks (a plan step's `group` is its track id), with their labels. */
  readonly tracks?: readonly { readonly id: string; readonly label?: Label }[] | undefined;
}

/**
 * The options every export takes to name things: the program's labels, the locale to show
 * them in, and an optional function that names a step its own way.
 *
 * @example
 * ```ts
 * import type { LabelOptions } from '@maslul/export';
 *
 * const hebrew: LabelOptions = { locale: 'he' };
 * const withIds: LabelOptions = { label: (step) => `${step.id}: ${step.label}` };
 * ```
 * @category Labels
 */
export interface LabelOptions<Id extends string = string> {
  /** Step kinds and labels, track labels and the program label (e.g. a `@maslul/core` program). */
  readonly program?: ProgramInfo | undefined;
  /** The locale labels are shown in (`'he'`, `'en'`, ...); `'en'` by default. */
  readonly locale?: string | undefined;
  /** Names a step; wins over the program's labels and the plan's. */
  readonly label?: ((step: PlannedStep<Id>) => string) | undefined;
}

/** How the exports name and sort one plan: resolved once per export. */
export interface Naming<Id extends string> {
  /** The step's label in the locale. */
  step(id: Id): string;
  /** The step's kind: the program's (`'meeting'`, ...) or else the plan's. */
  kind(id: Id): string;
  /** The label of a track (a step's group), or the group id itself. */
  track(group: string): string;
  /** The program's label in the locale, if the program is given. */
  readonly program: string | undefined;
  /** Track ids in the program's order, then groups the program does not name, as they appear. */
  readonly groups: readonly string[];
}

/** Resolves the label options against a plan. */
export function namingOf<Id extends string>(
  plan: Plan<Id>,
  options: LabelOptions<Id> | undefined,
): Naming<Id> {
  const locale = options?.locale ?? 'en';
  const program = options?.program;
  const tracks = new Map((program?.tracks ?? []).map((track) => [track.id, track.label]));
  const groups = [...tracks.keys()];
  for (const id of plan.order) {
    const group = plan.steps[id].group;
    if (group !== undefined && !groups.includes(group)) groups.push(group);
  }
  const used = new Set(plan.order.map((id) => plan.steps[id].group));
  return {
    step: (id) => {
      const own = options?.label?.(plan.steps[id]);
      if (own !== undefined) return own;
      const label = program?.steps?.[id]?.label;
      return label === undefined ? plan.steps[id].label : labelIn(label, locale);
    },
    kind: (id) => program?.steps?.[id]?.kind ?? plan.steps[id].kind,
    track: (group) => {
      const label = tracks.get(group);
      return label === undefined ? group : labelIn(label, locale);
    },
    program: program?.label === undefined ? undefined : labelIn(program.label, locale),
    groups: groups.filter((group) => used.has(group)),
  };
}
