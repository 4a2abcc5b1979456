/// <reference types="node" />
// Vitest global setup: the PostgreSQL server the store's tests run against. DATABASE_URL names
// one (an existing server, e.g. a production-like version); without it, a server is started from
// the npm registry's binaries (scripts/postgres-server.ts) and stopped after the run.
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the tests use. */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return;
  }
  const server = await startPostgresServer();
  console.log(`PostgreSQL ${server.version} (embedded, from npm) at ${server.url}`);
  project.provide('databaseUrl', server.url);
  return () => server.stop();
}
