import type {
  Actor,
  Deadline,
  Instant,
  LogEntry,
  Program,
  ProgramEvent,
  ProgramInstance,
  Refusal,
  RoleOf,
} from '@maslul/core';

export type { Instant };

/**
 * Where a stored instance stands, as plain data (the same from a local runtime and from the HTTP
 * API): its stored version, the step each track is at, and the deadlines of the steps not
 * finished.
 *
 * @example
 * ```ts
 * import type { InstanceState } from '@maslul/react';
 *
 * const strategyStep = (state: InstanceState) => state.current.strategy?.step;
 * ```
 * @category Sources
 */
export interface InstanceState<P extends Program = Program> {
  readonly id: string;
  /** The seq of the last stored event; 0 for a new instance. */
  readonly version: number;
  /** The step each track is at (`'done'` when finished), and whether a span is running. */
  readonly current: ReturnType<ProgramInstance<P>['current']>;
  /** The deadlines of the steps not finished yet, in time order. */
  readonly deadlines: readonly Deadline[];
}

/**
 * An instance's plan from the facts so far, and each step's status (`done`, `in-progress`,
 * `upcoming`, `due`, `overdue`) at an instant.
 *
 * @example
 * ```ts
 * import type { ScheduleState } from '@maslul/react';
 *
 * const overdue = (schedule: ScheduleState) =>
 *   Object.entries(schedule.status).filter(([, status]) => status === 'overdue');
 * ```
 * @category Sources
 */
export type ScheduleState<P extends Program = Program> = ReturnType<ProgramInstance<P>['schedule']>;

/**
 * What a send came to: accepted (stored, or `duplicate` when its idempotency key was applied
 * before, with the entry stored then), or refused with a typed `Refusal` (from `@maslul/core`)
 * and nothing stored.
 *
 * @example
 * ```ts
 * import type { SendOutcome } from '@maslul/react';
 *
 * const say = (outcome: SendOutcome) =>
 *   outcome.ok ? `event #${outcome.entry.seq}` : `${outcome.refusal.rule}: ${outcome.refusal.message}`;
 * ```
 * @category Sources
 */
export type SendOutcome =
  | { readonly ok: true; readonly duplicate: boolean; readonly entry: LogEntry }
  | { readonly ok: false; readonly refusal: Refusal };

/**
 * The options of a read through a source: the `AbortSignal` TanStack Query gives each query
 * function, aborted when nobody needs the answer any more (an unmount, a newer read).
 *
 * @example
 * ```ts
 * import type { ReadOptions } from '@maslul/react';
 *
 * const options: ReadOptions = { signal: AbortSignal.timeout(10_000) };
 * ```
 * @category Sources
 */
export interface ReadOptions {
  /** Aborts the read: an HTTP source aborts its request; a local one reads on regardless. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The options of a send through a source.
 *
 * @example
 * ```ts
 * import type { SourceSendOptions } from '@maslul/react';
 *
 * const options: SourceSendOptions<'programManager'> = {
 *   actor: { id: 'dana', roles: ['programManager'] },
 *   idempotencyKey: 'form-7f3a',
 * };
 * ```
 * @category Sources
 */
export interface SourceSendOptions<Role extends string = string> {
  /**
   * Who sends it, for a local source (its default actor otherwise). Over HTTP the server's auth
   * hook names the actor from the request, so {@link httpSource} does not send this.
   */
  readonly actor?: Actor<Role> | undefined;
  /** When it happened; the source's now by default. */
  readonly at?: Instant | undefined;
  /** A key chosen per intended event: a send retried with it is stored once. */
  readonly idempotencyKey?: string | undefined;
}

/**
 * What the hooks read and send through: a local runtime ({@link localSource}) or the HTTP API
 * ({@link httpSource}). Reads resolve to plain data; `subscribe` tells when an instance may have
 * changed, and the hooks then read it again. Write your own (a WebSocket feed, a test double of
 * a server) by implementing these five methods.
 *
 * @example
 * ```ts
 * import type { MaslulSource } from '@maslul/react';
 *
 * const versionOf = async (source: MaslulSource, id: string) => (await source.open(id)).version;
 * ```
 * @category Sources
 */
export interface MaslulSource<P extends Program = Program> {
  /**
   * Reads where an instance stands.
   *
   * @throws MaslulError `unknown-instance` when there is no such instance
   */
  open(id: string, options?: ReadOptions | undefined): Promise<InstanceState<P>>;
  /** Reads an instance's plan and each step's status at `at` (now by default). */
  schedule(
    id: string,
    at?: Instant | undefined,
    options?: ReadOptions | undefined,
  ): Promise<ScheduleState<P>>;
  /** Reads every stored event of an instance, in order. */
  history(id: string, options?: ReadOptions | undefined): Promise<readonly LogEntry[]>;
  /**
   * Sends an event. A refusal resolves (`ok: false`); a failure that is not about the event (no
   * such instance, a version conflict, the network) rejects.
   */
  send(
    id: string,
    event: ProgramEvent<P>,
    options?: SourceSendOptions<RoleOf<P>> | undefined,
  ): Promise<SendOutcome>;
  /**
   * Calls `listener` whenever the instance may have changed (after a send through this source,
   * or when a poll sees a new version).
   *
   * @returns a function that stops the calls
   */
  subscribe(id: string, listener: () => void): () => void;
}
