import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { demoCommand, shown } from './options.js';

// What `--data` must name before PGlite is given it: a folder (or a path where one can be made)
// that this process may write in. PGlite's own errors for these (an `ErrnoError` with errno 2,
// "PGlite failed to initialize properly", a raw ENOTDIR) name neither the folder nor the fix.

const writable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** The path itself if it exists, else its nearest ancestor that does. */
function nearestExisting(path: string): string {
  let at = path;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/**
 * Throws a one-line error that names the folder and the fix when `dir` cannot hold the run:
 * it or a folder above it is a file, or it cannot be written (or made) by this process.
 * `resume` says the folder holds a stored run the demo carries on.
 */
export function checkDataFolder(dir: string, { resume }: { readonly resume: boolean }): void {
  const existing = nearestExisting(dir);
  if (!statSync(existing).isDirectory()) {
    const path = existing === dir ? 'a file' : `a path through the file "${shown(existing)}"`;
    throw new Error(
      `--data "${shown(dir)}" names ${path}, not a folder: give --data a folder (a new one is made if it does not exist).`,
    );
  }
  if (writable(existing)) return;
  if (resume) {
    throw new Error(
      `The stored run in "${shown(dir)}" is read-only: resuming stores its next events in the folder. Make it writable (chmod -R u+w "${shown(dir)}"), or copy it and resume the copy with \`${demoCommand('--resume', `${dir}-copy`)}\`.`,
    );
  }
  const where =
    existing === dir
      ? `The folder "${shown(dir)}" is read-only`
      : `The folder "${shown(dir)}" cannot be made: "${shown(existing)}" is read-only`;
  throw new Error(
    `${where}, and the demo stores every event in it; give --data a folder you can write to, such as \`npm run demo -- --data /tmp/maslul-demo\`.`,
  );
}
