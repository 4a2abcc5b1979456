import {
  MAX_TIMER_DELAY,
  MaslulError,
  type Program,
  Refusal,
  systemClock,
  type TimerHost,
  toEpoch,
} from '@maslul/core';
import {
  errorOf,
  historyBody,
  instanceBody,
  invalidResponse,
  scheduleBody,
  sentBody,
} from './http-response.js';
import { createListeners } from './listeners.js';
import type { InstanceState, Instant, MaslulSource, ReadOptions, ScheduleState } from './source.js';

/**
 * A `fetch`: the global one, or any function that answers a request (a test's stand-in server,
 * an app's fetch with retries).
 *
 * @example
 * ```ts
 * import type { FetchLike } from '@maslul/react';
 *
 * const logged: FetchLike = (input, init) => {
 *   console.log(init.method, input);
 *   return fetch(input, init);
 * };
 * ```
 * @category Sources
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The options of {@link httpSource}.
 *
 * @example
 * ```ts
 * import type { HttpSourceOptions } from '@maslul/react';
 *
 * const options: HttpSourceOptions = {
 *   baseUrl: 'https://maslul.example.org/api',
 *   headers: () => ({ authorization: `Bearer ${localStorage.getItem('token')}` }),
 *   poll: 30_000,
 * };
 * ```
 * @category Sources
 */
export interface HttpSourceOptions {
  /** Where the API is mounted: `POST {baseUrl}/instances`, `GET {baseUrl}/instances/:id`... */
  readonly baseUrl: string;
  /** The fetch to use; the global `fetch` by default. */
  readonly fetch?: FetchLike | undefined;
  /**
   * Headers of every request: the credentials the server's auth hook reads. A function is called
   * per request (a token that is refreshed).
   */
  readonly headers?:
    | Record<string, string>
    | (() => Record<string, string> | Promise<Record<string, string>>)
    | undefined;
  /**
   * While an instance has subscribers, read its version every `poll` milliseconds and tell them
   * when it changed (sends from other users). Off by default; a failed poll is tried again at the
   * next one (the hooks' own reads report errors).
   */
  readonly poll?: number | undefined;
  /** The timers polling waits on; the real ones by default (`systemClock`). */
  readonly timers?: TimerHost | undefined;
}

/**
 * An event's instant: the API takes only ISO date-times, so a plain date becomes its midnight UTC,
 * as a local runtime reads it. What is no instant at all goes as given, for the server to refuse.
 */
const eventInstantOf = (at: Instant): string => {
  const time = toEpoch(at);
  return Number.isFinite(time) ? new Date(time).toISOString() : String(at);
};

/** A schedule's instant: the API takes a plain date or an ISO date-time as given. */
const queryOf = (at: Instant): string => (typeof at === 'string' ? at : eventInstantOf(at));

/**
 * Reads and sends through the maslul HTTP API (`@maslul/http`): `GET /instances/:id`,
 * `GET /instances/:id/schedule?at=`, `GET /instances/:id/history` and
 * `POST /instances/:id/events` with an `Idempotency-Key` header. A refused event (an error whose
 * code is a refusal code) resolves as a {@link SendOutcome} with a typed `Refusal`; other error
 * responses reject with a `MaslulError` carrying the server's code, path and rule. Subscribers are
 * told after each accepted send through this source, and on polls that see a new version.
 *
 * @param options - the base URL, fetch, headers and polling
 * @returns the source, for `<MaslulProvider source={...}>`
 *
 * @example
 * ```ts
 * import type { KehilaMetiva } from '@maslul/kehila-metiva';
 * import { httpSource } from '@maslul/react';
 *
 * const source = httpSource<KehilaMetiva>({
 *   baseUrl: '/api',
 *   headers: { authorization: 'Bearer 7f3a' },
 *   poll: 30_000,
 * });
 * ```
 * @category Sources
 */
export function httpSource<P extends Program = Program>(
  options: HttpSourceOptions,
): MaslulSource<P> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timers = options.timers ?? systemClock;
  const poll = options.poll;
  if (poll !== undefined && !(poll > 0 && poll <= MAX_TIMER_DELAY)) {
    throw new MaslulError([
      {
        code: 'invalid-option',
        path: ['poll'],
        rule: 'react.poll',
        message: `poll must be a number of milliseconds above 0 and at most ${MAX_TIMER_DELAY} (a timer's limit), not ${JSON.stringify(poll)}; leave it out to not poll.`,
      },
    ]);
  }
  /** The last version seen of each instance, so a poll tells only of a change. */
  const versions = new Map<string, number>();

  const request = async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    key?: string,
    signal?: AbortSignal,
  ) => {
    const what = `${method} ${path}`;
    const given = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers: Record<string, string> = { accept: 'application/json', ...given };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key !== undefined) headers['idempotency-key'] = key;
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (signal !== undefined) init.signal = signal;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, init);
    } catch (error) {
      // Aborted by the caller (TanStack Query, when nobody needs the answer): not a failure.
      if (signal?.aborted) throw signal.reason ?? error;
      throw new MaslulError([
        {
          code: 'http-unreachable',
          path: ['baseUrl'],
          rule: 'http.reachable',
          message: `${what} did not reach "${base}": ${error instanceof Error ? error.message : String(error)}. Check the base URL and the network.`,
        },
      ]);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw invalidResponse(what, [], `JSON (HTTP ${response.status})`);
    }
    return { what, ok: response.ok, status: response.status, body: parsed };
  };
  const path = (id: string, rest = '') => `/instances/${encodeURIComponent(id)}${rest}`;
  const read = async (target: string, signal?: AbortSignal) => {
    const response = await request('GET', target, undefined, undefined, signal);
    if (!response.ok) throw errorOf(response.what, response.status, response.body);
    return response;
  };
  const open = async (id: string, readOptions?: ReadOptions): Promise<InstanceState<P>> => {
    const { what, body } = await read(path(id), readOptions?.signal);
    const checked = instanceBody(what, body);
    versions.set(id, checked.version);
    // The same fields as a local source gives, whatever else the server adds.
    const { version, current, deadlines } = checked as unknown as InstanceState<P>;
    return { id, version, current, deadlines };
  };

  const listeners = createListeners((id) => {
    if (poll === undefined) return undefined;
    let stopped = false;
    let handle: unknown;
    const tick = async () => {
      try {
        const { version } = instanceBody('poll', (await read(path(id))).body);
        const known = versions.get(id);
        versions.set(id, version);
        if (!stopped && known !== undefined && known !== version) listeners.notify(id);
      } catch {
        // Tried again at the next poll; the hooks' reads report the error.
      }
      if (!stopped) handle = timers.setTimeout(tick, poll);
    };
    handle = timers.setTimeout(tick, poll);
    return () => {
      stopped = true;
      timers.clearTimeout(handle);
    };
  });

  return {
    open,
    schedule: async (id, at, readOptions) => {
      const query = at === undefined ? '' : `?at=${encodeURIComponent(queryOf(at))}`;
      const { what, body } = await read(path(id, `/schedule${query}`), readOptions?.signal);
      return scheduleBody(what, body) as ScheduleState<P>;
    },
    history: async (id, readOptions) => {
      const { what, body } = await read(path(id, '/history'), readOptions?.signal);
      return historyBody(what, body);
    },
    send: async (id, event, sendOptions) => {
      const { type, payload, item } = event as { type: string; payload?: unknown; item?: string };
      const at = sendOptions?.at;
      const response = await request(
        'POST',
        path(id, '/events'),
        { type, payload, item, at: at === undefined ? undefined : eventInstantOf(at) },
        sendOptions?.idempotencyKey,
      );
      if (!response.ok) {
        const error = errorOf(response.what, response.status, response.body);
        if (error instanceof Refusal) return { ok: false, refusal: error };
        throw error;
      }
      const sent = sentBody(response.what, response.body);
      versions.delete(id); // the next read sets it; a poll in between must not tell of this send
      listeners.notify(id);
      return { ok: true, ...sent };
    },
    subscribe: (id, listener) => listeners.add(id, listener),
  };
}
