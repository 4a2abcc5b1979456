import { MaslulError, type WorkCalendar } from '@maslul/timing';
import type { Clock } from '../clock.js';
import { type Migration, resend, restoreInstance } from '../instance.js';
import type { Program } from '../program.js';
import type { InstanceStore } from '../store-port.js';
import type { Loaded } from './cache.js';
import { unknownInstance } from './checks.js';
import { storedOf } from './deadlines.js';
import type { InstanceView } from './types.js';

/** What loading an instance from the store needs. */
export interface LoadOptions<P extends Program> {
  readonly program: P;
  readonly store: InstanceStore;
  readonly clock: Clock;
  readonly calendar: WorkCalendar | undefined;
  readonly migrations: { readonly [fromVersion: number]: Migration } | undefined;
}

/** Loads an instance from the store: its latest snapshot, then the events stored after it. */
export async function loadStored<P extends Program>(
  options: LoadOptions<P>,
  id: string,
): Promise<Loaded<P>> {
  const { program, store, clock, calendar, migrations } = options;
  const stored = await store.load(id);
  if (!stored) throw unknownInstance(id);
  // Stored events are facts: replaying them must not refuse one as "in the future" because
  // this process's clock is behind the one that recorded it (another machine, a manual clock).
  let loading = true;
  const instanceClock: Clock = {
    now: () => (loading ? Number.POSITIVE_INFINITY : clock.now()),
  };
  const instance = restoreInstance(program, stored.snapshot, {
    start: stored.start,
    clock: instanceClock,
    calendar,
    migrations,
  });
  for (const entry of stored.events) {
    const result = resend(instance, entry);
    if (!result.ok) {
      throw new MaslulError([
        {
          code: 'corrupt-record',
          path: ['events', entry.seq],
          rule: 'store.replayable',
          message: `Stored event #${entry.seq} ("${entry.type}") of "${id}" is refused on load: ${result.refusal.message}`,
        },
      ]);
    }
  }
  loading = false;
  return { instance, version: stored.version, deadlines: storedOf(instance.deadlines()) };
}

/** The read-only view of a loaded instance. */
export function viewOf<P extends Program>(program: P, loaded: Loaded<P>): InstanceView<P> {
  const { instance } = loaded;
  return {
    program,
    // Live, like current() and schedule(): a view read after a send shows the version it made.
    get version() {
      return loaded.version;
    },
    current: () => instance.current(),
    schedule: (at) => instance.schedule(at),
    deadlines: () => instance.deadlines(),
    snapshot: () => instance.snapshot(),
    forecast: (forecastOptions) => instance.forecast(forecastOptions),
  };
}
