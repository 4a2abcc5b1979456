import type { Deadline, InstanceView } from '@maslul/core';
import type { Hackathon, KehilaMetiva, Scope } from '@maslul/kehila-metiva';
import type { TimerState } from '@maslul/store';
import { AUTHORITY } from './authority.js';
import { START } from './dates.js';
import { wrap } from './format.js';
import { decisionsReport, hackathonReport } from './initiatives-report.js';
import type { RecordedEvent } from './recorded.js';
import { teamsReport } from './teams-report.js';
import { timeline } from './timeline.js';

// The demo's report, read from the store: the instance as it stands, its history (replayed into
// `recorded`) and its timer table. A resumed run prints the same report as one that never stopped.

const KINDS: readonly Deadline['kind'][] = ['opens', 'due', 'overdue'];

/** The timer table in one line: how many deadlines the worker delivered, by kind; `note` after. */
export function deadlinesLine(timers: readonly TimerState[], note?: string | undefined): string {
  // From the table rather than this process's tally: a resumed run delivered some of them before
  // it stopped.
  const fired = timers.filter((timer) => timer.firedAt !== undefined);
  const byKind = KINDS.map(
    (kind) => `${kind} ${fired.filter((t) => t.deadline.kind === kind).length}`,
  );
  return `Deadlines delivered on the simulated clock: ${fired.length} (${byKind.join(', ')})${note ? `, ${note}` : ''}.`;
}

/** What the folder holds, in one line. */
export function storedLine(folder: string, events: number, timers: readonly TimerState[]): string {
  const pending = timers.filter((timer) => timer.firedAt === undefined).length;
  return `Stored in ${folder}: ${events} events, ${timers.length} timers (${timers.length - pending} delivered, ${pending} pending).`;
}

/** The whole report of a finished run. */
export function report(
  view: InstanceView<KehilaMetiva>,
  recorded: readonly RecordedEvent[],
  stored: { readonly folder: string; readonly timers: readonly TimerState[] },
): string[] {
  const { steps, items } = view.snapshot().machine.context;
  const scope = steps.S0?.payload as Scope;
  const decisions = Object.values(items).filter((item) => item.kind === 'initiative');
  const count = (state: string) => decisions.filter((item) => item.state === state).length;
  const explained = (id: string) => recorded.find((r) => r.step?.step === id)?.step?.explanation;
  const done = Object.values(view.current()).every((track) => track.step === 'done');
  return [
    `Kehila Metiva at ${AUTHORITY}`,
    `Started ${START}; simulated clock on the Israeli work calendar; ${recorded.length} events recorded.`,
    `Channels: ${scope.channels.join(', ')}.`,
    `Focus areas: ${scope.focusAreas.map((a) => a.name).join(', ')}.`,
    '',
    ...timeline(recorded, items),
    '',
    ...teamsReport(items),
    '',
    ...hackathonReport(steps.X1?.payload as Hackathon, steps.X2?.started ?? '-'),
    '',
    ...decisionsReport(items),
    '',
    'Why the plan gave these dates (before they were recorded):',
    ...wrap(explained('X1') ?? '', '- '),
    ...wrap(explained('C1') ?? '', '- '),
    '',
    `Summary: ${count('continued')} continued, ${count('stopped')} stopped; plan approved ${steps.S9?.finished}; decision on ${steps.C1?.finished}; ${done ? 'all tracks done' : 'tracks still open'}.`,
    deadlinesLine(stored.timers),
    storedLine(stored.folder, recorded.length, stored.timers),
  ];
}
