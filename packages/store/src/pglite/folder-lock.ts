// One process per PGlite folder. PGlite takes no lock of its own (its postmaster.pid holds a
// made-up pid), and two processes writing one folder lose acknowledged events.
//
// The lock is a folder beside the data folder (`<dataDir>.lock`, so emptying the data folder
// keeps it), holding one file per opener named after its pid. An opener writes its file first,
// then reads the others: any other opener whose process is alive means "in use", and it takes
// its own file back and refuses. Of two openers, the later one to read always sees the other's
// file, so two can never both hold the folder (at worst two that start at the same moment both
// refuse). A file whose process is gone (a crash, a kill) is removed by the next opener: nothing
// stays stuck. Liveness is `process.kill(pid, 0)`, which only means something on this machine:
// a file written on another host counts as alive.
import { storeError } from '../errors.js';

/** The Node modules the lock uses, typed here: the package is typed for browsers too. */
interface Fs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string, options: { flag: 'wx' }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  unlink(path: string): Promise<void>;
}
interface Node {
  readonly fs: Fs;
  readonly unlinkSync: (path: string) => void;
  readonly resolve: (path: string) => string;
  readonly join: (...parts: string[]) => string;
  readonly hostname: string;
  readonly process: {
    readonly pid: number;
    kill(pid: number, signal: 0): void;
    once(event: 'exit', listener: () => void): void;
    off(event: 'exit', listener: () => void): void;
  };
}

interface Holder {
  readonly pid: number;
  readonly host: string;
}

/**
 * A held PGlite folder. See {@link lockPGliteFolder}.
 *
 * @example
 * ```ts
 * import type { FolderLock } from '@maslul/store/pglite';
 *
 * const done = (lock: FolderLock) => lock.release();
 * ```
 * @category PGlite
 */
export interface FolderLock {
  /** The folder held, as an absolute path. */
  readonly folder: string;
  /** Lets the folder go; a second call does nothing. */
  release(): Promise<void>;
}

const isNodePath = (dataDir: string): boolean =>
  !/^[a-z]+:\/\//i.test(dataDir) &&
  (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !==
    undefined;

async function node(): Promise<Node> {
  const [fs, fsSync, path, os] = await Promise.all([
    import('node:fs/promises' as string) as Promise<Fs>,
    import('node:fs' as string) as Promise<{ unlinkSync: (path: string) => void }>,
    import('node:path' as string) as Promise<Pick<Node, 'resolve' | 'join'>>,
    import('node:os' as string) as Promise<{ hostname(): string }>,
  ]);
  return {
    fs,
    unlinkSync: fsSync.unlinkSync,
    resolve: path.resolve,
    join: path.join,
    hostname: os.hostname(),
    process: (globalThis as unknown as { process: Node['process'] }).process,
  };
}

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

function alive(n: Node, holder: Holder): boolean {
  if (holder.host !== n.hostname) return true; // another machine's pid cannot be checked here
  try {
    n.process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM'; // alive, but another user's
  }
}

async function holderOf(n: Node, file: string): Promise<Holder | undefined> {
  try {
    const parsed = JSON.parse(await n.fs.readFile(file, 'utf8')) as Partial<Holder>;
    if (Number.isInteger(parsed.pid) && typeof parsed.host === 'string') return parsed as Holder;
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined; // let go meanwhile
  }
  // A file no opener wrote (they are renamed into place whole): hold back, as if alive.
  return { pid: Number.NaN, host: '' };
}

/**
 * Takes a PGlite folder for this process, or refuses if another live process (or another store
 * of this one) has it open. `createPGliteStore({ dataDir })` takes it by itself; call this before
 * `PGlite.create(folder)` when you open the database yourself and give the store `db`. A lock
 * left by a process that died is taken over at once. In a browser, and for `memory://` or
 * `idb://` addresses, there is nothing to lock: it resolves to a lock that holds nothing.
 *
 * @param dataDir - the PGlite folder
 * @returns the lock; release it after closing the database
 * @throws MaslulError `folder-in-use`, naming the folder and the process that holds it
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { createPGliteStore, lockPGliteFolder } from '@maslul/store/pglite';
 *
 * const lock = await lockPGliteFolder('./data/maslul');
 * const db = await PGlite.create('./data/maslul');
 * const store = await createPGliteStore({ db });
 * // ...
 * await store.close();
 * await db.close();
 * await lock.release();
 * ```
 * @category PGlite
 */
export async function lockPGliteFolder(dataDir: string): Promise<FolderLock> {
  if (!isNodePath(dataDir)) return { folder: dataDir, release: async () => {} };
  const n = await node();
  const folder = n.resolve(dataDir);
  const locks = `${folder}.lock`;
  await n.fs.mkdir(locks, { recursive: true });
  const me: Holder = { pid: n.process.pid, host: n.hostname };
  const name = `${me.pid}-${globalThis.crypto.randomUUID()}`;
  const mine = n.join(locks, name);
  // Written whole under another name, then renamed: a file of the lock folder is never half-written.
  const draft = n.join(locks, `.${name}.draft`);
  await n.fs.writeFile(draft, JSON.stringify(me), { flag: 'wx' });
  await n.fs.rename(draft, mine);

  let held = true;
  const releaseNow = () => {
    if (!held) return;
    held = false;
    try {
      n.unlinkSync(mine);
    } catch {
      // gone already
    }
  };
  // A process that exits without closing the store lets the folder go too; one that is killed
  // leaves its file, which the next opener finds dead.
  n.process.once('exit', releaseNow);
  const release = async () => {
    n.process.off('exit', releaseNow);
    releaseNow();
  };

  for (const entry of await n.fs.readdir(locks)) {
    if (entry === name || entry.startsWith('.')) continue;
    const file = n.join(locks, entry);
    const holder = await holderOf(n, file);
    if (holder === undefined) continue;
    if (alive(n, holder)) {
      await release();
      throw folderInUse(folder, holder, me);
    }
    await n.fs.unlink(file).catch(() => undefined); // its process is gone
  }
  return { folder, release };
}

function folderInUse(folder: string, holder: Holder, me: Holder): Error {
  const who = Number.isNaN(holder.pid)
    ? 'another process (its lock file cannot be read)'
    : holder.host !== me.host
      ? `process ${holder.pid} on "${holder.host}"`
      : holder.pid === me.pid
        ? `this process (${holder.pid}), through another store or database it opened`
        : `process ${holder.pid}`;
  return storeError(
    'folder-in-use',
    'store.one-process-per-folder',
    ['dataDir'],
    `The PGlite folder "${folder}" is in use by ${who}; nothing was opened. Two processes on one folder lose each other's events: stop the other one (or close its store) first, or use @maslul/store/postgres for several processes. If no such process runs, delete "${folder}.lock".`,
  );
}
