import { createHash } from 'node:crypto';
import { createManualClock, createRuntime, type Deadline } from '@maslul/core';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { createTimerWorker, type MaslulStore } from '@maslul/store';
import { israelCalendar } from '@maslul/timing/israel';
import { openDataFolder } from './data-folder.js';
import { START } from './dates.js';
import { type DemoOptions, demoCommand, parseOptions, shown } from './options.js';
import { recordedFrom } from './recorded.js';
import { deadlinesLine, report, storedLine } from './report.js';
import { checkUntil, resumePoint } from './resume.js';
import { ID, morningOf, runScript, script } from './run.js';

// `npm run demo`: one fictional authority runs the whole of Kehila Metiva on a simulated clock,
// every event stored in a PGlite folder as it is sent, then the run is printed from what the
// store holds: the timeline, the teams, the initiatives and the decisions on them.
// `-- --until <date>` stops on that simulated day; `-- --resume` carries on from the folder.

/**
 * A snapshot every 25 events, so that a resumed run loads the instance from a snapshot plus the
 * events after it (the runtime's default of 100 is more than this whole run).
 */
const SNAPSHOT_EVERY = 25;

/** The timer worker's name in its claims: the same in every run, so a resumed run knows its own. */
const WORKER = 'authority-run';

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

async function demo(store: MaslulStore, options: DemoOptions): Promise<string[]> {
  const folder = shown(options.dataDir);
  const calendar = israelCalendar();
  const clock = createManualClock(morningOf(START));
  const runtime = createRuntime(kehilaMetiva, {
    store,
    clock,
    calendar,
    snapshotEvery: SNAPSHOT_EVERY,
  });
  // This process's deliveries; a real app would send reminders here.
  const delivered: Record<Deadline['kind'], number> = { opens: 0, due: 0, overdue: 0 };
  const worker = createTimerWorker({
    store,
    clock,
    timers: clock,
    worker: WORKER,
    deliver: ({ deadline }) => {
      delivered[deadline.kind] += 1;
    },
  });

  let stored = 0;
  if (options.resume) {
    const point = await resumePoint({ store, runtime, clock }, { dataDir: options.dataDir });
    checkUntil(point, options.until, options.dataDir);
    stored = point.stored;
    console.log(`State kept in ${folder} (PGlite): ${point.line}.`);
  } else {
    await runtime.create(ID, { start: START });
    console.log(`State kept in ${folder} (PGlite): a fresh run.`);
  }

  stored = await runScript({ runtime, worker, clock, calendar }, { stored, until: options.until });
  const timers = await store.timers(ID);
  const lines: string[] = [];
  const next = script[stored];
  if (next) {
    const last = script[stored - 1];
    const tally = Object.values(delivered).reduce((a, b) => a + b, 0);
    lines.push(
      `Stopped at ${options.until}: ${stored} of ${script.length} events stored${last ? `, the last "${last.event.type}" on ${last.at}` : ''}; next "${next.event.type}" on ${next.at}.`,
      deadlinesLine(timers, `${tally} of them by this run`),
      storedLine(folder, stored, timers),
      `Resume with: ${demoCommand('--resume', options.dataDir)}`,
    );
  } else {
    const view = await runtime.open(ID);
    const recorded = recordedFrom(await runtime.history(ID), { start: START, calendar });
    lines.push(...report(view, recorded, { folder, timers }));
  }

  if (options.printSnapshotHash) {
    const view = await runtime.open(ID);
    const snapshot = sha256(view.snapshot());
    runtime.evict(); // the same instance, loaded from the store alone
    const reloaded = sha256((await runtime.open(ID)).snapshot());
    const table = timers.map((t) => [t.deadline.id, t.deadline.at, t.firedAt !== undefined]);
    lines.push(
      `snapshot-sha256 ${snapshot}`,
      `reloaded-snapshot-sha256 ${reloaded}`,
      `history-sha256 ${sha256(await runtime.history(ID))}`,
      `timers-sha256 ${sha256(table)}`,
    );
  }
  return lines;
}

try {
  const options = parseOptions(process.argv.slice(2));
  const { store, close } = await openDataFolder(options.dataDir, { fresh: !options.resume });
  try {
    console.log((await demo(store, options)).join('\n'));
  } finally {
    await close();
  }
} catch (error) {
  console.error((error as Error).message ?? error);
  process.exitCode = 1;
}
