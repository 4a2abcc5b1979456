import { defineProgram } from '@maslul/core';
import { compile } from '@maslul/core/xstate';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type StatechartProgram, toMermaidStatechart } from '../index.js';

const decode = (text: string) =>
  text.replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

interface Edge {
  readonly from: string;
  readonly to: string;
  /** Decoded; undefined when the edge has none. */
  readonly label: string | undefined;
}

/** A composite state: its id, label, the states declared in it, its edges and its regions. */
interface Composite {
  readonly id: string;
  readonly label: string;
  readonly states: { id: string; label: string }[];
  readonly edges: Edge[];
  readonly children: Composite[];
  /** The children split at `--`: one array per concurrent region. */
  readonly regions: Composite[][];
  readonly directions: string[];
}

const ID = /^[A-Za-z][A-Za-z0-9_]*$/;
const STATE_ID = String.raw`(\[\*\]|[A-Za-z][A-Za-z0-9_]*)`;

/**
 * A strict reader of the state-diagram subset the export writes: quoted names and edge labels
 * hold no `"`, `;`, `#`, `%`, `<`, braces or brackets outside entity codes, ids are plain, and
 * every line is one statement.
 */
function parseStatechart(text: string): Composite {
  const lines = text.split('\n');
  expect(lines[0]).toBe('stateDiagram-v2');
  expect(lines.at(-1)).toBe('');
  const root: Composite = {
    id: '',
    label: '',
    states: [],
    edges: [],
    children: [],
    regions: [[]],
    directions: [],
  };
  const stack = [root];
  const ids = new Set<string>();
  const plain = (raw: string) => {
    expect(raw.replace(/#\d+;/g, ''), raw).not.toMatch(/[#;%"'<>{}[\]|\\]/);
    return decode(raw);
  };
  const EDGE = new RegExp(`^${STATE_ID} --> ${STATE_ID}(?: : (.+))?$`);
  for (const line of lines.slice(1, -1)) {
    const statement = line.trim();
    // Two spaces per level: a closing brace sits at its opening line's level.
    const depth = stack.length - (statement === '}' ? 1 : 0);
    expect(line, line).toBe(`${'  '.repeat(depth)}${statement}`);
    const top = stack.at(-1) as Composite;
    const state = /^state "([^"]*)" as (\S+)( \{)?$/.exec(statement);
    const edge = EDGE.exec(statement);
    if (statement === '}') {
      stack.pop();
      expect(stack.length).toBeGreaterThan(0);
    } else if (statement === '--') {
      top.regions.push([]);
    } else if (/^direction (LR|TB)$/.test(statement)) {
      top.directions.push(statement.slice('direction '.length));
    } else if (state) {
      const [, label = '', id = '', open] = state;
      expect(id).toMatch(ID);
      expect(ids.has(id), `id ${id} is declared twice`).toBe(false);
      ids.add(id);
      if (open) {
        const child: Composite = {
          id,
          label: plain(label),
          states: [],
          edges: [],
          children: [],
          regions: [[]],
          directions: [],
        };
        top.children.push(child);
        top.regions.at(-1)?.push(child);
        stack.push(child);
      } else top.states.push({ id, label: plain(label) });
    } else if (edge) {
      const [, from = '', to = '', label] = edge;
      top.edges.push({ from, to, label: label === undefined ? undefined : plain(label) });
    } else {
      throw new Error(`Not a statement the export writes: ${JSON.stringify(line)}`);
    }
  }
  expect(stack).toEqual([root]);
  return root;
}

/** A composite's edges as `from --> to`, or `from -event-> to`, the event being the label's first part. */
function diagramTransitions(composite: Composite): string[] {
  return composite.edges
    .map((edge) =>
      edge.label === undefined
        ? `${edge.from} --> ${edge.to}`
        : `${edge.from} -${edge.label.split(' · ')[0]}-> ${edge.to}`,
    )
    .sort();
}

interface MachineNode {
  readonly key: string;
  readonly type: string;
  readonly states: Record<string, MachineNode>;
  readonly initial?: { readonly target: readonly MachineNode[] } | undefined;
  readonly transitions: Map<string, readonly { readonly target?: readonly MachineNode[] }[]>;
}

/** The transitions of one state node's children, as `from -event-> to` (no target: stays). */
function machineTransitions(
  node: MachineNode,
  name: (key: string) => string,
  event: (type: string) => string,
): string[] {
  const out: string[] = [];
  for (const [key, state] of Object.entries(node.states)) {
    for (const [type, list] of state.transitions) {
      for (const transition of list) {
        out.push(`${name(key)} -${event(type)}-> ${name(transition.target?.[0]?.key ?? key)}`);
      }
    }
  }
  return out;
}

/** A track's region of the compiled machine, written as the diagram writes it. */
function regionTransitions(region: MachineNode): string[] {
  // A track's end, `done`, is drawn as the end of its region ([*]); the machine keeps it a plain
  // state so that items live on after the tracks.
  const name = (key: string) => (key === 'done' ? '[*]' : key.replace(':running', '_running'));
  const initial = `[*] --> ${name(region.initial?.target[0]?.key ?? '')}`;
  return [initial, ...machineTransitions(region, name, (type) => type)].sort();
}

/** An item kind's machine, written as the diagram writes it (its creation is its first edge). */
/**
 * An item kind's transitions as its definition gives them (the item's state lives in the
 * machine's context, moved by the root's `<kind>.<event>` transitions): `[*] -create->` its first
 * state, `from -event-> to` for each state an event leaves, and `--> [*]` from each final state.
 */
function itemTransitions(
  kind: string,
  item: {
    readonly states: readonly string[];
    readonly final: readonly string[];
    readonly events: Readonly<
      Record<string, { readonly from: readonly string[]; readonly to: string }>
    >;
  },
): string[] {
  const name = (key: string) => `${kind}_${key}`;
  return [
    `[*] -${kind}.create-> ${name(item.states[0] ?? '')}`,
    ...Object.entries(item.events).flatMap(([event, { from, to }]) =>
      from
        .filter((state) => !item.final.includes(state))
        .map((state) => `${name(state)} -${kind}.${event}-> ${name(to)}`),
    ),
    ...item.final.map((state) => `${name(state)} --> [*]`),
  ].sort();
}

const tiny = defineProgram('tiny-demo', { version: 1, label: { en: 'Tiny', he: 'זעיר' } })
  .roles({ manager: { label: 'Manager' } })
  .track('main', { en: 'Main', he: 'ראשי' }, (t) =>
    t
      .milestone('kickoff', { label: { en: 'Kickoff', he: 'פתיחה' }, by: ['manager'] })
      .span('mapping', {
        label: { en: 'Mapping', he: 'מיפוי' },
        by: ['manager'],
        duration: 'P2W',
        optional: true,
      })
      .decision('close', { label: { en: 'Close', he: 'סגירה' }, by: ['manager'] }),
  )
  .track('side', 'Side', (t) =>
    t.series('meetings', {
      label: 'Meetings',
      by: ['manager'],
      after: { step: 'mapping', from: 'start' },
      repeat: { every: 'P1W', count: 3 },
    }),
  )
  .build();

describe('toMermaidStatechart', () => {
  it('takes a @maslul/core program as it is', () => {
    expectTypeOf(kehilaMetiva).toExtend<StatechartProgram>();
    expectTypeOf(tiny).toExtend<StatechartProgram>();
  });

  it('writes a tiny program exactly', () => {
    expect(toMermaidStatechart(tiny)).toBe(
      [
        'stateDiagram-v2',
        '  direction LR',
        '  state "Tiny" as tiny_demo {',
        '    direction TB',
        '    state "Main" as main {',
        '      state "kickoff · Kickoff" as kickoff',
        '      state "mapping · Mapping" as mapping',
        '      state "mapping · running" as mapping_running',
        '      state "close · Close" as close',
        '      [*] --> kickoff',
        '      kickoff --> mapping : kickoff',
        '      mapping --> mapping_running : mapping.start',
        '      mapping --> close : mapping.skip',
        '      mapping_running --> close : mapping.finish',
        '      close --> [*] : close',
        '    }',
        '    --',
        '    state "Side" as side {',
        '      state "meetings · Meetings" as meetings',
        '      [*] --> meetings',
        '      meetings --> meetings : meetings · after mapping starts · 1–2 of 3',
        '      meetings --> [*] : meetings · after mapping starts · 3 of 3',
        '    }',
        '  }',
        '',
      ].join('\n'),
    );
  });

  it('draws the program as one state with a concurrent region per track, in the program’s order', () => {
    const root = parseStatechart(toMermaidStatechart(kehilaMetiva));
    const [program, ...items] = root.children;
    expect(program?.id).toBe('kehila_metiva');
    expect(program?.label).toBe('Kehila Metiva: a thriving community');
    expect(program?.regions.map((region) => region.map((track) => track.id))).toEqual(
      kehilaMetiva.tracks.map((track) => [track.id]),
    );
    expect(program?.children.map((track) => track.label)).toEqual([
      'Long-term strategy',
      'Experiential pilot',
      'Support of the initiatives',
      'Convergence',
      'Steering committee',
    ]);
    expect(items.map((item) => [item.id, item.label])).toEqual([
      ['team', 'Channel team'],
      ['initiative', 'Pilot initiative'],
    ]);
    // Stacked on the page: left to right at the top (one column), top to bottom inside.
    expect(root.directions).toEqual(['LR']);
    for (const child of root.children) expect(child.directions).toEqual(['TB']);
  });

  it('names every step once, in its track, and a running state for each span', () => {
    const program = parseStatechart(toMermaidStatechart(kehilaMetiva)).children[0] as Composite;
    const all = program.children.flatMap((track) => track.states.map((s) => s.id));
    const steps = Object.keys(kehilaMetiva.steps);
    const spans = steps.filter((id) => kehilaMetiva.steps[id as 'S0'].kind === 'span');
    expect(spans).toEqual(['S2', 'S6', 'X2']);
    expect(all.sort()).toEqual([...steps, ...spans.map((id) => `${id}_running`)].sort());
    for (const track of kehilaMetiva.tracks) {
      const region = program.children.find((c) => c.id === track.id) as Composite;
      for (const step of track.steps) {
        const label = kehilaMetiva.steps[step as 'S0'].label as { en: string };
        expect(region.states.filter((s) => s.id === step)).toEqual([
          { id: step, label: `${step} · ${label.en}` },
        ]);
      }
    }
  });

  it('moves each track from step to step in the program’s order, on the step’s events', () => {
    const program = parseStatechart(toMermaidStatechart(kehilaMetiva)).children[0] as Composite;
    for (const track of kehilaMetiva.tracks) {
      const region = program.children.find((c) => c.id === track.id) as Composite;
      // Walk from the start: each state has one way forward, except a series' loop.
      const path: string[] = [];
      const events: string[] = [];
      for (let at = '[*]'; ; ) {
        const forward = region.edges.filter((e) => e.from === at && e.to !== at);
        expect(forward).toHaveLength(1);
        const [edge] = forward as [Edge];
        if (edge.label) events.push(edge.label.split(' · ')[0] as string);
        if (edge.to === '[*]') break;
        path.push(edge.to);
        at = edge.to;
      }
      const expected = track.steps.flatMap((step) =>
        kehilaMetiva.steps[step as 'S0'].kind === 'span' ? [step, `${step}_running`] : [step],
      );
      expect(path).toEqual(expected);
      expect(events).toEqual(
        track.steps.flatMap((step) =>
          kehilaMetiva.steps[step as 'S0'].kind === 'span'
            ? [`${step}.start`, `${step}.finish`]
            : [step],
        ),
      );
    }
  });

  it('has the transitions of the compiled machine, region by region and item by item', () => {
    const machine = compile(kehilaMetiva);
    const root = parseStatechart(toMermaidStatechart(kehilaMetiva));
    const program = root.children[0] as Composite;
    const regions = machine.root.states as unknown as Record<string, MachineNode>;
    expect(program.children.map((c) => c.id)).toEqual(Object.keys(regions));
    for (const region of program.children) {
      expect(diagramTransitions(region)).toEqual(
        regionTransitions(regions[region.id] as MachineNode),
      );
    }
    // Items: the machine takes each item event at its root; the item's states are its definition's.
    const items = kehilaMetiva.items as unknown as Record<
      string,
      Parameters<typeof itemTransitions>[1]
    >;
    expect(root.children.slice(1).map((c) => c.id)).toEqual(Object.keys(items));
    const rootEvents = Object.keys(machine.root.on);
    for (const item of root.children.slice(1)) {
      const definition = items[item.id] as Parameters<typeof itemTransitions>[1];
      for (const event of ['create', ...Object.keys(definition.events)]) {
        expect(rootEvents).toContain(`${item.id}.${event}`);
      }
      expect(diagramTransitions(item)).toEqual(itemTransitions(item.id, definition));
    }
    // The comparison sees what it should: the strategy track's spans and the series' loop.
    expect(regionTransitions(regions.strategy as MachineNode)).toContain(
      'S2 -S2.start-> S2_running',
    );
    expect(regionTransitions(regions.governance as MachineNode)).toEqual([
      'Q -Q-> Q',
      'Q -Q-> [*]',
      '[*] --> Q',
    ]);
  });

  it('has the transitions of the compiled machine for an optional step, its skip among them', () => {
    const machine = compile(tiny);
    const program = parseStatechart(toMermaidStatechart(tiny)).children[0] as Composite;
    const regions = machine.root.states as unknown as Record<string, MachineNode>;
    for (const region of program.children) {
      expect(diagramTransitions(region)).toEqual(
        regionTransitions(regions[region.id] as MachineNode),
      );
    }
    expect(diagramTransitions(program.children[0] as Composite)).toContain(
      'mapping -mapping.skip-> close',
    );
  });

  it('names the steps of other tracks an event waits for', () => {
    const root = parseStatechart(toMermaidStatechart(kehilaMetiva));
    const edges = root.children.flatMap((c) => [...c.edges, ...c.children.flatMap((t) => t.edges)]);
    const labelOf = (from: string, to: string) =>
      edges.find((e) => e.from === from && e.to === to)?.label;
    expect(labelOf('X1', 'X3')).toBe('X1 · after S4');
    expect(labelOf('X2', 'X2_running')).toBe('X2.start · after X1');
    expect(labelOf('C1', '[*]')).toBe('C1 · after S8, X4');
    expect(labelOf('Q', 'Q')).toBe('Q · after S0 · 1–4 of 5');
    expect(labelOf('Q', '[*]')).toBe('Q · after S0 · 5 of 5');
    // Steps of its own track are behind it: no note.
    expect(labelOf('X3', 'X4')).toBe('X3');
    expect(labelOf('[*]', 'team_formed')).toBe('team.create · after S5');
    expect(labelOf('initiative_measured', 'initiative_continued')).toBe(
      'initiative.continue · Continues into year two · after S8, X4',
    );
  });

  it('writes the labels in Hebrew when asked, and in English for a locale the program lacks', () => {
    const he = parseStatechart(toMermaidStatechart(kehilaMetiva, { locale: 'he' }));
    const program = he.children[0] as Composite;
    expect(program.label).toBe('קהילה מיטיבה');
    expect(program.children[0]?.label).toBe('בניית תוכנית אסטרטגית - טווח ארוך');
    const strategy = program.children[0]?.states ?? [];
    expect(strategy.find((s) => s.id === 'S4')?.label).toBe('S4 · כנס השקה רשותי: המצפן');
    expect(strategy.find((s) => s.id === 'S2_running')?.label).toBe('S2 · בביצוע');
    const q = program.children.find((c) => c.id === 'governance')?.edges ?? [];
    expect(q.map((e) => e.label)).toEqual([
      undefined,
      'Q · אחרי S0 · 1–4 מתוך 5',
      'Q · אחרי S0 · 5 מתוך 5',
    ]);
    expect(he.children.map((c) => c.label)).toEqual(['קהילה מיטיבה', 'צוות ערוץ', 'יוזמת פיילוט']);
    expect(toMermaidStatechart(tiny, { locale: 'he' })).toContain(
      'state "kickoff · פתיחה" as kickoff',
    );
    expect(toMermaidStatechart(kehilaMetiva, { locale: 'fr' })).toBe(
      toMermaidStatechart(kehilaMetiva),
    );
  });

  it('takes a title, and leaves the item machines out when asked', () => {
    const root = parseStatechart(toMermaidStatechart(kehilaMetiva, { title: 'KM', items: false }));
    expect(root.children.map((c) => [c.id, c.label])).toEqual([['kehila_metiva', 'KM']]);
  });

  it('escapes what Mermaid reads as syntax, and makes ids it can take', () => {
    const nasty = 'A: b; c #59; 100% "d" \'e\' <b>f</b> {g} [h] |i| \\j --> k';
    const program = defineProgram('state', { version: 1, label: nasty })
      .roles({ manager: { label: 'Manager' } })
      .track('end', nasty, (t) =>
        t
          .span('note', { label: `${nasty}\nsecond line`, by: ['manager'], duration: 'P1W' })
          .milestone('x-1', { label: nasty, by: ['manager'] })
          .milestone('x_1', { label: '', by: ['manager'] }),
      )
      .item(
        'direction',
        {
          label: nasty,
          states: ['open', 'closed'],
          final: ['closed'],
          create: { by: ['manager'] },
        },
        (item) =>
          item.event('close', { label: nasty, by: ['manager'], from: ['open'], to: 'closed' }),
      )
      .build();
    const text = toMermaidStatechart(program);
    const root = parseStatechart(text);
    const [top, item] = root.children as [Composite, Composite];
    expect(top).toMatchObject({ id: 'state_', label: nasty });
    const track = top.children[0] as Composite;
    expect(track).toMatchObject({ id: 'end_', label: nasty });
    expect(track.states).toEqual([
      { id: 'note_', label: `note · ${nasty} second line` },
      { id: 'note_running', label: 'note · running' },
      { id: 'x_1_2', label: `x-1 · ${nasty}` },
      // A step without a label is named by its id; it keeps the id it has.
      { id: 'x_1', label: 'x_1' },
    ]);
    expect(item).toMatchObject({ id: 'direction_', label: nasty });
    expect(item.edges.map((e) => e.label)).toEqual([
      'direction.create',
      `direction.close · ${nasty}`,
      undefined,
    ]);
    // A track, its step and an item may share an id; their Mermaid ids differ.
    const shared = defineProgram('main', { version: 1, label: 'Shared' })
      .roles({ manager: { label: 'Manager' } })
      .track('main', 'Main', (t) => t.milestone('main', { label: 'Main step', by: ['manager'] }))
      .build();
    const sharedRoot = parseStatechart(toMermaidStatechart(shared));
    expect(sharedRoot.children[0]?.id).toBe('main_3');
    expect(sharedRoot.children[0]?.children[0]?.id).toBe('main_2');
    expect(sharedRoot.children[0]?.children[0]?.states).toEqual([
      { id: 'main', label: 'main · Main step' },
    ]);
    // A label holding an entity code shows it as written.
    expect(text).toContain('#35;59#59;');
  });
});
