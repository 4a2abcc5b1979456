import type { Hackathon, Scope } from '@maslul/kehila-metiva';
import { AUTHORITY } from './authority.js';
import { START } from './dates.js';
import { wrap } from './format.js';
import { decisionsReport, hackathonReport } from './initiatives-report.js';
import { runAuthority } from './run.js';
import { teamsReport } from './teams-report.js';
import { timeline } from './timeline.js';

// `npm run demo`: one fictional authority runs the whole of Kehila Metiva on a simulated clock,
// then the run is printed from what the program recorded: the timeline, the teams, the
// initiatives and the decisions on them.

const { instance, recorded } = runAuthority();
const { steps, items } = instance.snapshot().machine.context;
const scope = steps.S0?.payload as Scope;
const decisions = Object.values(items).filter((item) => item.kind === 'initiative');
const count = (state: string) => decisions.filter((item) => item.state === state).length;
const explained = (id: string) => recorded.find((r) => r.step?.step === id)?.step?.explanation;
const done = Object.values(instance.current()).every((track) => track.step === 'done');

const lines = [
  `Kehila Metiva at ${AUTHORITY}`,
  `Started ${START}; simulated clock on the Israeli work calendar; ${instance.history().length} events recorded.`,
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
];
console.log(lines.join('\n'));
