import { globalRegistry } from 'zod/v4/core';

/** A rule id at the start of a message: `S0: …`, `T1: …`, `PB12: …` (letters, then digits). */
const RULE_PREFIX = /^([A-Z]+[0-9][A-Za-z0-9]*): /;

/** The parts of a zod schema's definition the walk reads (zod classic and zod/mini alike). */
interface Def {
  readonly type?: string;
  readonly innerType?: unknown;
  readonly in?: unknown;
  readonly getter?: () => unknown;
  readonly shape?: Record<string, unknown>;
  readonly catchall?: unknown;
  readonly element?: unknown;
  readonly items?: readonly unknown[];
  readonly rest?: unknown;
  readonly valueType?: unknown;
  readonly options?: readonly unknown[];
  readonly left?: unknown;
  readonly right?: unknown;
}

const defOf = (schema: unknown): Def | undefined =>
  (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The rule a schema names in its metadata: `.meta({ rule: 'P2' })`. */
function ruleIn(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const rule = (globalRegistry.get(schema as never) as { rule?: unknown } | undefined)?.rule;
  return typeof rule === 'string' && rule !== '' ? rule : undefined;
}

/** The schema a wrapper wraps (optional, default, readonly, a pipe's input…), if it is one. */
function unwrapped(def: Def): unknown {
  if (def.innerType !== undefined) return def.innerType;
  if (def.type === 'pipe') return def.in;
  if (def.type === 'lazy') return def.getter?.();
  return undefined;
}

/** The schema of one key below a (fully unwrapped) schema, or undefined when it has none. */
function childOf(schema: unknown, key: PropertyKey, depth: number): unknown {
  const def = defOf(schema);
  if (!def || depth > 8) return undefined;
  switch (def.type) {
    case 'object':
      return def.shape?.[String(key)] ?? def.catchall;
    case 'array':
      return def.element;
    case 'tuple':
      return def.items?.[Number(key)] ?? def.rest;
    case 'record':
      return def.valueType;
    case 'union': {
      // The option that knows the key and names a rule for it, else the first that knows it.
      const children = (def.options ?? [])
        .map((option) => childOf(deepest(option).schema, key, depth + 1))
        .filter((child) => child !== undefined);
      return children.find((child) => deepest(child).rule !== undefined) ?? children[0];
    }
    case 'intersection':
      return childOf(def.left, key, depth + 1) ?? childOf(def.right, key, depth + 1);
    default:
      return undefined;
  }
}

/**
 * A schema with its wrappers taken off, and the rule of the outermost one that names one: the
 * rule given where a shared schema is used (`budgetLineSchema.meta({ rule: 'P2' })`) wins.
 */
function deepest(schema: unknown): { schema: unknown; rule: string | undefined } {
  let rule = ruleIn(schema);
  let current = schema;
  for (let i = 0; i < 16; i++) {
    const def = defOf(current);
    const inner = def ? unwrapped(def) : undefined;
    if (inner === undefined) break;
    current = inner;
    rule ??= ruleIn(current);
  }
  return { schema: current, rule };
}

/**
 * The rule a payload issue names, most specific first: a rule the check that raised it gave
 * (`params.rule`, or a message that starts with `S1: `), else the rule of the deepest field on
 * the issue's path whose schema names one (`.meta({ rule: 'P2' })`), else `core.payload`.
 */
export function ruleOf(issue: unknown, schema?: unknown): string {
  const { params, message, path } = issue as {
    params?: { rule?: unknown };
    message?: unknown;
    path?: readonly PropertyKey[];
  };
  const rule = params?.rule;
  if (typeof rule === 'string' && rule !== '') return rule;
  const prefix = typeof message === 'string' ? RULE_PREFIX.exec(message) : null;
  if (prefix?.[1]) return prefix[1];
  let found: string | undefined;
  let at = deepest(schema);
  found = at.rule ?? found;
  for (const key of path ?? []) {
    const child = childOf(at.schema, key, 0);
    if (child === undefined) break;
    at = deepest(child);
    found = at.rule ?? found;
  }
  return found ?? 'core.payload';
}
