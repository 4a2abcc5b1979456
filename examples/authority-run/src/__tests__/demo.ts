import { execFile } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs the demo as `npm run demo -- <args>` does (`tsx src/main.ts` in the example's folder).

const exampleDir = fileURLToPath(new URL('../..', import.meta.url));

/** What one run of the demo printed, and its exit code. */
export interface DemoResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The user a read-only folder is read-only for: root writes through any mode, so as root the
 * demo runs as `nobody` (uid 65534), for whom a folder root owns with mode 555 is read-only too.
 */
const root = process.getuid?.() === 0;

/**
 * Runs the demo with `args`. `readOnly` names a folder the demo must find read-only: chmod 555
 * does that for a user, but root writes through it, so under root the demo runs in a private
 * mount namespace where that folder is bind-mounted read-only (a clone may sit in a 0700 folder
 * that another user could not enter, so running as another user is no way out).
 */
export function demo(
  args: readonly string[],
  { readOnly }: { readonly readOnly?: string } = {},
): Promise<DemoResult> {
  const node = [process.execPath, '--import', 'tsx', 'src/main.ts', ...args];
  const [file, ...rest] =
    root && readOnly !== undefined
      ? [
          'unshare',
          '-m',
          '--propagation',
          'private',
          'sh',
          '-c',
          'mount --bind -o ro "$1" "$1" && shift && exec "$@"',
          '_',
          readOnly,
          ...node,
        ]
      : node;
  return new Promise((resolve) => {
    execFile(
      file as string,
      rest,
      {
        cwd: exampleDir,
        env: { ...process.env, INIT_CWD: exampleDir, NODE_NO_WARNINGS: '1' },
        timeout: 110_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        // Killed at the timeout (a machine far busier than CI's): say so, not an empty stdout.
        const killed = error?.killed ? `\n[the demo was killed after 110 s: ${error.signal}]` : '';
        resolve({ code, stdout, stderr: stderr + killed });
      },
    );
  });
}

/** Sets `path` and everything under it to `mode` for folders and `mode & 0o666` for files. */
export function chmodTree(path: string, mode: number): void {
  if (statSync(path).isDirectory()) {
    chmodSync(path, mode);
    for (const name of readdirSync(path)) chmodTree(join(path, name), mode);
  } else {
    chmodSync(path, mode & 0o666);
  }
}
