/**
 * `@maslul/store/pglite`: the embedded store, PostgreSQL in WebAssembly (PGlite) in a local
 * folder, in memory, or in a browser's IndexedDB. Needs the peer dependency
 * `@electric-sql/pglite`.
 *
 * @packageDocumentation
 */

export { type FolderLock, lockPGliteFolder } from './folder-lock.js';
export { pgliteClient } from './pglite-client.js';
export { createPGliteStore } from './pglite-store.js';
