import type { LogEntry } from '@maslul/core';
import type {
  Compass,
  ContinuationDecision,
  Hackathon,
  HackathonIdea,
  InitiativeMeasurement,
} from '@maslul/kehila-metiva';

// The pilot initiatives as the history tells them: set up from the hackathon's ideas (X1), with
// the grant the hackathon gave each (X2), measured (X3), and the shaping committee's decision on
// each with its reasons (C1, C2), and whether the program's rule on it was met.

/** Where an initiative stands: its item states in the program. */
export type InitiativeState = 'supported' | 'measured' | 'continued' | 'stopped';

/** One initiative and what was recorded of it. */
export interface Initiative {
  readonly id: string;
  readonly title: string;
  readonly state: InitiativeState;
  /** Its grant in agorot, from the hackathon's selection. */
  readonly grantAgorot: number | undefined;
  readonly measured: InitiativeMeasurement | undefined;
  readonly decision: ContinuationDecision | undefined;
  /** The rules checked on the decision (C2 on continuing, C1 on stopping), as the runtime traced them. */
  readonly decisionRules: readonly { readonly rule: string; readonly passed: boolean }[];
}

/** The initiatives in the order they were set up, and the compass' objective titles by id. */
export function initiativesOf(entries: readonly LogEntry[]): {
  readonly initiatives: Initiative[];
  readonly objectives: ReadonlyMap<string, string>;
} {
  const byId = new Map<string, Initiative>();
  const grants = new Map<string, number>();
  const objectives = new Map<string, string>();
  const update = (id: string | undefined, change: Partial<Initiative>) => {
    const found = id === undefined ? undefined : byId.get(id);
    if (found && id !== undefined) byId.set(id, { ...found, ...change });
  };
  for (const entry of entries) {
    switch (entry.type) {
      case 'S4':
        for (const o of (entry.payload as Compass).objectives) objectives.set(o.id, o.title);
        break;
      case 'X1':
        for (const s of (entry.payload as Hackathon).selections) {
          grants.set(s.ideaId, s.support.moneyAgorot);
        }
        break;
      case 'initiative.create': {
        const idea = entry.payload as HackathonIdea;
        const id = entry.item ?? idea.id;
        byId.set(id, {
          id,
          title: idea.title,
          state: 'supported',
          grantAgorot: grants.get(idea.id),
          measured: undefined,
          decision: undefined,
          decisionRules: [],
        });
        break;
      }
      case 'initiative.measure':
        update(entry.item, { state: 'measured', measured: entry.payload as InitiativeMeasurement });
        break;
      case 'initiative.continue':
      case 'initiative.stop':
        update(entry.item, {
          state: entry.type === 'initiative.continue' ? 'continued' : 'stopped',
          decision: entry.payload as ContinuationDecision,
          decisionRules: entry.trace.map(({ rule, passed }) => ({ rule, passed })),
        });
        break;
    }
  }
  return { initiatives: [...byId.values()], objectives };
}
