import { type Issue, MaslulError, type PlainDate } from '@maslul/timing';
import type { Clock } from './clock.js';
import { idIssue } from './ids.js';
import type { Program } from './program.js';
import type { InstanceView } from './runtime.js';
import type { InstanceStore } from './store-port.js';

/**
 * What {@link InstanceStore.list} is asked: a page of stored instances in id order (by code point),
 * those of one program when `program` is given, starting after the id `after`.
 *
 * @example
 * ```ts
 * import type { InstanceListQuery } from '@maslul/core';
 *
 * const firstPage: InstanceListQuery = { program: 'kehila-metiva', limit: 50 };
 * ```
 * @category Storage
 */
export interface InstanceListQuery {
  /** Only instances of this program id. */
  readonly program?: string | undefined;
  /** Only instances whose id sorts after this one (the last id of the page before). */
  readonly after?: string | undefined;
  /** At most this many: a whole number from 1 to 1,000. */
  readonly limit: number;
}

/**
 * A stored instance as {@link InstanceStore.list} lists it: its id, what it runs, its start and
 * its version, without loading it.
 *
 * @example
 * ```ts
 * import type { InstanceRef } from '@maslul/core';
 *
 * const ref: InstanceRef = { id: 'town-1', program: { id: 'demo', version: 1 }, start: '2027-01-04', version: 3 };
 * ```
 * @category Storage
 */
export interface InstanceRef {
  readonly id: string;
  /** The program and the definition version it was last stored with. */
  readonly program: { readonly id: string; readonly version: number };
  readonly start: PlainDate;
  /** The seq of its last event. */
  readonly version: number;
}

/**
 * Where an instance is as a whole: `running` while a track has a step left, `done` when every
 * track is finished, `cancelled` or `closed` when it was ended (`run.cancel`, `run.close`).
 *
 * @example
 * ```ts
 * import type { InstanceStatus } from '@maslul/core';
 *
 * const open: InstanceStatus = 'running';
 * ```
 * @category Storage
 */
export type InstanceStatus = 'running' | 'done' | 'cancelled' | 'closed';

const STATUSES: readonly unknown[] = ['running', 'done', 'cancelled', 'closed'];

/**
 * What {@link Runtime.list} is asked: which of the runtime's instances, and which page.
 *
 * @example
 * ```ts
 * import type { ListOptions } from '@maslul/core';
 *
 * const late: ListOptions = { status: 'running', overdue: true, limit: 20 };
 * ```
 * @category Storage
 */
export interface ListOptions {
  /** Only instances with this status. */
  readonly status?: InstanceStatus | undefined;
  /** `true`: only instances with a step overdue now; `false`: only those with none. */
  readonly overdue?: boolean | undefined;
  /** The `next` of the page before; the first page without it. */
  readonly cursor?: string | undefined;
  /** At most this many instances (default 50; a whole number from 1 to 500). */
  readonly limit?: number | undefined;
}

/**
 * One instance in a {@link InstancePage}: where it stands now.
 *
 * @example
 * ```ts
 * import type { InstanceSummary } from '@maslul/core';
 *
 * const late = (summary: InstanceSummary) => summary.overdue.length > 0;
 * ```
 * @category Storage
 */
export interface InstanceSummary<P extends Program = Program> extends InstanceRef {
  readonly status: InstanceStatus;
  /** The step each track is at (`done` when the track is finished). */
  readonly current: ReturnType<InstanceView<P>['current']>;
  /** The steps (and planned item events) overdue at the runtime clock's now, in plan order. */
  readonly overdue: readonly string[];
}

/**
 * A page of {@link Runtime.list}: the instances in id order, and the cursor of the next page
 * (absent on the last page; a page before the last may be short, even empty, when a filter
 * leaves few).
 *
 * @example
 * ```ts
 * import type { InstancePage, Runtime } from '@maslul/core';
 *
 * async function all(runtime: Runtime) {
 *   const ids: string[] = [];
 *   let page: InstancePage | undefined;
 *   do {
 *     page = await runtime.list({ cursor: page?.next });
 *     ids.push(...page.instances.map((i) => i.id));
 *   } while (page.next);
 *   return ids;
 * }
 * ```
 * @category Storage
 */
export interface InstancePage<P extends Program = Program> {
  readonly instances: readonly InstanceSummary<P>[];
  /** Pass it as `cursor` for the next page; absent when there is none. */
  readonly next?: string | undefined;
}

/** How many stored instances one `list` call reads at most, to keep a filtered call bounded. */
const MAX_SCAN = 2000;

function optionIssue(path: string, message: string): Issue {
  return { code: 'invalid-option', path: [path], rule: `core.list-${path}`, message };
}

function checkOptions(options: ListOptions | undefined): void {
  const issues: Issue[] = [];
  const { status, overdue, cursor, limit } = options ?? {};
  if (status !== undefined && !STATUSES.includes(status)) {
    issues.push(
      optionIssue(
        'status',
        `The status ${JSON.stringify(status)} is not one; give "running", "done", "cancelled" or "closed".`,
      ),
    );
  }
  if (overdue !== undefined && typeof overdue !== 'boolean') {
    issues.push(
      optionIssue('overdue', `overdue must be true or false, not ${JSON.stringify(overdue)}.`),
    );
  }
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 500)) {
    issues.push(
      optionIssue(
        'limit',
        `The limit must be a whole number from 1 to 500, not ${JSON.stringify(limit)}.`,
      ),
    );
  }
  const cursorIssue = cursor === undefined ? undefined : idIssue(cursor, ['cursor']);
  if (cursorIssue) issues.push(cursorIssue);
  const [first, ...rest] = issues;
  if (first) throw new MaslulError([first, ...rest]);
}

/** The status and overdue steps of an opened instance, at `now`. */
function summaryOf<P extends Program>(
  ref: InstanceRef,
  view: InstanceView<P>,
  now: number,
): InstanceSummary<P> {
  const current = view.current();
  const { plan, status: steps, ended } = view.schedule(now);
  const status: InstanceStatus = ended
    ? ended.status
    : Object.values(current).every((track) => track.step === 'done')
      ? 'done'
      : 'running';
  // An ended run has nothing overdue: it plans nothing more.
  const overdue = ended
    ? []
    : plan.order.filter((id) => (steps as Record<string, string>)[id] === 'overdue');
  return { ...ref, version: view.version, status, current, overdue };
}

/**
 * The runtime's `list`: reads the store's instances of the program a page at a time, opens each
 * (so status and overdue steps are the runtime's own, at the clock's now), keeps those the
 * filters match. The cursor is the id of the last instance read.
 */
export async function listInstances<P extends Program>(
  store: InstanceStore,
  program: P,
  clock: Clock,
  open: (id: string) => Promise<InstanceView<P>>,
  options: ListOptions | undefined,
): Promise<InstancePage<P>> {
  checkOptions(options);
  const limit = options?.limit ?? 50;
  const now = clock.now();
  const instances: InstanceSummary<P>[] = [];
  let after = options?.cursor;
  let scanned = 0;
  while (scanned < MAX_SCAN) {
    const batch = Math.min(limit - instances.length, MAX_SCAN - scanned);
    const refs = await store.list({ program: program.id, after, limit: batch });
    for (const ref of refs) {
      const summary = summaryOf(ref, await open(ref.id), now);
      if (options?.status !== undefined && summary.status !== options.status) continue;
      if (options?.overdue !== undefined && summary.overdue.length > 0 !== options.overdue)
        continue;
      instances.push(summary);
    }
    scanned += refs.length;
    after = refs.at(-1)?.id ?? after;
    if (refs.length < batch) return { instances };
    if (instances.length === limit) break;
  }
  return { instances, next: after };
}
