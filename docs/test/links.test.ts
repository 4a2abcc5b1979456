import { describe, expect, it } from 'vitest';
import { findingsOf, repositoryFindings } from './links.js';

// Built from parts, so that this file does not itself hold what it looks for.
const up = (...parts: string[]) => ['..', ...parts].join('/');
const program = ['PROGRAM', 'md'].join('.');

describe('what the repository points at', () => {
  it('has no link, relative path or document name that a fresh clone lacks', () => {
    const findings = repositoryFindings().map(
      (finding) => `${finding.file}:${finding.line}: ${finding.message}`,
    );
    expect(findings).toEqual([]);
  });

  describe('findingsOf', () => {
    const present = new Set(['README.md', 'docs', 'docs/program.md', 'docs/timing.md']);
    const messages = (file: string, text: string) =>
      findingsOf(file, text, present).map((finding) => `${finding.line}: ${finding.message}`);

    it('accepts links to files a clone has, web addresses and anchors', () => {
      const text = [
        '[the program](./program.md) and [timing](timing.md#solve), [up](../README.md),',
        '[docs](../docs/), [site](https://example.org/x.md), [here](#top), [mail](mailto:a@b.c)',
        '[ref]: ./program.md',
      ].join('\n');
      expect(messages('docs/guide.md', text)).toEqual([]);
    });

    it('names a link to a file a clone does not have (a generated or a missing one)', () => {
      expect(
        messages('README.md', 'see [the API](docs/api/index.html)\n\n[x]: docs/gone.md'),
      ).toEqual([
        '1: the link "docs/api/index.html" names "docs/api/index.html", which a clone does not have',
        '3: the link "docs/gone.md" names "docs/gone.md", which a clone does not have',
      ]);
    });

    it('names a link and a path that go outside the repository', () => {
      const target = up('shared', program);
      expect(messages('README.md', `The design: [it](${target}).`)).toEqual([
        `1: the link "${target}" points outside the repository: move what it names into it`,
        `1: "${target}" goes outside the repository from README.md: name a file inside it`,
        `1: "${program}" is not in a clone: name docs/program.md`,
      ]);
    });

    it('accepts a relative path in code that stays inside the repository', () => {
      const code = `new URL('${up('..', '..')}/', import.meta.url); import '${up('src', 'x.js')}';`;
      expect(messages('packages/store/src/__tests__/a.test.ts', code)).toEqual([]);
      expect(messages('packages/a.ts', `const rules = '${up('..', 'shared')}';`)).toEqual([
        `1: "${up('..', 'shared')}" goes outside the repository from packages/a.ts: name a file inside it`,
      ]);
    });

    it('names a path on one machine', () => {
      const path = ['', 'home', 'someone', 'maslul'].join('/');
      expect(messages('docs/a.md', `run it in ${path}`)).toEqual([
        `1: "${path.slice(0, -'/maslul'.length)}" is a path on one machine: name a path in the repository`,
      ]);
    });
  });
});
