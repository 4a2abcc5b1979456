import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  markdownFiles,
  removeSnippets,
  root,
  type Snippet,
  snippetDir,
  snippetsOf,
  transpile,
  typeCheck,
  writeSnippets,
} from './snippets.js';

const run = promisify(execFile);
const snippets = markdownFiles().flatMap(snippetsOf);
let errors: Map<Snippet, string[]>;

beforeAll(() => {
  writeSnippets(snippets);
  errors = typeCheck(snippets);
});
afterAll(removeSnippets);

describe('the TypeScript blocks of the docs and READMEs', () => {
  it('finds blocks in the README and in every guide', () => {
    const files = new Set(snippets.map((snippet) => snippet.file));
    expect(files).toContain('README.md');
    // The guides show code; the project's documents (the program, the design, the style) are prose.
    const guides = markdownFiles().filter(
      (name) =>
        name.startsWith('docs/') && /^group: Guides$/m.test(readFileSync(join(root, name), 'utf8')),
    );
    expect(guides.length).toBeGreaterThan(5);
    for (const file of guides) expect(files, `${file} has no TypeScript block`).toContain(file);
  });

  describe.concurrent.each(snippets.map((snippet) => [snippet.name, snippet] as const))(
    '%s',
    (_, snippet) => {
      it('compiles with the strict flags, as a Node ESM module', () => {
        expect(errors.get(snippet)?.join('\n')).toBe('');
      });
      if (!snippet.run) return; // compile-only: a server, a database or a browser
      it('runs to the end (exit code 0)', async () => {
        const file = transpile(snippet);
        const { stderr } = await run(process.execPath, [file], {
          cwd: snippetDir,
          timeout: 50_000,
          env: { ...process.env, NODE_NO_WARNINGS: '1' },
        });
        expect(stderr).toBe('');
      });
    },
  );
});
