import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { MaslulStore } from '@maslul/store';
import { createPGliteStore, type FolderLock, lockPGliteFolder } from '@maslul/store/pglite';
import { checkDataFolder } from './folder-check.js';
import { demoCommand, shown } from './options.js';

// The PGlite folder. Since `--data` can name any folder, only one that is empty or holds a
// PostgreSQL data directory (PG_VERSION) is ever emptied.
//
// A fresh run starts from an empty store, but keeps the database cluster when the folder has one:
// it drops the store's schema instead of deleting the files. Creating a cluster (PGlite's initdb,
// in WebAssembly) takes about ten times as long as opening one (measured here: 10-14 s against
// 0.8 s on a busy 2-core machine), and would be paid on every `npm run demo`.

/** The store's schema: all of the run's state (events, snapshots, timers) is in it. */
const SCHEMA = 'maslul';

/** An open store, and how to close it with the database under it. */
export interface OpenedStore {
  readonly store: MaslulStore;
  close(): Promise<void>;
}

const isDatabase = (dir: string) => existsSync(join(dir, 'PG_VERSION'));

/**
 * Opens the store in `dir`: as it is to resume a run, or emptied of any earlier run's state for
 * a fresh one (a new or empty folder is made into a database).
 */
export async function openDataFolder(
  dir: string,
  { fresh }: { readonly fresh: boolean },
): Promise<OpenedStore> {
  checkDataFolder(dir, { resume: !fresh });
  if (!fresh) {
    // Opening a folder with no database would start an empty one: say so instead.
    if (!isDatabase(dir)) {
      throw new Error(
        `There is no stored run in "${shown(dir)}"; start one with \`${demoCommand('--until 2027-03-01', dir)}\`.`,
      );
    }
    return opened(await createPGliteStore({ dataDir: dir, schema: SCHEMA }));
  }
  // A fresh run empties the folder: take it first, so a run live in another process is refused
  // (`folder-in-use`, naming that process) instead of wiped.
  const lock = await lockPGliteFolder(dir);
  try {
    if (isDatabase(dir)) {
      const db = await PGlite.create(dir).catch(() => undefined);
      if (db) {
        try {
          await db.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
          return await openedOn(db, lock);
        } catch {
          await db.close().catch(() => undefined);
        }
      }
      // A database this PGlite cannot open or reset: start the folder again.
    }
    emptyDataFolder(dir);
    return await openedOn(await PGlite.create(dir), lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** A store on `db`, which it closes with the database and then lets the folder go. */
async function openedOn(db: PGlite, lock: FolderLock): Promise<OpenedStore> {
  const store = await createPGliteStore({ db, schema: SCHEMA });
  return {
    store,
    close: async () => {
      await store.close(); // leaves a database it was given open
      await db.close();
      await lock.release();
    },
  };
}

const opened = (store: MaslulStore): OpenedStore => ({ store, close: () => store.close() });

/** Makes `dir` an empty folder; refuses a folder that holds anything but a database. */
function emptyDataFolder(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!isDatabase(dir)) {
      throw new Error(
        `The folder "${shown(dir)}" is not empty and holds no PGlite database, so the demo will not empty it; give --data a new or empty folder.`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}
