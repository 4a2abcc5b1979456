import type { PlainDate } from '@maslul/timing';
import type { StateValue } from 'xstate';
import type { ProgramContext } from '../program-context.js';

/**
 * Who sends an event: an id for the history, and the roles they hold.
 *
 * @example
 * ```ts
 * import type { Actor } from '@maslul/core';
 *
 * const dana: Actor<'programManager'> = { id: 'dana', roles: ['programManager'] };
 * ```
 * @category Runtime
 */
export interface Actor<Role extends string = string> {
  readonly id: string;
  readonly roles: readonly Role[];
}

/**
 * How one rule judged an event.
 *
 * @example
 * ```ts
 * import type { RuleTrace } from '@maslul/core';
 *
 * const trace: RuleTrace = { rule: 'S1', step: 'S1', passed: true, reason: 'Exactly five focus challenges' };
 * ```
 * @category Runtime
 */
export interface RuleTrace {
  readonly rule: string;
  readonly step: string;
  readonly passed: boolean;
  /** The rule's reason, in English. */
  readonly reason: string;
}

/**
 * One accepted event, as the history keeps it and a store appends it.
 *
 * @example
 * ```ts
 * import type { LogEntry } from '@maslul/core';
 *
 * const entry: LogEntry = {
 *   seq: 1,
 *   type: 'S0',
 *   payload: { channels: ['social'] },
 *   at: '2026-09-07T09:00:00.000Z',
 *   date: '2026-09-07',
 *   actor: { id: 'mayor', roles: ['steeringCommittee'] },
 *   idempotencyKey: undefined,
 *   trace: [],
 * };
 * ```
 * @category Runtime
 */
export interface LogEntry {
  /** 1 for the first event of the instance, then one more each. */
  readonly seq: number;
  readonly type: string;
  readonly payload: unknown;
  /** When it happened, as an ISO instant. */
  readonly at: string;
  /** The plain date of `at` in the calendar's time zone. */
  readonly date: PlainDate;
  readonly actor: Actor;
  readonly idempotencyKey: string | undefined;
  readonly trace: readonly RuleTrace[];
  /** The item an item event is about; undefined for step events. */
  readonly item?: string | undefined;
}

/**
 * An instance's state as plain JSON: which program (id and version) it runs, how many events it
 * took, the machine's state and context, and the idempotency keys it has seen.
 *
 * @example
 * ```ts
 * import type { InstanceSnapshot } from '@maslul/core';
 *
 * const saved = (snapshot: InstanceSnapshot) => JSON.stringify(snapshot);
 * ```
 * @category Runtime
 */
export interface InstanceSnapshot {
  readonly program: { readonly id: string; readonly version: number };
  readonly start: PlainDate;
  readonly seq: number;
  /** The machine's persisted snapshot (XState's `getPersistedSnapshot`): state value, context, child actors. */
  readonly machine: PersistedMachine;
  /** Idempotency key -> the seq of the event it was first sent with. */
  readonly keys: { readonly [key: string]: number };
}

/**
 * The compiled machine's persisted snapshot, as XState gives it: its state value and context, the
 * persisted snapshots of the items' child actors, and XState's own fields.
 *
 * @example
 * ```ts
 * import type { PersistedMachine } from '@maslul/core';
 *
 * const tracksOf = (machine: PersistedMachine) => Object.keys(machine.value as object);
 * ```
 * @category Runtime
 */
export interface PersistedMachine {
  readonly value: StateValue;
  readonly context: ProgramContext;
  readonly [field: string]: unknown;
}
