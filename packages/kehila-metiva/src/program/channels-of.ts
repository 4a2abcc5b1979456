import type { Channel } from '../schemas/channel.js';
import type { Scope } from '../schemas/scope.js';

const scopeOf = (recorded: { readonly [step: string]: unknown }) =>
  recorded.S0 as Scope | undefined;

/** The channels the authority took on at S0, from the records so far (none before S0). */
export const channelsOf = (recorded: { readonly [step: string]: unknown }): readonly Channel[] =>
  scopeOf(recorded)?.channels ?? [];
