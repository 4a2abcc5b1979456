// The baseline a developer would hand-write without maslul: a reducer over the same program
// definition that keeps each track's position and what each step recorded, validates the payload
// with the same zod schema, checks the role, the order, the joins and the rules. No statechart,
// no log, no snapshot, no timing.
import type { Program, StepDefinition } from '@maslul/core';

interface Record {
  started?: string;
  finished?: string;
  occurrences?: string[];
  payload?: unknown;
}
export interface ReducerState {
  readonly position: { readonly [track: string]: number };
  readonly running: { readonly [step: string]: boolean };
  readonly steps: { readonly [step: string]: Record };
  readonly done: boolean;
}

export function createReducer(program: Program) {
  const steps = program.steps as { [id: string]: StepDefinition };
  const initial = (): ReducerState => ({
    position: Object.fromEntries(program.tracks.map((t) => [t.id, 0])),
    running: {},
    steps: {},
    done: false,
  });
  const reduce = (
    state: ReducerState,
    event: { type: string; payload?: unknown },
    role: string,
    date: string,
  ): ReducerState => {
    const [id = '', phase = 'record'] = event.type.split('.');
    const step = steps[id];
    if (!step?.by.includes(role)) throw new Error(`refused ${event.type}`);
    const track = program.tracks.find((t) => t.id === step.track);
    if (!track || track.steps[state.position[track.id] ?? 0] !== id)
      throw new Error(`not now: ${event.type}`);
    for (const d of step.after) {
      const other = typeof d === 'string' ? d : d.step;
      if (!state.steps[other]?.finished) throw new Error(`waiting: ${event.type}`);
    }
    const data = phase !== 'start' && step.payload ? step.payload.parse(event.payload) : undefined;
    const recorded = Object.fromEntries(
      Object.entries(state.steps).map(([k, v]) => [k, v.payload]),
    );
    const input = {
      payload: data,
      recorded,
      date: date as `${number}-${number}-${number}`,
      items: {},
      actor: { id: 'bench', roles: [] },
      workingDay: true,
      fixed: {},
      dates: {},
    };
    if (step.rules.some((rule) => !rule.check(input))) throw new Error('rule');
    const previous = state.steps[id] ?? {};
    let next: Record;
    let advance = true;
    if (phase === 'start') {
      next = { ...previous, started: date };
      advance = false;
    } else if (step.kind === 'series') {
      const occurrences = [...(previous.occurrences ?? []), date];
      advance = occurrences.length >= (step.count ?? 1);
      next = {
        ...previous,
        started: previous.started ?? date,
        occurrences,
        payload: data,
        ...(advance ? { finished: date } : {}),
      };
    } else next = { ...previous, started: previous.started ?? date, finished: date, payload: data };
    const position = advance
      ? { ...state.position, [track.id]: (state.position[track.id] ?? 0) + 1 }
      : state.position;
    const done = program.tracks.every((t) => (position[t.id] ?? 0) >= t.steps.length);
    return {
      position,
      running: { ...state.running, [id]: phase === 'start' },
      steps: { ...state.steps, [id]: next },
      done,
    };
  };
  return { initial, reduce };
}
