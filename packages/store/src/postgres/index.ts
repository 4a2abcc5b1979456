/**
 * `@maslul/store/postgres`: the store on a PostgreSQL server through `pg`, for several app
 * instances sharing one database. Needs the peer dependency `pg`.
 *
 * @packageDocumentation
 */

export { pgClient } from './pg-client.js';
export { createPostgresStore } from './postgres-store.js';
