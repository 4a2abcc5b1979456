import { type Actor, createManualClock, createRuntime, type Runtime } from '@maslul/core';
import { type KehilaMetiva, type KehilaRole, kehilaMetiva } from '@maslul/kehila-metiva';
import { createMemoryStore, createTimerWorker } from '@maslul/store';
import { dateIn, type PlainDate } from '@maslul/timing';
import { israelCalendar } from '@maslul/timing/israel';
import { people } from '../../authority-run/src/authority.js';
import { START } from '../../authority-run/src/dates.js';
import { ID, keyOf, morningOf, runScript, script } from '../../authority-run/src/run.js';
import { type DemoState, FORECAST_STEPS } from '../src/demo-state.js';

// The simulated run behind the page: the authority-run example's runtime and script, on an
// in-memory store and a manual clock, recorded up to the chosen day. The page then records the
// rest of the script one event at a time, through the HTTP API; `advance` moves the clock on to
// the next event's day first (and delivers the deadlines that fell due meanwhile).

/** The authority's name in both languages (authority-run prints only the English). */
export const AUTHORITY = {
  he: 'רמת התאנים (רשות בדיונית)',
  en: "Ramat HaTe'enim (a fictional authority)",
};

/** The run: its runtime and clock, what it says of itself, and how to move on. */
export interface DemoRun {
  readonly runtime: Runtime<KehilaMetiva>;
  /** The simulated now, in epoch milliseconds. */
  now(): number;
  state(): Promise<DemoState>;
  /** Moves the clock on to the next scripted event's morning (if later); delivers what fell due. */
  advance(): Promise<DemoState>;
  /** The authority's person for a role (the first, for the four domain heads). */
  personOf(role: string): Actor | undefined;
}

const everyone: readonly Actor<KehilaRole>[] = [
  people.mayor,
  people.shaping,
  people.ceo,
  people.manager,
  people.hackathon,
  ...Object.values(people.heads),
];

/**
 * Creates the instance and records the script's events up to `until` (inclusive), the clock on
 * that day's morning: as the authority-run demo does with `--until`, without its PGlite folder.
 */
export async function startDemoRun({ until }: { readonly until: PlainDate }): Promise<DemoRun> {
  const store = createMemoryStore();
  const calendar = israelCalendar();
  const clock = createManualClock(morningOf(START));
  const runtime = createRuntime(kehilaMetiva, { store, clock, calendar });
  // Deliveries are where a real app would send reminders; the page reads statuses instead.
  const worker = createTimerWorker({
    store,
    clock,
    timers: clock,
    worker: 'dashboard',
    deliver: () => {},
  });
  await runtime.create(ID, { start: START });
  await runScript({ runtime, worker, clock, calendar }, { stored: 0, until });

  // The forecast of one version: seeded, so the page shows the same dates for the same facts,
  // and computed once per version (500 runs take a moment; the page asks on every poll).
  let forecastOf: { version: number; forecast: DemoState['forecast'] } | undefined;
  const state = async (): Promise<DemoState> => {
    // The script's events are stored as seq 1, 2, ...: the next is the one after the version.
    const view = await runtime.open(ID);
    const { version } = view;
    if (forecastOf?.version !== version) {
      const { steps } = view.forecast({ runs: 500, seed: 1 });
      const forecast = Object.fromEntries(
        FORECAST_STEPS.map((id) => [id, { p50: steps[id].finish.p50, p90: steps[id].finish.p90 }]),
      ) as DemoState['forecast'];
      forecastOf = { version, forecast };
    }
    const { forecast } = forecastOf;
    const scripted = script[version];
    const now = clock.now();
    return {
      id: ID,
      authority: AUTHORITY,
      now: new Date(now).toISOString(),
      today: dateIn(now, calendar.timeZone),
      recorded: version,
      total: script.length,
      forecast,
      next: scripted && {
        n: version + 1,
        key: keyOf(version + 1),
        date: scripted.at,
        at: morningOf(scripted.at),
        actor: scripted.actor,
        event: scripted.event,
        why: scripted.why,
      },
    };
  };

  return {
    runtime,
    now: () => clock.now(),
    state,
    advance: async () => {
      const next = (await state()).next;
      if (next && Date.parse(next.at) > clock.now()) {
        clock.advanceTo(next.at);
        await worker.runDue();
      }
      return state();
    },
    personOf: (role) => everyone.find((person) => person.roles.includes(role as KehilaRole)),
  };
}
