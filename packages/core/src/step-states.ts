import type { EventTarget } from './events.js';
import type { Program } from './program.js';
import type { ProgramContext } from './program-context.js';
import type { StepDefinition } from './types.js';

// The shape of a track as a statechart region: a state per step, named by its id (a span has a
// second, `<id>:running`, between its start and its finish), then `done`. Written once, for the
// compiled XState machine and for the instance that steps the same states.

const RUNNING = ':running';

/** The state a span is in between its start and its finish. */
export const runningState = (step: string): string => `${step}${RUNNING}`;

/** The step a track's state is at, and whether it is a span's running state. */
export function stepOfState(state: string): { readonly step: string; readonly running: boolean } {
  const running = state.endsWith(RUNNING);
  return { step: running ? state.slice(0, -RUNNING.length) : state, running };
}

/** The state a track is in after its last step (not final: items live on past the tracks). */
export const TRACK_DONE = 'done';

/** The state after each step of a program (the next step of its track, or `done`), made once. */
const nextStates = new WeakMap<Program, ReadonlyMap<string, string>>();

/** The state a track reaches when a step is done: its next step, or `done` after its last. */
export function nextStateOf(program: Program, step: string): string {
  let next = nextStates.get(program);
  if (!next) {
    const map = new Map<string, string>();
    for (const track of program.tracks) {
      track.steps.forEach((id, i) => {
        map.set(id, track.steps[i + 1] ?? TRACK_DONE);
      });
    }
    next = map;
    nextStates.set(program, next);
  }
  return next.get(step) ?? TRACK_DONE;
}

/** Each track's first state: its first step. */
export function initialValueOf(program: Program): Readonly<Record<string, string>> {
  return Object.fromEntries(
    program.tracks.map((track) => [track.id, track.steps[0] ?? TRACK_DONE]),
  );
}

/** Whether one more occurrence finishes a series: its count is held with this one. */
export function isLastOccurrence(program: Program, context: ProgramContext, step: string): boolean {
  const definition = (program.steps as Record<string, StepDefinition>)[step];
  const held = context.steps[step]?.occurrences?.length ?? 0;
  return held + 1 >= (definition?.count ?? 1);
}

/**
 * Where an event of a step is taken and where it leads: the track, the state the track must be
 * in (the step's own; a span's finish, its running state), and the state it moves to (a span's
 * start to its running state, a series' occurrence to itself until its last, the rest to the
 * step after it).
 */
export function stepTransitionOf(
  program: Program,
  target: Extract<EventTarget, { step: string }>,
  context: ProgramContext,
): { readonly track: string; readonly from: string; readonly to: string } {
  const definition = (program.steps as Record<string, StepDefinition>)[
    target.step
  ] as StepDefinition;
  const { step, phase } = target;
  const track = definition.track;
  if (phase === 'start') return { track, from: step, to: runningState(step) };
  if (phase === 'finish')
    return { track, from: runningState(step), to: nextStateOf(program, step) };
  if (
    phase === 'record' &&
    definition.kind === 'series' &&
    !isLastOccurrence(program, context, step)
  ) {
    return { track, from: step, to: step };
  }
  return { track, from: step, to: nextStateOf(program, step) };
}
