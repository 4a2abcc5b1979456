// The store tests' run of core's sample program (packages/core/test-programs): the strategy and
// pilot steps, two initiatives, then as many measurements as a test wants, so a log can hold any
// number of events.
import { createInstance, createManualClock, type NewInstance } from '@maslul/core';
import { manager, sample, steering } from '../../../core/test-programs/sample-program.js';

export const START = '2026-09-07';
export const CHALLENGES = ['youth', 'elderly', 'housing', 'transport', 'culture'];

type Send = (
  event: { type: string; payload?: unknown; item?: string },
  options: { actor: { id: string; roles: readonly string[] }; at: string; idempotencyKey?: string },
) => unknown;

/**
 * The events of a run, in order: the strategy and pilot steps, two initiatives, then `measures`
 * measurements alternating between them. `at` advances a day per event from the start.
 */
export function runEvents(measures: number) {
  const day = (n: number) =>
    new Date(Date.parse(`${START}T09:00:00Z`) + n * 86_400_000).toISOString();
  const events: { event: Parameters<Send>[0]; actor: { id: string; roles: readonly string[] } }[] =
    [
      { event: { type: 'scope', payload: { areas: ['north'] } }, actor: steering },
      { event: { type: 'meeting1', payload: { challenges: CHALLENGES } }, actor: steering },
      { event: { type: 'hackathon' }, actor: manager },
      {
        event: {
          type: 'initiative.create',
          item: 'garden',
          payload: { title: 'Garden', challenges: ['youth'] },
        },
        actor: manager,
      },
      {
        event: {
          type: 'initiative.create',
          item: 'library',
          payload: { title: 'Library', challenges: ['culture'] },
        },
        actor: manager,
      },
    ];
  for (let i = 0; i < measures; i += 1) {
    events.push({
      event: {
        type: 'initiative.measure',
        item: i % 2 === 0 ? 'garden' : 'library',
        payload: { progress: (i % 100) / 100 },
      },
      actor: manager,
    });
  }
  return events.map((e, n) => ({ ...e, at: day(Math.floor(n / 10)) }));
}

/** A new instance of the sample program from {@link START}, as a runtime creates it in a store. */
export function newSampleInstance(id: string): NewInstance {
  const instance = createInstance(sample, {
    start: START,
    clock: createManualClock('2030-01-01T00:00:00Z'),
  });
  return {
    id,
    program: { id: sample.id, version: sample.version },
    start: START,
    snapshot: instance.snapshot(),
    deadlines: instance.deadlines(),
  };
}
