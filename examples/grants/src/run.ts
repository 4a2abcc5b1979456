import { PGlite } from '@electric-sql/pglite';
import { createManualClock, createRuntime, type Deadline } from '@maslul/core';
import { createHttpApp } from '@maslul/http';
import { type ActOutcome, actingDelivery, createTimerWorker } from '@maslul/store';
import { createPGliteStore } from '@maslul/store/pglite';
import { israelCalendar } from '@maslul/timing/israel';
import { authenticate } from './people.js';
import { grants } from './program.js';
import { END, NORTH, north, type ScriptEvent, script } from './script.js';

/** The call's instance id. */
export const ID = 'grants-2027';
const START = '2027-03-01';

/** What a run leaves: its log lines, and the API to read the stored instance from. */
export interface GrantsRun {
  readonly lines: readonly string[];
  readonly api: { fetch(request: Request): Response | Promise<Response> };
  /** Closes the database. */
  close(): Promise<void>;
}

const nextDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** 09:00 in Jerusalem, in UTC (summer time from the end of March). */
const morning = (day: string) => `${day}T${day >= '2027-03-26' ? '06' : '07'}:00:00Z`;

const what = (deadline: Deadline) =>
  deadline.act?.item ? `${deadline.act.type} of "${deadline.act.item}"` : deadline.act?.type;

/**
 * Runs the call from its opening to the last report on a simulated clock: every event through
 * the HTTP API (`POST /instances/grants-2027/events`), every accepted one stored in PGlite, and
 * the timer worker every simulated morning delivering the deadlines, the acting ones through the
 * runtime by the timer actor.
 */
export async function runGrants(): Promise<GrantsRun> {
  const db = await PGlite.create('memory://');
  const store = await createPGliteStore({ db });
  const clock = createManualClock(morning(START));
  const calendar = israelCalendar();
  const runtime = createRuntime(grants, { store, clock, calendar });
  const api = createHttpApp({ runtime, authenticate, onInternalError: (e) => console.error(e) });
  const lines: string[] = [];
  const log = (day: string, text: string) => lines.push(`${day}  ${text}`);

  const onAct = (outcome: ActOutcome) => {
    const day = outcome.timer.deadline.date;
    const act = what(outcome.timer.deadline);
    if (outcome.outcome === 'settled') {
      log(day, `timer    ${act}: not possible any more (${outcome.refusal.message}); settled`);
    } else
      log(
        day,
        `timer    records ${act}${outcome.outcome === 'duplicate' ? ' (again: a duplicate)' : ''}`,
      );
  };
  const worker = createTimerWorker({
    store,
    clock,
    timers: clock,
    worker: 'grants-demo',
    deliver: actingDelivery(runtime, { onAct }),
  });

  const call = async (method: string, path: string, actor: string, body?: unknown) => {
    const response = await api.fetch(
      new Request(`http://grants.local${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-actor': actor },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  for (const id of [ID, NORTH]) {
    const created = await call('POST', '/instances', 'rina', { id, start: START });
    log(START, `office   starts "${id}" (HTTP ${created.status})`);
  }

  const send = async (event: ScriptEvent) => {
    const { day, actor, instance = ID, ...body } = event;
    const path = `/instances/${instance}/events`;
    const { status, body: answer } = await call('POST', path, actor, body);
    const where = instance === ID ? '' : ` [${instance}]`;
    const name = `${body.type}${body.item ? ` "${body.item}"` : ''}${where}`;
    if (status === 201) log(day, `${actor.padEnd(8)} ${name}`);
    else {
      const error = answer.error as { code: string; issues: { rule: string }[]; message: string };
      const rule = error.issues[0]?.rule ?? error.code;
      log(day, `${actor.padEnd(8)} ${name} refused (HTTP ${status}, ${rule}): ${error.message}`);
    }
  };

  // Both calls' events in day order (a stable sort keeps each day's own order).
  const events = [...script, ...north].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  let day = START;
  let next = 0;
  while (day <= END) {
    clock.advanceTo(morning(day));
    await worker.runDue();
    for (; next < events.length && events[next]?.day === day; next++) {
      await send(events[next] as ScriptEvent);
    }
    day = nextDay(day);
  }
  return {
    lines,
    api,
    close: async () => {
      await db.close();
    },
  };
}
