/// <reference types="node" />
// Every error code the server side can throw has its status in the table: the codes are read
// from the sources of the packages a server runs (timing, core, the stores, this app, and the
// exports an app may give it), so a new code anywhere fails here until it is given one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { httpStatusOf, STATUS } from '../http-status-of.js';

const packages = fileURLToPath(new URL('../../../', import.meta.url));
const SERVER_PACKAGES = ['timing', 'core', 'store', 'http', 'export'];
/** `code: 'x'`, and the first argument of the helpers that take the code first. */
const CODE =
  /(?:\bcode:\s*|\b(?:storeError|problem|refuse|fail)\(\s*|new Refusal\(\s*)'([a-z0-9-]+)'/g;

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourcesOf(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const thrown = new Map<string, string>();
for (const pkg of SERVER_PACKAGES) {
  for (const file of sourcesOf(join(packages, pkg, 'src'))) {
    for (const [, code] of readFileSync(file, 'utf8').matchAll(CODE)) {
      // zod's own issue code, in `ctx.addIssue({ code: 'custom' })`: not a MaslulError's.
      if (code !== 'custom') thrown.set(code as string, file.slice(packages.length));
    }
  }
}

describe('httpStatusOf', () => {
  it('finds the codes in the sources (the scan works)', () => {
    expect(thrown.size).toBeGreaterThan(60);
    expect(thrown.get('folder-in-use')).toMatch(/^store\//);
  });

  it.each([...thrown])('has a status for "%s" (thrown in %s)', (code) => {
    expect(Object.hasOwn(STATUS, code)).toBe(true);
  });

  it('lists no code that nothing throws', () => {
    expect(Object.keys(STATUS).filter((code) => !thrown.has(code))).toEqual([]);
  });

  it('maps the codes a request can cause to a 4xx', () => {
    const expected = [
      ['invalid-id', 400],
      ['invalid-date', 400],
      ['invalid-instant', 400],
      ['before-start', 422],
      ['future-event', 422],
      ['folder-in-use', 500],
      ['corrupt-record', 500],
      ['constructor', 500],
      ['__proto__', 500],
    ] as const;
    for (const [code, status] of expected)
      expect([code, httpStatusOf(code)]).toEqual([code, status]);
  });
});
