// `z` comes from @hono/zod-openapi, which adds `.openapi()` to zod's schemas before any of these
// are built. It is zod's own `z`: that package imports all of zod anyway, so the house rule of
// `import * as z from 'zod'` (a tree-shaking rule for browser code) would save nothing here.
import { z } from '@hono/zod-openapi';

/** An instance id, as the runtime takes it: 1 to 200 characters. */
export const instanceIdSchema = z.string().min(1).max(200).openapi({
  description: 'The instance id: 1 to 200 characters of text without control characters',
  example: 'ramat-hateenim',
});

/** The path of every instance route. */
export const instanceParams = z.object({
  id: instanceIdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

/** When an event happened: an ISO date-time with its offset, never after the server's now. */
export const atSchema = z.iso
  .datetime({
    offset: true,
    error: 'give an ISO date-time with its offset, such as "2026-09-22T09:00:00+03:00"',
  })
  .openapi({ example: '2026-09-22T09:00:00+03:00' });

/** `POST /instances`. */
export const createInstanceBody = z
  .strictObject({
    id: instanceIdSchema,
    start: z.iso
      .date({ error: 'give a plain date, such as "2026-09-07"' })
      .openapi({ description: 'The program start', example: '2026-09-07' }),
  })
  .openapi('CreateInstance');

/**
 * What `POST /instances/{id}/events` checks before the runtime: the envelope of an event. The
 * runtime checks the rest (the type, the roles, the payload against the step's schema, the
 * rules), so a refusal names the program's own rule ids.
 */
export const eventEnvelope = z.strictObject({
  type: z.string().min(1).max(200),
  payload: z.unknown().optional(),
  item: z.string().min(1).max(200).optional(),
  at: atSchema.optional(),
});

/** The headers of `POST /instances/{id}/events`. */
export const eventHeaders = z.object({
  'Idempotency-Key': z.string().min(1).max(200).optional().openapi({
    description:
      'A key the client chooses per intended event: a retry with it is applied once and answers with the first entry (200).',
    example: 'form-7f3a',
  }),
});

/** `GET /instances/{id}/schedule`. */
export const scheduleQuery = z.object({
  at: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: 'give a plain date ("2027-01-10") or an ISO date-time with its offset',
    })
    .optional()
    .openapi({
      description:
        "The instant (or plain date) the statuses are read at; the server's now by default.",
      example: '2027-01-10',
    }),
});

const deadlineSchema = z
  .object({
    id: z.string(),
    step: z.string(),
    kind: z.enum(['opens', 'due', 'overdue']),
    date: z.string(),
    at: z.number().openapi({ description: 'Epoch milliseconds' }),
    act: z
      .object({ type: z.string(), item: z.string().optional() })
      .optional()
      .openapi({ description: 'The event the timer worker records when this deadline passes' }),
  })
  .openapi('Deadline');

const currentSchema = z
  .record(z.string(), z.object({ step: z.string(), running: z.boolean() }).readonly())
  .readonly()
  .openapi({ description: 'The step each track is at ("done" when finished)' });

/** An instance as the reading routes answer it. */
export const instanceBody = z
  .object({
    id: z.string(),
    program: z.object({ id: z.string(), version: z.number() }),
    version: z.number().openapi({ description: 'The seq of the last stored event' }),
    current: currentSchema,
    deadlines: z.array(deadlineSchema).readonly(),
  })
  .openapi('Instance');

const actorSchema = z.object({ id: z.string(), roles: z.array(z.string()).readonly() });

/** A stored event, as the history keeps it. */
export const entrySchema = z
  .object({
    seq: z.number(),
    type: z.string(),
    payload: z.unknown().optional(),
    at: z.string(),
    date: z.string(),
    actor: actorSchema,
    idempotencyKey: z.string().optional(),
    trace: z
      .array(
        z.object({ rule: z.string(), step: z.string(), passed: z.boolean(), reason: z.string() }),
      )
      .readonly(),
    item: z.string().optional(),
  })
  .openapi('Entry');

/** The answer to an accepted event. */
export const sentBody = z
  .object({
    entry: entrySchema,
    duplicate: z
      .boolean()
      .openapi({ description: 'True when the Idempotency-Key was seen before' }),
    deadlines: z.array(deadlineSchema).readonly(),
  })
  .openapi('Sent');

/** The answer to `GET /instances/{id}/history`. */
export const historyBody = z
  .object({ entries: z.array(entrySchema).readonly() })
  .openapi('History');

/** A refused event, as the refusal log keeps it. */
export const refusalSchema = z
  .object({
    at: z
      .string()
      .openapi({ description: 'When it was refused (the server clock), an ISO instant' }),
    actor: actorSchema,
    type: z.string(),
    item: z.string().optional(),
    code: z.string(),
    rule: z.string(),
    path: z.array(z.union([z.string(), z.number()])).readonly(),
    message: z.string(),
    idempotencyKey: z.string().optional(),
  })
  .openapi('Refusal');

/** The answer to `GET /instances/{id}/refusals`. */
export const refusalsBody = z
  .object({ refusals: z.array(refusalSchema).readonly() })
  .openapi('Refusals');

const windowSchema = z.object({ earliest: z.string(), latest: z.string() });

const plannedStepSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    label: z.string(),
    group: z.string().optional(),
    start: z.string(),
    finish: z.string(),
    window: windowSchema,
    finishWindow: windowSchema,
    dependsOn: z.array(z.string()).readonly(),
    recorded: z.object({ start: z.boolean(), finish: z.boolean() }),
    slack: z.number().nullable(),
    critical: z.boolean(),
  })
  .openapi('PlannedStep');

/** The answer to `GET /instances/{id}/schedule`: the plan and each step's status. */
export const scheduleBody = z
  .object({
    plan: z.object({
      start: z.string(),
      finish: z.string(),
      targets: z.array(z.string()).readonly(),
      calendar: z.object({ id: z.string(), timeZone: z.string() }),
      steps: z.record(z.string(), plannedStepSchema).readonly(),
      order: z.array(z.string()).readonly(),
    }),
    status: z.record(
      z.string(),
      z.enum(['done', 'skipped', 'in-progress', 'upcoming', 'open', 'overdue']),
    ),
    ended: z
      .object({
        status: z.enum(['cancelled', 'closed']),
        reason: z.string(),
        date: z.string(),
        by: z.string(),
      })
      .optional()
      .openapi({
        description:
          'How the run ended (run.cancel or run.close), when it has: the statuses are as of that date, and it plans nothing more',
      }),
  })
  .openapi('Schedule');

/** `GET /instances`: which instances, and which page. */
export const listQuery = z.strictObject({
  program: instanceIdSchema.optional().openapi({
    description:
      "Only instances of this program id; this server's program is in the document's description (another id lists none)",
    example: 'kehila-metiva',
  }),
  status: z
    .enum(['running', 'done', 'cancelled', 'closed'], {
      error: 'give "running", "done", "cancelled" or "closed"',
    })
    .optional()
    .openapi({
      description:
        'Only instances running, done (every track finished), cancelled or closed (ended by run.cancel or run.close)',
    }),
  overdue: z.enum(['true', 'false'], { error: 'give "true" or "false"' }).optional().openapi({
    description: '"true": only instances with a step overdue now; "false": only those with none',
  }),
  cursor: instanceIdSchema.optional().openapi({
    description: 'The "next" of the page before; the first page without it',
    example: 'ramat-hateenim',
  }),
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/, { error: 'give a whole number from 1 to 500' })
    .refine((text) => Number(text) <= 500, { error: 'give a whole number from 1 to 500' })
    .optional()
    .openapi({
      description: 'At most this many instances (default 50, at most 500)',
      example: '20',
    }),
});

/** One instance of `GET /instances`. */
export const instanceSummarySchema = z
  .object({
    id: z.string(),
    program: z.object({ id: z.string(), version: z.number() }),
    start: z.string(),
    version: z.number().openapi({ description: 'The seq of the last stored event' }),
    status: z.enum(['running', 'done', 'cancelled', 'closed']),
    current: currentSchema,
    overdue: z
      .array(z.string())
      .readonly()
      .openapi({ description: "The steps overdue at the server's now, in plan order" }),
  })
  .openapi('InstanceSummary');

/** The answer to `GET /instances`. */
export const instancePageBody = z
  .object({
    instances: z.array(instanceSummarySchema).readonly(),
    next: z.string().optional().openapi({
      description:
        'The cursor of the next page; absent on the last (a page may be short, or empty, and still have one)',
    }),
  })
  .openapi('InstancePage');
