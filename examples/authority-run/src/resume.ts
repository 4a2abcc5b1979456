import type { ManualClock, Runtime } from '@maslul/core';
import type { KehilaMetiva } from '@maslul/kehila-metiva';
import type { MaslulStore } from '@maslul/store';
import type { PlainDate } from '@maslul/timing';
import { demoCommand, shown } from './options.js';
import { ID, positionOf, script } from './run.js';

// Where a stored run stands, and what a resumed run must set right before it carries on.

/** Where to carry on: how many of the script's events are stored, and the line that says so. */
export interface ResumePoint {
  readonly stored: number;
  readonly line: string;
}

/**
 * Throws when `--resume --until <date>` names a day the stored run is already past (its last
 * event is after it): there is nothing to run up to it, and the report would be of a later day.
 */
export function checkUntil(
  { stored }: ResumePoint,
  until: PlainDate | undefined,
  dataDir: string,
): void {
  const last = script[stored - 1];
  if (until === undefined || last === undefined || last.at <= until) return;
  const where =
    stored === script.length
      ? `is finished: all ${stored} events are stored, the last ("${last.event.type}") on ${last.at}`
      : `is already past ${until}: its last event, #${stored} ("${last.event.type}"), is on ${last.at}`;
  throw new Error(
    `The run in "${shown(dataDir)}" ${where}, so --until ${until} has nothing to run; give --until a later date, \`${demoCommand('--resume', dataDir)}\` for ${stored === script.length ? 'its report' : 'the rest'}, or start afresh with \`${demoCommand(`--until ${until}`, dataDir)}\`.`,
  );
}

/**
 * Finds the stored run's last event, moves `clock` to it, and returns how many of the script's
 * events are stored.
 */
export async function resumePoint(
  {
    store,
    runtime,
    clock,
  }: {
    readonly store: MaslulStore;
    readonly runtime: Runtime<KehilaMetiva>;
    readonly clock: ManualClock;
  },
  { dataDir }: { readonly dataDir: string },
): Promise<ResumePoint> {
  if ((await store.version(ID)) === undefined) {
    throw new Error(
      `The folder "${shown(dataDir)}" holds no run: a fresh run stopped before it began. Start one with \`${demoCommand('--until 2027-03-01', dataDir)}\`.`,
    );
  }
  const history = await runtime.history(ID);
  const stray = history.find((entry) => positionOf(entry.idempotencyKey) !== entry.seq);
  if (stray) {
    throw new Error(
      `Stored event #${stray.seq} ("${stray.type}", key ${JSON.stringify(stray.idempotencyKey)}) is not the script's event ${stray.seq}; start afresh without --resume.`,
    );
  }
  const last = history.at(-1);
  // The simulated clock carries on from the last stored event. A run stopped while delivering
  // left claims on its timers; the worker has the same name in every run, so it takes them back.
  if (last) clock.advanceTo(last.at);
  const { version } = await runtime.open(ID);
  const where = last
    ? `event #${version} of ${script.length} ("${last.type}" on ${last.date})`
    : 'no events';
  return { stored: version, line: `resumed after ${where}` };
}
