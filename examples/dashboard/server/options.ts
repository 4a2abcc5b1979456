import { parseArgs } from 'node:util';
import type { PlainDate } from '@maslul/timing';
import { untilDate } from '../../authority-run/src/options.js';

// The dashboard server's command line: `npm run dashboard -- --port 5180 --until 2027-11-21`.

/** What the server was asked to do. */
export interface ServerOptions {
  /** The port on 127.0.0.1; 0 picks a free one (the line printed on start names it). */
  readonly port: number;
  /** The simulated day the page opens on: the script's events up to it are stored first. */
  readonly until: PlainDate;
  /** Build the page first when its sources are newer than dist/ (off with --no-build). */
  readonly build: boolean;
}

/** The default port: Vite's dev server is 5173, this is the one after it. */
export const DEFAULT_PORT = 5174;

/**
 * The default day: shaping-committee meeting 5 (S8) is two days past its window and not yet
 * held, the channel teams' work is done, the eight initiatives are in support, the review and
 * the decisions are still ahead; the next event of the script is S8 itself.
 */
export const DEFAULT_UNTIL: PlainDate = '2027-05-10';

export const USAGE = `Usage: npm run dashboard [-- [--port N] [--until YYYY-MM-DD] [--no-build]]
  --port <n>        the port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 for a free one)
  --until <date>    the simulated day the page opens on (default ${DEFAULT_UNTIL}); the script's
                    events up to that day are recorded first. 2027-11-21: the decisions are made
  --no-build        serve dist/ as it is, without rebuilding the page when its sources changed`;

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65_535) {
    throw new Error(`--port "${value}" is not a port: give a whole number from 0 to 65535.`);
  }
  return n;
}

/** The options from the command line's arguments; throws with the usage on a bad one. */
export function parseOptions(args: readonly string[]): ServerOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  return {
    port: values.port === undefined ? DEFAULT_PORT : port(values.port),
    until: values.until === undefined ? DEFAULT_UNTIL : untilDate(values.until),
    build: !values['no-build'],
  };
}

const parse = (args: readonly string[]) =>
  parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      until: { type: 'string' },
      'no-build': { type: 'boolean' },
    },
  });
