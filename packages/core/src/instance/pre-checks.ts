import { type Instant, type Label, toEpoch } from '@maslul/timing';
import type { Clock } from '../clock.js';
import type { EventTarget } from '../events.js';
import { isoOf } from '../instant-text.js';
import type { ItemDefinition } from '../item.js';
import type { Program } from '../program.js';
import { type Refusal, refuse } from '../refusal.js';
import type { StepDefinition } from '../types.js';
import type { Actor } from './records.js';

export function checkActor(actor: unknown): Refusal | undefined {
  const a = actor as Partial<Actor> | undefined;
  if (!a || typeof a.id !== 'string' || !Array.isArray(a.roles)) {
    return refuse(
      'invalid-actor',
      'core.actor',
      ['actor'],
      'The actor needs an id (a string) and roles (a list of role ids).',
    );
  }
  // The id is what the history and the refusal log say about who did it: it must say something.
  if (a.id.trim() === '') {
    return refuse(
      'invalid-actor',
      'core.actor',
      ['actor', 'id'],
      `The actor's id ${JSON.stringify(a.id)} is blank; give the id of the person or body that sends the event, e.g. "pm-dana".`,
    );
  }
  return undefined;
}

/** The instants an event may carry: its date must be one the timing model plans with. */
export const EARLIEST = Date.UTC(1900, 0, 2);
export const LATEST = Date.UTC(2200, 11, 30);

export function instantOf(
  at: Instant | undefined,
  clock: Clock,
): { iso: string; time: number } | Refusal {
  const time = at === undefined ? clock.now() : toEpoch(at);
  if (!Number.isFinite(time)) {
    return refuse(
      'invalid-instant',
      'core.instant',
      ['at'],
      `The instant ${JSON.stringify(at)} is not a valid date-time; give a Date, epoch milliseconds or an ISO string.`,
    );
  }
  if (time < EARLIEST || time > LATEST) {
    return refuse(
      'invalid-instant',
      'core.instant',
      ['at'],
      `The instant ${new Date(time).toISOString()} is outside the years 1900 to 2200 that plans are made in; give the date-time the event happened.`,
    );
  }
  const now = clock.now();
  if (time > now) {
    return refuse(
      'future-event',
      'core.no-future',
      ['at'],
      `The event is dated ${new Date(time).toISOString()}, after the clock's now (${new Date(now).toISOString()}); record what has happened.`,
    );
  }
  return { iso: isoOf(time), time };
}

/** The roles and rules of what an event targets: a step, or an item kind's creation or event. */
export function specOf(
  program: Program,
  target: EventTarget,
):
  | { readonly by: readonly string[]; readonly rules: readonly { id: string; reason: Label }[] }
  | undefined {
  if ('step' in target) {
    const step = (program.steps as Record<string, StepDefinition>)[target.step];
    // A skip checks no rules of the step (they judge what is recorded); its roles are its own.
    return target.phase === 'skip' ? { by: step?.skip?.by ?? [], rules: [] } : step;
  }
  if ('ending' in target) return { by: program.ending?.[target.ending]?.by ?? [], rules: [] };
  const item = (program.items as Record<string, ItemDefinition>)[target.kind];
  return target.event === 'create' ? item?.create : item?.events[target.event];
}

export function unknownEvent(program: Program, type: unknown): Refusal {
  return refuse(
    'unknown-event',
    'core.known-event',
    ['type'],
    `"${String(type)}" is not an event of program "${program.id}". A step's event is its id (a span's: "<id>.start", "<id>.finish"; an optional step's skip: "<id>.skip").`,
  );
}
