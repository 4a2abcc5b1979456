import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodTree, demo } from './demo.js';

// Each mistake a user can make with --data, --resume and --until: one line on stderr that names
// the folder and says the fix, exit code 1, and nothing of PGlite's own errors.

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'maslul-demo-errors-'));
  chmodSync(base, 0o755);
});
afterAll(() => {
  chmodTree(base, 0o755);
  rmSync(base, { recursive: true, force: true });
});

const oneLine = (stderr: string) => {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/ErrnoError|PGlite failed|ENOTDIR|EACCES|at .*\.ts:\d+/);
  return stderr.trimEnd();
};

describe('npm run demo -- --data', () => {
  it('names a file given as the folder, and says to give a folder', async () => {
    const file = join(base, 'notes.txt');
    writeFileSync(file, 'not a folder\n');
    const { code, stdout, stderr } = await demo(['--data', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toBe(
      `--data "${file}" names a file, not a folder: give --data a folder (a new one is made if it does not exist).`,
    );
  });

  it('names the file a path goes through', async () => {
    const file = join(base, 'plain-file');
    writeFileSync(file, '');
    const { code, stderr } = await demo(['--data', join(file, 'run')]);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(
      `--data "${join(file, 'run')}" names a path through the file "${file}", not a folder: give --data a folder (a new one is made if it does not exist).`,
    );
  });

  it('names a read-only folder, and says to give one that can be written', async () => {
    const folder = join(base, 'read-only');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const { code, stderr } = await demo(['--data', folder], { readOnly: folder });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(
      `The folder "${folder}" is read-only, and the demo stores every event in it; give --data a folder you can write to, such as \`npm run demo -- --data /tmp/maslul-demo\`.`,
    );
  });

  it('names the read-only folder a new one cannot be made in', async () => {
    const parent = join(base, 'read-only-parent');
    mkdirSync(parent);
    chmodSync(parent, 0o555);
    const { code, stderr } = await demo(['--data', join(parent, 'run')], { readOnly: parent });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(
      `The folder "${join(parent, 'run')}" cannot be made: "${parent}" is read-only, and the demo stores every event in it; give --data a folder you can write to, such as \`npm run demo -- --data /tmp/maslul-demo\`.`,
    );
  });
});

describe('npm run demo -- --resume, on a stored run', () => {
  let run: string;
  beforeAll(async () => {
    run = join(base, 'run');
    // S0 on 2026-09-07, then S1, the mapping's start and nothing more up to 2026-09-22.
    const started = await demo(['--data', run, '--until', '2026-09-22']);
    expect(started.stderr).toBe('');
    expect(started.stdout).toContain('Stopped at 2026-09-22: 3 of');
  }, 120_000);

  it('says the run is already past the --until date, and what to run instead', async () => {
    const { code, stdout, stderr } = await demo([
      '--data',
      run,
      '--resume',
      '--until',
      '2026-09-10',
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toBe(
      `The run in "${run}" is already past 2026-09-10: its last event, #3 ("S2.start"), is on 2026-09-22, so --until 2026-09-10 has nothing to run; give --until a later date, \`npm run demo -- --resume --data ${run}\` for the rest, or start afresh with \`npm run demo -- --until 2026-09-10 --data ${run}\`.`,
    );
  });

  it('carries on to a later --until date', async () => {
    const { code, stdout, stderr } = await demo([
      '--data',
      run,
      '--resume',
      '--until',
      '2026-09-23',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Stopped at 2026-09-23: 3 of');
  });

  it('names a read-only stored run, and says how to resume it', async () => {
    chmodTree(run, 0o555);
    try {
      const { code, stderr } = await demo(['--data', run, '--resume'], { readOnly: run });
      expect(code).toBe(1);
      expect(oneLine(stderr)).toBe(
        `The stored run in "${run}" is read-only: resuming stores its next events in the folder. Make it writable (chmod -R u+w "${run}"), or copy it and resume the copy with \`npm run demo -- --resume --data ${run}-copy\`.`,
      );
    } finally {
      chmodTree(run, 0o755);
    }
  });
});
