// Every field of every payload schema of the program, broken one at a time, is refused naming the
// docs/program.md rule the field serves: never `core.payload`. The fields are walked from the schemas
// themselves (so a new field is covered as soon as it is added), with the happy path's payloads.
import type { ItemDefinition, StepDefinition } from '@maslul/core';
import { describe, expect, it } from 'vitest';
import { kehilaMetiva } from '../index.js';
import {
  actors,
  challenges,
  createRun,
  driveTo,
  happyPath,
  initiativeIds,
  START,
  strategicPlan,
} from './program-fixtures.js';

/** A rule id of docs/program.md. */
const PROGRAM_RULE = /^(S[0-9]|T[1-3]|P[1-7]|X[1-4]|C[1-3])$/;

type Path = readonly (string | number)[];
interface ZodDef {
  type: string;
  innerType?: unknown;
  in?: unknown;
  shape?: Record<string, unknown>;
  element?: unknown;
  valueType?: unknown;
  options?: readonly unknown[];
}
const defOf = (schema: unknown) => (schema as { _zod: { def: ZodDef } })._zod.def;
const parses = (schema: unknown, value: unknown) =>
  (schema as { safeParse(v: unknown): { success: boolean } }).safeParse(value).success;

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (
    let def = defOf(current);
    def.innerType !== undefined || def.type === 'pipe';
    def = defOf(current)
  ) {
    current = def.innerType ?? def.in;
  }
  return current;
}

/** A field of a payload: its path, and whether it may be left out. */
interface Field {
  readonly path: Path;
  readonly optional: boolean;
}
const optionalTypes = new Set(['optional', 'default', 'prefault']);

/** Every field under a schema, guided by a valid value (its first list items, its union options). */
function fieldsOf(schema: unknown, value: unknown, path: Path = []): Field[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  const record = (value ?? {}) as Record<string, unknown>;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) => [
        { path: [...path, key], optional: optionalTypes.has(defOf(child).type) },
        ...fieldsOf(child, record[key], [...path, key]),
      ]);
    case 'array':
      return Array.isArray(value) && value.length > 0
        ? [{ path: [...path, 0], optional: true }, ...fieldsOf(def.element, value[0], [...path, 0])]
        : [];
    case 'record':
      return Object.keys(record).flatMap((key) => [
        { path: [...path, key], optional: true },
        ...fieldsOf(def.valueType, record[key], [...path, key]),
      ]);
    case 'union': {
      const option = (def.options ?? []).find((o) => parses(o, value));
      return option === undefined ? [] : fieldsOf(option, value, path);
    }
    default:
      return [];
  }
}

const getAt = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (v, key) => (v as Record<string | number, unknown> | undefined)?.[key],
    value,
  );

/** A copy of `value` with the field at `path` replaced (or deleted, for `undefined`). */
function withField(value: unknown, path: Path, replacement: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && replacement === undefined && !Array.isArray(value)) delete copy[key];
  else copy[key] = withField(copy[key], rest, replacement);
  return copy;
}

/** The event types with a payload, the happy-path step that first records each, and its schema. */
const decided = (decision: string) =>
  happyPath.find((s) => s.label.endsWith(`.${decision}`))?.label as string;
const cases: readonly { type: string; label: string; schema: unknown }[] = [
  ...Object.values(kehilaMetiva.steps as Record<string, StepDefinition>)
    .filter((step) => step.payload !== undefined)
    .map((step) => {
      const type = step.kind === 'span' ? `${step.id}.finish` : step.id;
      return { type, label: type, schema: step.payload };
    }),
  ...Object.values(kehilaMetiva.items as Record<string, ItemDefinition>).flatMap((kind) => {
    const first = kind.kind === 'team' ? 'team-social' : (initiativeIds[0] as string);
    const label = (event: string) =>
      event === 'meet'
        ? `${first}.meet#1`
        : event === 'continue' || event === 'stop'
          ? decided(event)
          : `${first}.${event}`;
    return [
      { type: `${kind.kind}.create`, label: label('create'), schema: kind.create.payload },
      ...Object.entries(kind.events)
        .filter(([, event]) => event.payload !== undefined)
        .map(([name, event]) => ({
          type: `${kind.kind}.${name}`,
          label: label(name),
          schema: event.payload,
        })),
    ];
  }),
];

describe('the rules a refused payload names', () => {
  it('covers every event with a payload', () => {
    expect(cases.map((c) => c.type)).toEqual([
      'S0',
      'S1',
      'S2.finish',
      'S3',
      'S4',
      'S5',
      'S7',
      'S8',
      'X1',
      'team.create',
      'team.appoint',
      'team.meet',
      'team.submitPlan',
      'initiative.create',
      'initiative.measure',
      'initiative.continue',
      'initiative.stop',
    ]);
  });

  describe.each(cases)('$type', ({ label, schema }) => {
    it('names a PROGRAM rule for every field it is refused for, never core.payload', () => {
      const { send, next } = driveTo(label);
      const payload = (next.event as { payload: unknown }).payload;
      const fields = fieldsOf(schema, payload);
      expect(fields.length).toBeGreaterThan(0);
      const found: string[] = [];
      for (const { path, optional } of fields) {
        const current = getAt(payload, path);
        const wrong =
          typeof current === 'object' && current !== null ? 'not this' : { not: 'this' };
        const breaks = [wrong, ...(current !== undefined && !optional ? [undefined] : [])];
        let refusedOnce = false;
        for (const broken of breaks) {
          const event = { ...next.event, payload: withField(payload, path, broken) };
          const result = send(next.date, event as never, next.actor);
          if (result.ok) {
            throw new Error(`"${label}" accepted ${path.join('.')} = ${JSON.stringify(broken)}`);
          }
          refusedOnce = true;
          for (const issue of result.refusal.issues) {
            found.push(
              `${path.join('.')}=${JSON.stringify(broken)} -> ${issue.path.join('.')} ${issue.rule}`,
            );
          }
        }
        expect(refusedOnce).toBe(true);
      }
      const wrongRules = found.filter(
        (line) => !PROGRAM_RULE.test(line.split(' ').at(-1) as string),
      );
      expect(wrongRules).toEqual([]);
    });
  });
});

/** The rules of the issues an S8 payload is refused with, by field path. */
function planRefusal(change: (plan: Record<string, unknown>) => unknown) {
  const { send } = createRun();
  const plan = JSON.parse(JSON.stringify(strategicPlan())) as Record<string, unknown>;
  const result = send(START, { type: 'S8', payload: change(plan) } as never, actors.shaping);
  if (result.ok) throw new Error('accepted');
  expect(result.refusal.code).toBe('invalid-payload');
  return result.refusal.issues.map((issue) => [issue.path.slice(1).join('.'), issue.rule]);
}
const firstAction = (plan: Record<string, unknown>) =>
  ((plan.workPlans as { actions: Record<string, unknown>[] }[])[0]?.actions[0] ?? {}) as Record<
    string,
    unknown
  >;

describe('the rule of each field the program asks for', () => {
  it('P2: a plan action without a budget or a Gantt, a Gantt ending before it starts, a negative or fractional amount', () => {
    const at = 'workPlans.0.actions.0';
    const without = (field: string) => (plan: Record<string, unknown>) => {
      delete firstAction(plan)[field];
      return plan;
    };
    expect(planRefusal(without('budget'))).toEqual([[`${at}.budget`, 'P2']]);
    expect(planRefusal(without('gantt'))).toEqual([[`${at}.gantt`, 'P2']]);
    expect(
      planRefusal((plan) => {
        firstAction(plan).gantt = { start: '2028-01-01', end: '2027-01-01' };
        return plan;
      }).map(([, rule]) => rule),
    ).toEqual(['P2']);
    for (const amount of [-1, 10.5]) {
      expect(
        planRefusal((plan) => {
          firstAction(plan).budget = { amountAgorot: amount };
          return plan;
        }),
      ).toEqual([[`${at}.budget.amountAgorot`, 'P2']]);
    }
  });

  it('P3: a plan without its revisions field', () => {
    expect(planRefusal(({ revisions: _, ...plan }) => plan)).toEqual([['revisions', 'P3']]);
  });

  it('P4: a plan action without an owner', () => {
    expect(
      planRefusal((plan) => {
        delete firstAction(plan).owner;
        return plan;
      }),
    ).toEqual([['workPlans.0.actions.0.owner', 'P4']]);
  });

  it('P6: a plan without a community budget', () => {
    expect(planRefusal(({ communityBudget: _, ...plan }) => plan)).toEqual([
      ['communityBudget', 'P6'],
    ]);
  });

  it('P7: a plan without an authority, or with an empty one', () => {
    expect(planRefusal(({ authority: _, ...plan }) => plan)).toEqual([['authority', 'P7']]);
    expect(planRefusal((plan) => ({ ...plan, authority: '  ' }))).toEqual([['authority', 'P7']]);
  });

  it('S1: a challenge id used twice', () => {
    const { send } = createRun();
    const twice = challenges.map((c, i) => (i === 1 ? { ...c, id: challenges[0]?.id } : c));
    const result = send(START, { type: 'S1', payload: twice } as never, actors.shaping);
    expect(result.ok ? [] : result.refusal.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([
      ['payload.1.id', 'S1'],
    ]);
  });
});
