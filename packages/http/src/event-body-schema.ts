import { z } from '@hono/zod-openapi';
import {
  itemCreateType,
  itemEventType,
  type Label,
  labelIn,
  MaslulError,
  type Program,
  type Schema,
  spanFinishType,
  spanStartType,
  stepSkipType,
} from '@maslul/core';
import { atSchema } from './schemas.js';

/** One event type of a program: what its body carries and who may send it. */
export interface EventKind {
  readonly type: string;
  readonly label: Label;
  readonly by: readonly string[];
  /** The payload schema; undefined when the event takes no payload. */
  readonly payload: Schema | undefined;
  /** Whether the event names an item (`<kind>.create`, `<kind>.<event>`). */
  readonly item: boolean;
}

/**
 * Every event type of a program, by type: a step's id (a span's `<id>.start` and `<id>.finish`,
 * an optional step's `<id>.skip` too),
 * and each item kind's `<kind>.create` and `<kind>.<event>`. A Map, so a type such as
 * `"constructor"` is never read off `Object.prototype`.
 */
export function eventKindsOf(program: Program): ReadonlyMap<string, EventKind> {
  const kinds = new Map<string, EventKind>();
  const add = (kind: EventKind) => kinds.set(kind.type, kind);
  for (const step of Object.values(program.steps)) {
    const { id, label, by, payload } = step;
    if (step.kind === 'span') {
      add({ type: spanStartType(id), label, by, payload: undefined, item: false });
      add({ type: spanFinishType(id), label, by, payload, item: false });
    } else {
      add({ type: id, label, by, payload, item: false });
    }
    // An optional step is skipped with the reason, by the roles its `optional` names.
    if (step.skip) {
      const { by } = step.skip;
      add({ type: stepSkipType(id), label, by, payload: REASON_PAYLOAD, item: false });
    }
  }
  for (const item of Object.values(program.items)) {
    const { by, payload } = item.create;
    add({ type: itemCreateType(item.kind), label: item.label, by, payload, item: true });
    for (const [name, event] of Object.entries(item.events)) {
      const { label, by, payload } = event;
      add({ type: itemEventType(item.kind, name), label, by, payload, item: true });
    }
  }
  // Ending a run: `run.cancel` and `run.close`, each with a reason, where the program declares it.
  for (const [type, how, label] of ENDINGS) {
    const by = program.ending?.[how]?.by;
    if (by) add({ type, label, by, payload: REASON_PAYLOAD, item: false });
  }
  return kinds;
}

/** The reserved events that end a run, the way each ends it, and its label. */
const ENDINGS = [
  ['run.cancel', 'cancel', { en: 'Cancel the run', he: 'ביטול התוכנית' }],
  ['run.close', 'close', { en: 'Close the run', he: 'סגירת התוכנית' }],
] as const;

/** Why the run ends, or the step is skipped: the payload of `run.cancel`, `run.close` and `<id>.skip`. */
const REASON_PAYLOAD = z.strictObject({ reason: z.string().trim().min(1) });

function variantOf(kind: EventKind) {
  const roles = kind.by.map((role) => `"${role}"`).join(', ');
  return z
    .strictObject({
      type: z.literal(kind.type),
      ...(kind.payload ? { payload: kind.payload } : {}),
      ...(kind.item
        ? { item: z.string().min(1).max(200).openapi({ description: 'The item id' }) }
        : {}),
      at: atSchema.optional().openapi({
        description: "When it happened; the server's now by default. Never in the future.",
      }),
    })
    .openapi(`Event.${kind.type}`, {
      description: `${labelIn(kind.label, 'en')}. Sent by: ${roles}.`,
    });
}

/**
 * The body of `POST /instances/{id}/events` for a program, as one zod schema: a union on `type`
 * with one strict object per event type, each with the payload schema the program's step or
 * item event declares (and `item` for item events). The app documents its OpenAPI request body
 * with it; a client can check a form with it before sending. The server checks the envelope and
 * lets the runtime check the payload, so its refusals name the program's rule ids.
 *
 * @param program - the program the instances run
 * @returns the schema of an event body
 *
 * @example
 * ```ts
 * import { kehilaMetiva } from '@maslul/kehila-metiva';
 * import { eventBodySchema } from '@maslul/http';
 *
 * const body = eventBodySchema(kehilaMetiva);
 * body.safeParse({ type: 'S2.start' }).success; // true
 * body.safeParse({ type: 'S2.start', payload: {} }).success; // false: a span's start takes none
 * ```
 * @category OpenAPI
 */
export function eventBodySchema(program: Program): z.ZodType {
  const variants = [...eventKindsOf(program).values()].map(variantOf);
  const [first, ...rest] = variants;
  if (!first) {
    throw new MaslulError([
      {
        code: 'empty-program',
        path: ['steps'],
        rule: 'core.track-steps',
        message: `Program "${program.id}" has no events; build it with defineProgram(...).build().`,
      },
    ]);
  }
  return z.discriminatedUnion('type', [first, ...rest]).openapi('EventBody');
}
