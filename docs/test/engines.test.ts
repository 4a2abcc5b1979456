import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { engineProblems, readmeNode } from '../../scripts/engines/engine-problems.mjs';
import { root } from './snippets.js';

// The Node.js the README names against the engines of every package the lockfile installs:
// `npm ci` on that Node prints no EBADENGINE (scripts/engines/check.mjs runs this in lint).

const semverOf = {
  satisfies: (version: string, range: string) => semver.satisfies(version, range),
  minVersion: (range: string) => semver.minVersion(range)?.version,
};
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('the Node.js the README names', () => {
  it('is 20.19, and every locked package and workspace runs on it', () => {
    expect(readmeNode(read('README.md'))).toBe('20.19.0');
    const problems = engineProblems({
      readme: read('README.md'),
      rootPackage: JSON.parse(read('package.json')),
      lockfile: JSON.parse(read('package-lock.json')),
      ...semverOf,
    });
    expect(problems).toEqual([]);
  });

  it('names a locked package that needs a newer Node, and a workspace with another floor', () => {
    const problems = engineProblems({
      readme: 'Node.js 20.19 or later.',
      rootPackage: { name: 'maslul' },
      lockfile: {
        packages: {
          '': { name: 'maslul', engines: { node: '>=20.19' } },
          'packages/core': { name: '@maslul/core', engines: { node: '>=22' } },
          'examples/demo': { name: 'demo' },
          'node_modules/mermaid': { version: '12.3.0', engines: { node: '>=22.12.0' } },
          'node_modules/katex/node_modules/commander': {
            version: '8.3.0',
            engines: { node: '>= 12' },
          },
          'node_modules/plain': { version: '1.0.0' },
        },
      },
      ...semverOf,
    });
    expect(problems).toEqual([
      'packages/core/package.json has engines.node ">=22"; the README says Node.js 20.19.0 or later: write ">=20.19".',
      "mermaid@12.3.0 (node_modules/mermaid) needs Node.js >=22.12.0, and the README says 20.19.0 or later: pin a version of it (or of what depends on it) that runs on 20.19.0, or raise the README's Node.",
    ]);
  });

  it('asks the README to name a Node when it names none', () => {
    expect(
      engineProblems({ readme: 'Any Node.', rootPackage: {}, lockfile: {}, ...semverOf }),
    ).toEqual(['README.md names no "Node.js X.Y or later": say which Node maslul needs.']);
  });
});
