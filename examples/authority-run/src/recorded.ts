import {
  type Actor,
  createInstance,
  createManualClock,
  type LogEntry,
  type StepIdOf,
} from '@maslul/core';
import { type KehilaMetiva, type KehilaRole, kehilaMetiva } from '@maslul/kehila-metiva';
import { explain, type PlainDate, type Plan, type WorkCalendar } from '@maslul/timing';
import { type KehilaEvent, positionOf, type ScriptedEvent, script } from './run.js';

// The run as the reports read it, from the stored history alone: each event, the script line
// it came from (for the reason it was off plan), and, for a step event, the date the plan gave
// it just before it was recorded. The store keeps facts, not plans, and a resumed run did not
// see its first events being sent: so the plans are worked out again by replaying the history
// in memory, which gives the same dates for a resumed run as for one that never stopped.

/** A step event of the run, with the date the plan gave it just before it was recorded. */
export interface PlannedEvent {
  readonly step: StepId;
  readonly phase: 'start' | 'finish' | undefined;
  readonly planned: PlainDate;
  /** Why the plan gave that date (`explain`), as the plan stood before the event. */
  readonly explanation: string;
}

/** One stored event: the script's line, the log entry the store kept, and its plan if a step. */
export interface RecordedEvent {
  readonly scripted: ScriptedEvent | undefined;
  readonly entry: LogEntry;
  readonly step: PlannedEvent | undefined;
}

type StepId = StepIdOf<KehilaMetiva>;

const isStep = (id: string): id is StepId => Object.hasOwn(kehilaMetiva.steps, id);

/** The date the plan gives a step event: a span's start or finish, a series' next meeting. */
function plannedFor(plan: Plan<StepId>, id: StepId, phase: string | undefined): PlannedEvent {
  const step = plan.steps[id];
  const planned =
    step.kind === 'series'
      ? (step.occurrences?.find((o) => !o.recorded)?.date ?? step.start)
      : phase === 'finish'
        ? step.finish
        : step.start;
  const explanation = explain(plan, step.id);
  return {
    step: id,
    phase: phase === 'start' || phase === 'finish' ? phase : undefined,
    planned,
    explanation,
  };
}

/**
 * The stored `history`, replayed from `start` on a clock at its last event: each entry with its
 * script line (found by its idempotency key) and the plan it was recorded against.
 */
export function recordedFrom(
  history: readonly LogEntry[],
  { start, calendar }: { readonly start: PlainDate; readonly calendar: WorkCalendar },
): RecordedEvent[] {
  const clock = createManualClock(history.at(-1)?.at ?? `${start}T00:00:00Z`);
  const instance = createInstance(kehilaMetiva, { start, clock, calendar });
  return history.map((entry) => {
    // Items (teams, initiatives) have no planned dates; steps do, and the plan is solved only for them.
    const [id, phase] = entry.type.split('.') as [string, string | undefined];
    const step = isStep(id) ? plannedFor(instance.schedule().plan, id, phase) : undefined;
    const result = instance.send(
      { type: entry.type, payload: entry.payload, item: entry.item } as KehilaEvent,
      { actor: entry.actor as Actor<KehilaRole>, at: entry.at },
    );
    if (!result.ok) {
      throw new Error(
        `Stored event #${entry.seq} ("${entry.type}") is refused on replay: ${result.refusal.message}`,
      );
    }
    const position = positionOf(entry.idempotencyKey);
    return { scripted: position === undefined ? undefined : script[position - 1], entry, step };
  });
}
