/// <reference types="node" />
// Runs a child script of this folder in its own Node process (TypeScript through tsx, the store
// from its sources) and reads what it prints, one complete line at a time.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface Child {
  /** Its process id. */
  readonly pid: number;
  /** The complete lines it printed so far. */
  readonly lines: readonly string[];
  /** Calls `listener` with each complete line as it comes. */
  onLine(listener: (line: string) => void): void;
  /** Resolves to the first line that matches; rejects if the child exits before printing one. */
  waitFor(match: (line: string) => boolean): Promise<string>;
  /** Writes one line to its stdin. */
  write(line: string): void;
  /** SIGKILL: no cleanup, no flush, like a power cut of the process. */
  kill(): void;
  /** Resolves when it has exited and its stdout is read to the end. */
  readonly exited: Promise<ChildExit>;
  /** What it printed to stderr, for failure messages. */
  stderr(): string;
}

const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
const registerSql = fileURLToPath(new URL('../../../scripts/register-sql.ts', import.meta.url));

/**
 * @param script - a file of this folder, e.g. `./child-sender.ts`
 * @param input - passed to it as JSON in `process.argv[2]`
 */
export function spawnChild(script: string, input: unknown): Child {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', registerSql, file, JSON.stringify(input)],
    { cwd: packageRoot, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  let pending = '';
  let errors = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    // A line cut short by the kill has no newline: it was never printed whole, so never counts.
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const listener of listeners) listener(line);
    }
  });
  child.stderr.on('data', (chunk: string) => {
    errors += chunk;
  });
  // A child killed before it reads its stdin must not fail the test with EPIPE.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<ChildExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return {
    pid: child.pid as number,
    lines,
    onLine: (listener) => {
      listeners.push(listener);
    },
    waitFor: (match) =>
      new Promise((resolve, reject) => {
        const found = lines.find(match);
        if (found !== undefined) return resolve(found);
        listeners.push((line) => {
          if (match(line)) resolve(line);
        });
        void exited.then((exit) =>
          reject(
            new Error(`${script} exited (${exit.code ?? exit.signal}) first:\n${errors.trim()}`),
          ),
        );
      }),
    write: (line) => {
      child.stdin.write(`${line}\n`);
    },
    kill: () => {
      child.kill('SIGKILL');
    },
    exited,
    stderr: () => errors,
  };
}

/** Resolves to the first line of stdin (the parent's "go"). */
export function firstLineOfStdin(): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) {
        process.stdin.destroy();
        resolve(text.slice(0, end));
      }
    });
  });
}

/**
 * Starts one child per input, waits until each prints `ready`, tells them all `go` at once, and
 * gives each one's printed lines once it exited with code 0 (a failure names its stderr). Every
 * child is killed at the end, whatever happened.
 */
export async function runTogether(
  script: string,
  inputs: readonly unknown[],
): Promise<(readonly string[])[]> {
  const children = inputs.map((input) => spawnChild(script, input));
  try {
    await Promise.all(children.map((child) => child.waitFor((line) => line === 'ready')));
    for (const child of children) child.write('go');
    return await Promise.all(
      children.map(async (child) => {
        const exit = await child.exited;
        if (exit.code !== 0) throw new Error(`${script} failed (${exit.code}):\n${child.stderr()}`);
        return child.lines;
      }),
    );
  } finally {
    for (const child of children) child.kill();
  }
}
