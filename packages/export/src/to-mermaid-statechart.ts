import type { Dependency } from '@maslul/timing';
import {
  itemCreateType,
  itemEventType,
  type Label,
  labelIn,
  spanFinishType,
  spanStartType,
  stepSkipType,
} from '@maslul/timing/names';

/**
 * One step as {@link toMermaidStatechart} reads it: its kind (a `'span'` is started then
 * finished, a `'series'` is recorded `count` times, anything else once), its label, and the steps
 * it waits for. A `@maslul/core` step definition has this shape.
 *
 * @example
 * ```ts
 * import type { StatechartStep } from '@maslul/export';
 *
 * const mapping: StatechartStep = { kind: 'span', label: { en: 'Mapping', he: 'מיפוי' }, after: ['S1'] };
 * ```
 * @category Mermaid
 */
export interface StatechartStep {
  readonly kind: string;
  readonly label?: Label | undefined;
  /** The steps it waits for: a finish (`'S4'`, `{ step: 'S4' }`) or a start (`from: 'start'`). */
  readonly after?: readonly Dependency[] | undefined;
  /** For a series: how many occurrences finish it (one by default). */
  readonly count?: number | undefined;
  /** For an optional step: who may skip it (`<id>.skip`, an edge past it). */
  readonly skip?: { readonly by: readonly string[] } | undefined;
}

/**
 * An item kind as {@link toMermaidStatechart} reads it: its states (items start in the first),
 * its final states, the steps its creation waits for, and its events from state to state. A
 * `@maslul/core` item definition has this shape.
 *
 * @example
 * ```ts
 * import type { StatechartItem } from '@maslul/export';
 *
 * const action: StatechartItem = {
 *   label: 'Action',
 *   states: ['open', 'closed'],
 *   final: ['closed'],
 *   create: { after: ['kickoff'] },
 *   events: { close: { label: 'Closed', from: ['open'], to: 'closed' } },
 * };
 * ```
 * @category Mermaid
 */
export interface StatechartItem {
  readonly label?: Label | undefined;
  readonly states: readonly string[];
  readonly final?: readonly string[] | undefined;
  readonly create?: { readonly after?: readonly string[] | undefined } | undefined;
  readonly events: {
    readonly [event: string]: {
      readonly label?: Label | undefined;
      readonly from: readonly string[];
      readonly to: string;
      readonly after?: readonly string[] | undefined;
    };
  };
}

/**
 * What {@link toMermaidStatechart} reads of a program: its id and label, its tracks with their
 * steps in order, each step, and the kinds of items created during a run. A `@maslul/core`
 * program (for example `kehilaMetiva`) has this shape, so pass it as it is.
 *
 * @example
 * ```ts
 * import type { StatechartProgram } from '@maslul/export';
 *
 * const program: StatechartProgram = {
 *   id: 'demo',
 *   label: 'Demo',
 *   tracks: [{ id: 'main', label: 'Main', steps: ['kickoff', 'review'] }],
 *   steps: { kickoff: { kind: 'milestone', label: 'Kickoff' }, review: { kind: 'review', after: ['kickoff'] } },
 * };
 * ```
 * @category Mermaid
 */
export interface StatechartProgram {
  readonly id: string;
  readonly label?: Label | undefined;
  readonly tracks: readonly {
    readonly id: string;
    readonly label?: Label | undefined;
    readonly steps: readonly string[];
  }[];
  readonly steps: { readonly [id: string]: StatechartStep };
  readonly items?: { readonly [kind: string]: StatechartItem } | undefined;
}

/**
 * What {@link toMermaidStatechart} takes beyond the program.
 *
 * @example
 * ```ts
 * import type { MermaidStatechartOptions } from '@maslul/export';
 *
 * const options: MermaidStatechartOptions = { locale: 'he', items: false };
 * ```
 * @category Mermaid
 */
export interface MermaidStatechartOptions {
  /**
   * The locale of the labels (`'he'`, `'en'`, ...); `'en'` by default. The few words the chart
   * adds ("running", "after", "of") are in English or Hebrew.
   */
  readonly locale?: string | undefined;
  /** The name of the program's state; the program's label by default. */
  readonly title?: string | undefined;
  /** Whether to draw each item kind's machine beside the program; true by default. */
  readonly items?: boolean | undefined;
}

/** The words the chart adds to the program's labels. */
const WORDS = {
  en: {
    running: 'running',
    after: (steps: string) => `after ${steps}`,
    afterStart: (step: string) => `after ${step} starts`,
    occurrences: (last: number, count: number) =>
      last === 1 ? `1 of ${count}` : `1–${last} of ${count}`,
    occurrence: (n: number, count: number) => `${n} of ${count}`,
  },
  he: {
    running: 'בביצוע',
    after: (steps: string) => `אחרי ${steps}`,
    afterStart: (step: string) => `אחרי תחילת ${step}`,
    occurrences: (last: number, count: number) =>
      last === 1 ? `1 מתוך ${count}` : `1–${last} מתוך ${count}`,
    occurrence: (n: number, count: number) => `${n} מתוך ${count}`,
  },
} as const;

/**
 * Text Mermaid takes in a quoted state name or after a transition's colon. Mermaid reads `#`,
 * `;`, `%%`, quotes, brackets and braces as syntax, and `<` as HTML, so they become its entity
 * codes (`#59;` shows a semicolon), `#` first so a label holding `#59;` stays as written. A colon
 * is left as it is: it is plain text in both places.
 */
export function stateText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .replace(/[#;%"'<>{}[\]|\\]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** Words that mean something in a state diagram: never used as a state id. */
const RESERVED = new Set([
  'state',
  'note',
  'end',
  'as',
  'direction',
  'class',
  'classdef',
  'style',
  'click',
  'hide',
  'scale',
  'left',
  'right',
  'of',
  'over',
  'fork',
  'join',
  'choice',
  'concurrent',
  'acctitle',
  'accdescr',
  'tb',
  'bt',
  'lr',
  'rl',
]);

/**
 * Mermaid state ids for the wanted names, by key: letters, digits and `_`, unique in the
 * diagram. A name that is already one (and no keyword) stays; the others get the nearest free id.
 */
function idsOf(wanted: readonly (readonly [key: string, name: string])[]): Map<string, string> {
  const valid = (id: string) =>
    /^[A-Za-z][A-Za-z0-9_]*$/.test(id) && !RESERVED.has(id.toLowerCase());
  const taken = new Set(wanted.map(([, name]) => name).filter(valid));
  const kept = new Set<string>(); // the valid names given to their first key
  const ids = new Map<string, string>();
  for (const [key, name] of wanted) {
    if (valid(name) && !kept.has(name)) {
      kept.add(name);
      ids.set(key, name);
      continue;
    }
    let base = name.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(base)) base = `s_${base}`;
    if (RESERVED.has(base.toLowerCase())) base = `${base}_`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    ids.set(key, id);
  }
  return ids;
}

/** The step a dependency names, and whether it waits for its start rather than its finish. */
function dependencyOf(dependency: Dependency): { step: string; start: boolean } {
  return typeof dependency === 'string'
    ? { step: dependency, start: false }
    : { step: dependency.step, start: dependency.from === 'start' };
}

/**
 * A program's statechart as a Mermaid state diagram: what its compiled XState machine
 * (`compile(program)` in `@maslul/core/xstate`) lets happen, drawn for people. The program is
 * one state whose tracks are concurrent regions (separated by `--`); in each track, a state per step in
 * the program's order (a span has a second, running state), each left by the step's event
 * (`S2.start`, `S2.finish`, `S3`), and the track's final state after its last step. An edge
 * names the steps of other tracks the event waits for (`X1 · after S4`); a series loops on
 * itself until its last occurrence; an optional step has a second edge past it, `S7.skip`. Each item kind (channel teams, initiatives) is drawn after
 * the program as its own small machine: its states, and its events from state to state, from
 * `<kind>.create` to its final states. States are named by the program's labels in the locale
 * asked for; ids and labels are escaped for Mermaid.
 *
 * @param program - a program from `defineProgram(...).build()` (for example `kehilaMetiva`), or
 *   anything of its shape
 * @param options - the locale, a title, and whether to draw the item machines
 * @returns the diagram's text, to put in a ```` ```mermaid ```` block
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { defineProgram } from '@maslul/core';
 * import { toMermaidStatechart } from '@maslul/export';
 *
 * const program = defineProgram('demo', { version: 1, label: 'Demo' })
 *   .roles({ manager: { label: 'Manager' } })
 *   .track('main', 'Main', (t) =>
 *     t
 *       .milestone('kickoff', { label: 'Kickoff', by: ['manager'] })
 *       .span('mapping', { label: 'Mapping: the city', by: ['manager'], duration: 'P2W' }),
 *   )
 *   .build();
 * const chart = toMermaidStatechart(program);
 * assert.ok(chart.includes('kickoff --> mapping : kickoff'));
 * // stateDiagram-v2
 * //   direction LR
 * //   state "Demo" as demo {
 * //     direction TB
 * //     state "Main" as main {
 * //       state "kickoff · Kickoff" as kickoff
 * //       state "mapping · Mapping: the city" as mapping
 * //       state "mapping · running" as mapping_running
 * //       [*] --> kickoff
 * //       kickoff --> mapping : kickoff
 * //       mapping --> mapping_running : mapping.start
 * //       mapping_running --> [*] : mapping.finish
 * //     }
 * //   }
 * ```
 * @category Mermaid
 */
export function toMermaidStatechart(
  program: StatechartProgram,
  options?: MermaidStatechartOptions | undefined,
): string {
  const locale = options?.locale ?? 'en';
  const words = locale === 'he' ? WORDS.he : WORDS.en;
  const named = (label: Label | undefined, fallback: string) => {
    const text = label === undefined ? '' : labelIn(label, locale).trim();
    return text === '' ? fallback : text;
  };
  const items = options?.items === false ? [] : Object.entries(program.items ?? {});
  const steps = program.tracks.flatMap((track) => track.steps);

  // Keys in separate namespaces (a step and a track may share an id; Mermaid ids may not).
  const ids = idsOf([
    ...steps.map((step) => [`step:${step}`, step] as const),
    ...steps
      .filter((step) => program.steps[step]?.kind === 'span')
      .map((step) => [`running:${step}`, `${step}_running`] as const),
    ...program.tracks.map((track) => [`track:${track.id}`, track.id] as const),
    ...items.flatMap(([kind, item]) => [
      [`item:${kind}`, kind] as const,
      ...item.states.map((state) => [`state:${kind}\u0000${state}`, `${kind}_${state}`] as const),
    ]),
    ['program', program.id],
  ]);
  const id = (key: string) => ids.get(key) as string;

  const lines = ['stateDiagram-v2'];
  const state = (indent: string, key: string, text: string) =>
    lines.push(`${indent}state "${stateText(text)}" as ${id(key)}`);
  const edge = (indent: string, from: string, to: string, label?: string) =>
    lines.push(`${indent}${from} --> ${to}${label === undefined ? '' : ` : ${stateText(label)}`}`);
  const waits = (after: readonly string[]) =>
    after.length === 0 ? [] : [words.after(after.join(', '))];

  // The program and the item machines are not linked, so Mermaid puts them side by side, which
  // makes the chart too wide for a page. Laid out left to right at the top, they stack instead
  // (unlinked states share a rank, and a rank is a column); inside, each flows top to bottom.
  lines.push('  direction LR');
  lines.push(
    `  state "${stateText(options?.title ?? named(program.label, program.id))}" as ${id('program')} {`,
    '    direction TB',
  );
  program.tracks.forEach((track, t) => {
    if (t > 0) lines.push('    --');
    lines.push(
      `    state "${stateText(named(track.label, track.id))}" as ${id(`track:${track.id}`)} {`,
    );
    for (const step of track.steps) {
      const label = named(program.steps[step]?.label, '');
      state('      ', `step:${step}`, label === '' ? step : `${step} · ${label}`);
      if (ids.has(`running:${step}`))
        state('      ', `running:${step}`, `${step} · ${words.running}`);
    }
    const first = track.steps[0];
    edge('      ', '[*]', first === undefined ? '[*]' : id(`step:${first}`));
    const own = new Set(track.steps);
    track.steps.forEach((step, i) => {
      const definition = program.steps[step];
      const from = id(`step:${step}`);
      const nextStep = track.steps[i + 1];
      const next = nextStep === undefined ? '[*]' : id(`step:${nextStep}`);
      // The event waits for the steps it names in other tracks (those of its own track are
      // behind it already).
      const others = (definition?.after ?? [])
        .map(dependencyOf)
        .filter((dependency) => !own.has(dependency.step));
      const notes = [
        ...waits(others.filter((d) => !d.start).map((d) => d.step)),
        ...others.filter((d) => d.start).map((d) => words.afterStart(d.step)),
      ];
      const label = (event: string, ...more: string[]) => [event, ...notes, ...more].join(' · ');
      const count = definition?.count ?? 1;
      // An optional step is skipped from its state, before it starts: an edge past it.
      const skip = () => {
        if (definition?.skip) edge('      ', from, next, label(stepSkipType(step)));
      };
      if (definition?.kind === 'span') {
        const running = id(`running:${step}`);
        edge('      ', from, running, label(spanStartType(step)));
        skip();
        edge('      ', running, next, spanFinishType(step));
      } else if (definition?.kind === 'series' && count > 1) {
        edge('      ', from, from, label(step, words.occurrences(count - 1, count)));
        edge('      ', from, next, label(step, words.occurrence(count, count)));
        skip();
      } else {
        edge('      ', from, next, label(step));
        skip();
      }
    });
    lines.push('    }');
  });
  lines.push('  }');

  for (const [kind, item] of items) {
    const of = (itemState: string) => id(`state:${kind}\u0000${itemState}`);
    const finals = new Set(item.final ?? []);
    lines.push(
      `  state "${stateText(named(item.label, kind))}" as ${id(`item:${kind}`)} {`,
      '    direction TB',
    );
    for (const itemState of item.states)
      state('    ', `state:${kind}\u0000${itemState}`, itemState);
    const first = item.states[0];
    if (first !== undefined) {
      const create = [itemCreateType(kind), ...waits(item.create?.after ?? [])];
      edge('    ', '[*]', of(first), create.join(' · '));
    }
    for (const [name, event] of Object.entries(item.events)) {
      const label: string[] = [itemEventType(kind, name)];
      const text = named(event.label, '');
      if (text !== '') label.push(text);
      label.push(...waits(event.after ?? []));
      // A final state takes no events: the compiled item machine stops there.
      for (const from of event.from.filter((s) => !finals.has(s))) {
        edge('    ', of(from), of(event.to), label.join(' · '));
      }
    }
    for (const final of finals) edge('    ', of(final), '[*]');
    lines.push('  }');
  }
  return `${lines.join('\n')}\n`;
}
