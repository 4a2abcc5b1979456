import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../server/build-page.js';

// `npm run dashboard -- --port N` with N taken: one line that names the port and the fix, exit 1.

let holder: Server;
let port: number;
beforeAll(async () => {
  holder = createServer().listen(0, '127.0.0.1');
  await once(holder, 'listening');
  port = (holder.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

const server = (args: readonly string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--no-build', ...args],
      { cwd: ROOT, timeout: 60_000, env: { ...process.env, NODE_NO_WARNINGS: '1' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });

describe('npm run dashboard -- --port', () => {
  it('names a port in use and says how to give another', async () => {
    const { code, stdout, stderr } = await server([
      '--port',
      String(port),
      '--until',
      '2026-09-07',
    ]);
    expect(code).toBe(1);
    expect(stdout).not.toContain('Dashboard: http');
    expect(stderr).toBe(
      `Port ${port} on 127.0.0.1 is in use (another dashboard, or another server): stop what holds it, or give another port with \`npm run dashboard -- --port ${port + 1}\` (--port 0 picks a free one).\n`,
    );
  });
});
