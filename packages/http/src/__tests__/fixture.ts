// The app over the real program, a real store and a manual clock, and the people who use it.
import {
  type Actor,
  createManualClock,
  createRuntime,
  type InstanceStore,
  type ManualClock,
} from '@maslul/core';
import { type KehilaRole, kehilaMetiva } from '@maslul/kehila-metiva';
import { createMemoryStore } from '@maslul/store';
import { israelCalendar } from '@maslul/timing/israel';
import { type Authenticate, createHttpApp, type HttpAppOptions } from '../index.js';

export const START = '2026-09-07';
/** The clock starts on the program's first day, mid-morning in Israel. */
export const NOW = '2026-09-07T07:00:00Z';

const actor = (id: string, ...roles: KehilaRole[]): Actor<KehilaRole> => ({ id, roles });

export const people = {
  mayor: actor('mayor-ronit', 'steeringCommittee'),
  shaping: actor('shaping-committee', 'shapingCommittee'),
  manager: actor('pm-tamar', 'programManager'),
  resident: actor('resident-avi', 'public'),
  /** Holds every role: what it is refused is refused for the request, never for the roles. */
  everyone: actor('everyone', ...(Object.keys(kehilaMetiva.roles) as KehilaRole[])),
} as const;

/** The test's authentication: the actor in two headers, as a gateway in front would set them. */
export const authenticate: Authenticate = (request) => {
  const id = request.headers.get('x-actor');
  if (!id) return undefined;
  return { id, roles: (request.headers.get('x-roles') ?? '').split(',').filter(Boolean) };
};

export const as = (who: Actor, headers: Record<string, string> = {}): Record<string, string> => ({
  'x-actor': who.id,
  'x-roles': who.roles.join(','),
  ...headers,
});

/** A POST of JSON by someone. */
export const post = (who: Actor, body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: as(who, { 'content-type': 'application/json', ...headers }),
  body: JSON.stringify(body),
});

export function setUp(
  options: {
    store?: InstanceStore;
    clock?: ManualClock;
    app?: Partial<Omit<HttpAppOptions, 'runtime' | 'authenticate'>>;
  } = {},
) {
  const clock = options.clock ?? createManualClock(NOW);
  const store = options.store ?? createMemoryStore();
  const runtime = createRuntime(kehilaMetiva, { store, clock, calendar: israelCalendar() });
  const app = createHttpApp({ runtime, authenticate, ...options.app });
  return { app, runtime, store, clock };
}

export const scope = {
  focusAreas: [{ id: 'neve-rimon', name: 'Neve Rimon' }],
  channels: ['social', 'urban'],
  timeline: { start: START, plannedEnd: '2028-08-31' },
};

export const challenges = ['dropout', 'elders', 'employment', 'streets', 'civic'].map(
  (id, index) => ({ id, title: `Challenge ${id}`, rank: index + 1 }),
);

/** A situation picture of five challenges that are not the ones S1 chose (rule S2 refuses it). */
export const pictureOfOtherChallenges = {
  asOf: '2026-12-31',
  challenges: ['a', 'b', 'c', 'd', 'e'].map((challengeId) => ({
    challengeId,
    findings: ['A finding'],
    dataSources: [{ name: 'Central Bureau of Statistics' }],
  })),
  public: false,
};
