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
const readOnlyUser = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534 } : {};

/** Runs the demo with `args`; `asReader` runs it as a user who can read but not write a 555 folder. */
export function demo(
  args: readonly string[],
  { asReader = false }: { readonly asReader?: boolean } = {},
): Promise<DemoResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', ...args],
      {
        cwd: exampleDir,
        env: { ...process.env, INIT_CWD: exampleDir, NODE_NO_WARNINGS: '1' },
        timeout: 110_000,
        ...(asReader ? readOnlyUser : {}),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
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
