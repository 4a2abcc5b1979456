import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PlainDate } from '@maslul/timing';
import { START } from './dates.js';

// The demo's command line. `npm run demo -- <flags>` runs `tsx src/main.ts <flags>` inside the
// example's folder; INIT_CWD is where the user typed the command, so `--data` is read from there.

/** What the demo was asked to do. */
export interface DemoOptions {
  /** The PGlite folder, absolute. */
  readonly dataDir: string;
  /** Stop after the events of this simulated date (inclusive), or run to the end. */
  readonly until: PlainDate | undefined;
  /** Continue the run stored in `dataDir` instead of starting afresh. */
  readonly resume: boolean;
  /** Print hashes of the final snapshot, history and timers (to compare runs; not in the README). */
  readonly printSnapshotHash: boolean;
}

/** The folder the user typed the command in (npm sets INIT_CWD), else this process's. */
const userDir = () => process.env.INIT_CWD ?? process.cwd();

/** `examples/authority-run/.maslul-data`, whatever folder the demo is started from. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.maslul-data', import.meta.url));

export const USAGE = `Usage: npm run demo [-- [--until YYYY-MM-DD] [--resume] [--data <dir>]]
  (no flags)         start afresh (drops the folder's earlier run) and run the whole program
  --until <date>     run up to that simulated date, store everything and stop
  --resume           continue the run stored in the data folder (with --until: up to that date)
  --data <dir>       the PGlite folder (default: examples/authority-run/.maslul-data)`;

/** An `--until` value: a real date, not before the program starts. Shared with the dashboard. */
export function untilDate(value: string): PlainDate {
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!valid) throw new Error(`--until "${value}" is not a date: write it as YYYY-MM-DD.`);
  if (value < START) {
    throw new Error(`--until "${value}" is before the program starts; give ${START} or later.`);
  }
  return value as PlainDate;
}

/** The options from the command line's arguments; throws with the usage on a bad one. */
export function parseOptions(args: readonly string[]): DemoOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  return {
    dataDir: values.data === undefined ? DEFAULT_DATA_DIR : resolve(userDir(), values.data),
    until: values.until === undefined ? undefined : untilDate(values.until),
    resume: values.resume ?? false,
    printSnapshotHash: values['print-snapshot-hash'] ?? false,
  };
}

const parse = (args: readonly string[]) =>
  parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      data: { type: 'string' },
      until: { type: 'string' },
      resume: { type: 'boolean' },
      'print-snapshot-hash': { type: 'boolean' },
    },
  });

/** A folder as the user would type it: relative to where they are when it is inside, else absolute. */
export function shown(dir: string): string {
  const path = relative(userDir(), dir);
  return path === '' ? '.' : path.startsWith('..') || isAbsolute(path) ? dir : path;
}

/** The command that runs the demo with `flags` on `dataDir`, as the user would type it. */
export function demoCommand(flags: string, dataDir: string): string {
  const folder = shown(dataDir);
  const data = /[\s'"]/.test(folder) ? JSON.stringify(folder) : folder;
  return `npm run demo -- ${flags}${dataDir === DEFAULT_DATA_DIR ? '' : ` --data ${data}`}`;
}
