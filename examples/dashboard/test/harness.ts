import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, statSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { ROOT } from '../server/build-page.js';

// What the end-to-end test and the screenshots share: the real server (`server/main.ts`, as
// `npm start` runs it) on a free port, and Chromium driven by playwright-core: Debian's where it is
// installed, otherwise the build that the npm package `@sparticuz/chromium` ships (no download).

/** A running dashboard server. */
export interface RunningServer {
  /** Its address, ending in `/`. */
  readonly url: string;
  /** Stops it (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Debian's Chromium (`apt-get install chromium`). */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Whether `path` is a file this process may run (a fresh-machine check may mount /dev/null there). */
function runnable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium to drive: CHROMIUM_PATH, else Debian's, else `@sparticuz/chromium`'s binary (the
 * npm package holds it compressed and unpacks it into the temporary folder on first use).
 */
export async function chromiumPath(): Promise<string> {
  const given = process.env.CHROMIUM_PATH;
  if (given) return given;
  if (runnable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/**
 * Starts `server/main.ts --port 0 --no-build` with `args` (the page must be built), and resolves
 * once it prints its address.
 */
export async function startServer(args: readonly string[] = []): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', '0', '--no-build', ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Dashboard: (http:\/\/\S+\/)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it started:\n${output}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Launches Chromium (see `chromiumPath`) headless, without the sandbox (containers) and the GPU. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromiumPath();
  console.log(`Chromium: ${executablePath}`);
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      // Containers often give /dev/shm 64 MB, too little for Chromium's renderer.
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
