import { kehilaMetiva } from '@maslul/kehila-metiva';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { eventBodySchema } from '../index.js';
import { as, people, setUp } from './fixture.js';

/** The parts of JSON Schema the checks read. */
interface JsonSchema {
  readonly type?: string | string[] | undefined;
  readonly $ref?: string | undefined;
  readonly description?: string | undefined;
  readonly properties?: Record<string, JsonSchema> | undefined;
  readonly required?: string[] | undefined;
  readonly additionalProperties?: unknown;
  readonly items?: JsonSchema | undefined;
  readonly enum?: unknown[] | undefined;
  readonly oneOf?: JsonSchema[] | undefined;
  readonly discriminator?: { readonly propertyName: string } | undefined;
}
const jsonSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z.looseObject({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    $ref: z.string().optional(),
    description: z.string().optional(),
    properties: z.record(z.string(), jsonSchema).optional(),
    required: z.array(z.string()).optional(),
    additionalProperties: z.unknown().optional(),
    items: jsonSchema.optional(),
    enum: z.array(z.unknown()).optional(),
    oneOf: z.array(jsonSchema).optional(),
    discriminator: z.object({ propertyName: z.string() }).optional(),
  }),
);
const content = z.record(z.string(), z.object({ schema: jsonSchema }));
const operation = z.object({
  summary: z.string().min(1),
  parameters: z
    .array(
      z.object({
        in: z.enum(['path', 'query', 'header']),
        name: z.string(),
        required: z.boolean(),
      }),
    )
    .optional(),
  requestBody: z.object({ required: z.boolean(), content }).optional(),
  responses: z.record(
    z.string(),
    z.object({ description: z.string().min(1), content: content.optional() }),
  ),
});
/** An OpenAPI 3.1 document, as far as these tests read it: structure checked, not assumed. */
const openApiDocument = z.object({
  openapi: z.literal('3.1.0'),
  info: z.object({ title: z.string().min(1), version: z.string() }),
  paths: z.record(z.string(), z.partialRecord(z.enum(['get', 'post']), operation)),
  components: z.object({ schemas: z.record(z.string(), jsonSchema) }),
});

async function documentOf(app: ReturnType<typeof setUp>['app']) {
  const response = await app.request('/openapi.json', { headers: as(people.resident) });
  expect(response.status).toBe(200);
  return openApiDocument.parse(await response.json());
}

/** Every event type of the program, from its definition. */
const eventTypes = [
  ...Object.values(kehilaMetiva.steps).flatMap((step) =>
    step.kind === 'span' ? [`${step.id}.start`, `${step.id}.finish`] : [step.id],
  ),
  ...Object.values(kehilaMetiva.items).flatMap((item) => [
    `${item.kind}.create`,
    ...Object.keys(item.events).map((event) => `${item.kind}.${event}`),
  ]),
];

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document of every route, with the error body on each error answer', async () => {
    const document = await documentOf(setUp().app);
    expect(document.info.version).toBe('1');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/instances',
      '/instances/{id}',
      '/instances/{id}/events',
      '/instances/{id}/history',
      '/instances/{id}/refusals',
      '/instances/{id}/schedule',
    ]);
    const events = document.paths['/instances/{id}/events']?.post;
    expect(Object.keys(events?.responses ?? {}).sort()).toEqual(
      ['200', '201', '400', '401', '403', '404', '409', '413', '415', '422'].sort(),
    );
    expect(events?.responses['403']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(events?.parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'Idempotency-Key', required: false }),
    );
    expect(events?.parameters).toContainEqual({ in: 'path', name: 'id', required: true });
    expect(document.components.schemas.Error?.properties?.error?.required?.sort()).toEqual([
      'code',
      'issues',
      'message',
    ]);
  });

  it("documents one body per event type, each with its step's payload schema", async () => {
    const { components, paths } = await documentOf(setUp().app);
    const body = paths['/instances/{id}/events']?.post?.requestBody;
    expect(body?.required).toBe(true);
    expect(body?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/EventBody',
    });
    const union = components.schemas.EventBody;
    expect(union?.oneOf?.map((variant) => variant.$ref).sort()).toEqual(
      eventTypes.map((type) => `#/components/schemas/Event.${type}`).sort(),
    );
    expect(union?.discriminator?.propertyName).toBe('type');

    const s0 = components.schemas['Event.S0'];
    expect(s0?.additionalProperties).toBe(false);
    expect(s0?.required?.sort()).toEqual(['payload', 'type']);
    expect(s0?.properties?.type?.enum).toEqual(['S0']);
    const payload = s0?.properties?.payload;
    expect(payload?.required?.sort()).toEqual(['channels', 'focusAreas', 'timeline']);
    expect(payload?.properties?.channels?.items?.enum).toEqual([
      'social',
      'educational',
      'urban',
      'economic',
    ]);
    expect(s0?.description).toContain('"steeringCommittee"');
    expect(Object.keys(components.schemas['Event.S2.start']?.properties ?? {}).sort()).toEqual([
      'at',
      'type',
    ]);
    expect(components.schemas['Event.initiative.create']?.required?.sort()).toEqual([
      'item',
      'payload',
      'type',
    ]);
  });

  it('lists the calendar only when the app has an export', async () => {
    const withExport = setUp({ app: { exportCalendar: () => 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' } });
    const { paths } = await documentOf(withExport.app);
    const calendar = paths['/instances/{id}/calendar.ics']?.get;
    expect(Object.keys(calendar?.responses['200']?.content ?? {})).toEqual(['text/calendar']);
  });
});

describe('eventBodySchema', () => {
  const schema = eventBodySchema(kehilaMetiva);

  it('takes each event type with the payload its step declares', () => {
    expect(schema.safeParse({ type: 'S2.start' }).success).toBe(true);
    expect(schema.safeParse({ type: 'Q', at: '2026-12-07T09:00:00+02:00' }).success).toBe(true);
    expect(
      schema.safeParse({
        type: 'S0',
        payload: {
          focusAreas: [{ id: 'neve-rimon', name: 'Neve Rimon' }],
          channels: ['social'],
          timeline: { start: '2026-09-07', plannedEnd: '2027-09-07' },
        },
      }).success,
    ).toBe(true);
  });

  it('refuses unknown types, payloads where none is taken, items on step events, unknown fields', () => {
    for (const body of [
      { type: 'S42' },
      { type: 'S2.start', payload: {} },
      { type: 'Q', item: 'x' },
      { type: 'Q', note: 'hello' },
      { type: 'S0', payload: { channels: [] } },
      { type: 'initiative.stop' },
    ]) {
      expect([body, schema.safeParse(body).success]).toEqual([body, false]);
    }
  });
});
