// The real program, run on the Israeli calendar: a fresh plan, and a plan after the first events
// of a fictional authority (scope, shaping-committee meeting 1 two days late, mapping started,
// the first quarterly steering meeting held). Events are recorded at 07:00 UTC, the same day in
// Jerusalem.
import { type Actor, createInstance, createManualClock, type ProgramEvent } from '@maslul/core';
import {
  type FocusChallenges,
  type KehilaMetiva,
  type KehilaRole,
  kehilaMetiva,
  type Scope,
} from '@maslul/kehila-metiva';
import { israelCalendar } from '@maslul/timing/israel';

export const START = '2026-09-07';
export const at = (date: string): string => `${date}T07:00:00Z`;

const mayor: Actor<KehilaRole> = { id: 'mayor', roles: ['steeringCommittee'] };
const shaping: Actor<KehilaRole> = { id: 'shaping-committee', roles: ['shapingCommittee'] };
const manager: Actor<KehilaRole> = { id: 'pm', roles: ['programManager'] };

const scope: Scope = {
  focusAreas: [{ id: 'neve-sharet', name: 'נווה שרת' }],
  channels: ['social', 'urban'],
  timeline: { start: START, plannedEnd: '2027-12-31' },
};

const challenges: FocusChallenges = [
  { id: 'youth', title: 'נוער בסיכון', rank: 1 },
  { id: 'elders', title: 'בדידות של אזרחים ותיקים', rank: 2 },
  { id: 'streets', title: 'מרחב ציבורי מוזנח', rank: 3 },
  { id: 'orgs', title: 'ארגונים קהילתיים חלשים', rank: 4 },
  { id: 'work', title: 'תעסוקת נשים', rank: 5 },
];

/** A run of the real program from {@link START}, on the Israeli calendar. */
export function createRun() {
  const clock = createManualClock(at(START));
  const instance = createInstance(kehilaMetiva, {
    start: START,
    clock,
    calendar: israelCalendar(),
  });
  const record = (date: string, event: ProgramEvent<KehilaMetiva>, actor: Actor<KehilaRole>) => {
    clock.advanceTo(at(date));
    const result = instance.send(event, { actor, at: at(date) });
    if (!result.ok) throw result.refusal;
  };
  return { clock, instance, record };
}

/** The plan before anything is recorded. */
export function freshPlan() {
  return createRun().instance.schedule().plan;
}

/** The plan after S0, S1 (two days late), the start of S2 and the first Q meeting. */
export function planWithFacts() {
  const run = createRun();
  run.record('2026-09-07', { type: 'S0', payload: scope }, mayor);
  run.record('2026-09-24', { type: 'S1', payload: challenges }, shaping);
  run.record('2026-09-27', { type: 'S2.start' }, manager);
  run.record('2026-12-08', { type: 'Q' }, mayor);
  return { ...run, plan: run.instance.schedule().plan };
}
