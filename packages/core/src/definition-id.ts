import type { Issue } from '@maslul/timing';

// The run-time side of `ValidId` (definition-types.ts): a literal id is checked by the types, a
// widened string (read from configuration) here, when the program is built.

/** Ids become XState state keys and event types: no dots, no spaces. */
const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Adds a `core.id` issue when a program, track, step or item id cannot name a state or event. */
export function checkDefinitionId(
  id: string,
  what: string,
  path: (string | number)[],
  issues: Issue[],
): void {
  if (!ID.test(id)) {
    issues.push({
      code: 'invalid-id',
      path,
      rule: 'core.id',
      step: what === 'step' ? id : undefined,
      message: `The ${what} id ${JSON.stringify(id)} must start with a letter and hold only letters, digits, "_" and "-" (it names states and events).`,
    });
  }
}
