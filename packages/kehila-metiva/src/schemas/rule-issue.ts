import type * as z from 'zod';

/**
 * The rule ids of docs/program.md a schema may cite. Internal: the rules module owns the public list.
 */
export type RuleId =
  | 'S0'
  | 'S1'
  | 'S2'
  | 'S4'
  | 'S5'
  | 'S6'
  | 'S8'
  | 'S9'
  | 'T1'
  | 'T2'
  | 'T3'
  | 'P1'
  | 'P3'
  | 'P5'
  | 'P6'
  | 'X1'
  | 'X2'
  | 'X3'
  | 'C1'
  | 'C2';

/**
 * Adds a validation issue for a rule of docs/program.md: the message starts with the rule id (`'T1: …'`)
 * and `params.rule` carries it, so apps can group or look up issues by rule (docs/style.md, Errors).
 *
 * @param ctx - the refinement context of `superRefine`
 * @param rule - the rule id, e.g. `'T1'`
 * @param message - what is wrong and how to fix it, without the rule id
 * @param path - where, relative to the refined value
 */
export function addRuleIssue<T>(
  ctx: z.RefinementCtx<T>,
  rule: RuleId,
  message: string,
  path: PropertyKey[] = [],
): void {
  ctx.addIssue({ code: 'custom', message: `${rule}: ${message}`, path, params: { rule } });
}

/**
 * Adds a validation issue that no program rule names (data integrity: unique ids, dangling links).
 *
 * @param ctx - the refinement context of `superRefine`
 * @param message - what is wrong and how to fix it
 * @param path - where, relative to the refined value
 */
export function addIssue<T>(
  ctx: z.RefinementCtx<T>,
  message: string,
  path: PropertyKey[] = [],
): void {
  ctx.addIssue({ code: 'custom', message, path });
}

/**
 * The positions of the items whose key an earlier item already has, with that key.
 *
 * @param items - the list
 * @param key - the key that must be unique
 * @returns one entry per repeat (not for the first occurrence)
 */
export function findRepeats<T>(
  items: readonly T[],
  key: (item: T) => string,
): { index: number; key: string }[] {
  const seen = new Set<string>();
  const repeats: { index: number; key: string }[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    if (seen.has(k)) repeats.push({ index, key: k });
    else seen.add(k);
  });
  return repeats;
}

/**
 * Reports each repeated id of a list, at the repeat's position: `"x" is used twice`.
 *
 * @param ctx - the refinement context of `superRefine`
 * @param items - the list
 * @param key - the key that must be unique
 * @param what - what the key is, for the message (`'challenge id'`)
 * @param at - the path of the key inside an item (`['id']`), empty when the item is the key
 */
export function reportRepeats<T, V>(
  ctx: z.RefinementCtx<V>,
  items: readonly T[],
  key: (item: T) => string,
  what: string,
  at: PropertyKey[] = [],
): void {
  for (const { index, key: k } of findRepeats(items, key)) {
    addIssue(ctx, `${what} "${k}" is used twice; give each one its own`, [index, ...at]);
  }
}
