import { type Actor, createManualClock, createRuntime, type Runtime } from '@maslul/core';
import { type KehilaMetiva, kehilaMetiva } from '@maslul/kehila-metiva';
import { createMemoryStore, createTimerWorker } from '@maslul/store';
import { dateIn, type PlainDate } from '@maslul/timing';
import { israelCalendar } from '@maslul/timing/israel';
import { START } from '../../authority-run/src/dates.js';
import { ID, keyOf, morningOf, runScript, script } from '../../authority-run/src/run.js';
import {
  type DemoState,
  FORECAST_STEPS,
  type PortfolioState,
  type WeekState,
} from '../src/demo-state.js';
import { AUTHORITY } from './authority-name.js';
import { AUTHORITIES, seedOtherAuthorities } from './other-authorities.js';
import { personOf } from './people.js';
import { REFUSED_ON, sendRefusedAttempts } from './refused-attempts.js';
import { weekOf } from './week.js';

// The simulated run behind the page: the authority-run example's runtime and script, on an
// in-memory store and a manual clock, recorded up to the chosen day. The page then records the
// rest of the script one event at a time, through the HTTP API; `advance` moves the clock on to
// the next event's day first (and delivers the deadlines that fell due meanwhile).

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
  /** "This week" and "late" of an authority's instance; undefined for an id that is none. */
  week(id: string): Promise<WeekState | undefined>;
  /** The authorities of the portfolio, with the forecast of each one's plan approval (S9). */
  portfolio(): Promise<PortfolioState>;
}

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
  const session = { runtime, worker, clock, calendar };
  // The refused attempts on an initiative come the day the initiatives are set up.
  let stored = 0;
  if (until >= REFUSED_ON) {
    stored = await runScript(session, { stored, until: REFUSED_ON });
    await sendRefusedAttempts(runtime, REFUSED_ON);
  }
  await runScript(session, { stored, until });
  await seedOtherAuthorities(runtime, until);
  const today = () => dateIn(clock.now(), calendar.timeZone);

  // The forecast of one version of each instance: seeded, so the page shows the same dates for
  // the same facts, and computed once per version (500 runs take a moment; the page polls).
  const forecasts = new Map<string, { version: number; forecast: DemoState['forecast'] }>();
  const forecastOf = async (id: string): Promise<DemoState['forecast']> => {
    const view = await runtime.open(id);
    const cached = forecasts.get(id);
    if (cached?.version === view.version) return cached.forecast;
    const { steps } = view.forecast({ runs: 500, seed: 1 });
    const forecast = Object.fromEntries(
      FORECAST_STEPS.map((step) => [
        step,
        { p50: steps[step].finish.p50, p90: steps[step].finish.p90 },
      ]),
    ) as DemoState['forecast'];
    forecasts.set(id, { version: view.version, forecast });
    return forecast;
  };
  const state = async (): Promise<DemoState> => {
    // The script's events are stored as seq 1, 2, ...: the next is the one after the version.
    const { version } = await runtime.open(ID);
    const forecast = await forecastOf(ID);
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
    personOf: (role) => personOf(role),
    week: async (id) => {
      const authority = AUTHORITIES.find((a) => a.id === id);
      if (!authority) return undefined;
      // The people are the demo authority's; the others' are not in the demo.
      const people = id === ID ? personOf : () => undefined;
      return weekOf(id, await runtime.open(id), today(), calendar, people);
    },
    portfolio: async () => ({
      today: today(),
      authorities: await Promise.all(
        AUTHORITIES.map(async (a) => ({ ...a, forecast: (await forecastOf(a.id)).S9 })),
      ),
    }),
  };
}
