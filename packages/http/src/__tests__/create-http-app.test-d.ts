import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '@maslul/core';
import type { KehilaMetiva } from '@maslul/kehila-metiva';
import { describe, expectTypeOf, it } from 'vitest';
import { type Authenticate, createHttpApp, type HttpEnv } from '../index.js';

declare const runtime: Runtime<KehilaMetiva>;

describe('createHttpApp', () => {
  it('requires authenticate: there is no open default', () => {
    // @ts-expect-error authenticate is missing
    createHttpApp({ runtime });
    // @ts-expect-error an actor needs roles
    createHttpApp({ runtime, authenticate: () => ({ id: 'dana' }) });
    createHttpApp({ runtime, authenticate: async () => undefined });
  });

  it('returns an OpenAPIHono app whose handlers see the actor', () => {
    const app = createHttpApp({ runtime, authenticate: () => ({ id: 'dana', roles: [] }) });
    expectTypeOf(app).toEqualTypeOf<OpenAPIHono<HttpEnv>>();
    expectTypeOf(app.fetch).parameter(0).toEqualTypeOf<Request>();
  });

  it('takes the Web-standard Request', () => {
    expectTypeOf<Authenticate>().parameter(0).toEqualTypeOf<Request>();
  });
});
