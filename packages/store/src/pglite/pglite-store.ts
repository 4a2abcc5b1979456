import { PGlite } from '@electric-sql/pglite';
import { quoteSchema } from '../sql/migrate.js';
import { createSqlStore } from '../sql/sql-store.js';
import type { MaslulStore } from '../timer-store.js';
import { lockPGliteFolder } from './folder-lock.js';
import { pgliteClient } from './pglite-client.js';

/**
 * The embedded store: PostgreSQL (PGlite, in WebAssembly) in a local folder, with no server to
 * install; in memory when no folder is given. One process at a time may open a folder: a second
 * one (or a second store of this process) is refused with `folder-in-use`, naming the process
 * that has it (see {@link lockPGliteFolder}). For several app instances use
 * `@maslul/store/postgres`.
 *
 * @param options - `dataDir` (a folder, `memory://` or, in a browser, `idb://name`), or an open
 *   `db`; the `schema` (default `"maslul"`)
 * @returns the store, migrated; `close()` closes the database if the store opened it, and lets
 *   the folder go
 * @throws MaslulError `folder-in-use` when another live process has the folder open
 *
 * @example
 * ```ts
 * import { createPGliteStore } from '@maslul/store/pglite';
 *
 * const store = await createPGliteStore({ dataDir: './data/maslul' });
 * // ... createRuntime(program, { store, clock })
 * await store.close();
 * ```
 * @category PGlite
 */
export async function createPGliteStore(
  options: {
    readonly dataDir?: string | undefined;
    readonly db?: PGlite | undefined;
    readonly schema?: string | undefined;
  } = {},
): Promise<MaslulStore> {
  quoteSchema(options.schema ?? 'maslul'); // a bad name is refused before a database opens
  if (options.db !== undefined) {
    return createSqlStore(pgliteClient(options.db), { schema: options.schema, appendAsText: true });
  }
  const dataDir = options.dataDir || 'memory://';
  // Taken before PGlite opens anything: a second opener must not even replay the WAL.
  const lock = await lockPGliteFolder(dataDir);
  let db: PGlite | undefined;
  try {
    await makeFolder(dataDir);
    db = await PGlite.create(dataDir);
    const opened = db;
    const client = pgliteClient(opened);
    return await createSqlStore(
      {
        ...client,
        close: async () => {
          try {
            await opened.close();
          } finally {
            await lock.release();
          }
        },
      },
      { schema: options.schema, closeClient: true, appendAsText: true },
    );
  } catch (error) {
    await db?.close().catch(() => undefined);
    await lock.release();
    throw error;
  }
}

/**
 * PGlite creates its folder but not the folders above it (`./data/maslul` fails with ENOENT when
 * `./data` is missing). A plain path, in Node, gets its parents made first; `memory://`, `idb://`
 * and `file://` addresses are PGlite's to handle.
 */
async function makeFolder(dataDir: string): Promise<void> {
  // The package is typed for browsers too (no Node types): read `process` off globalThis.
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions
    ?.node;
  if (/^[a-z]+:\/\//i.test(dataDir) || !node) return;
  type Fs = { mkdir(path: string, options: { recursive: true }): Promise<unknown> };
  const fs: Fs = await import('node:fs/promises' as string);
  await fs.mkdir(dataDir, { recursive: true });
}
