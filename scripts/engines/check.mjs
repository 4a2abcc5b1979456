// Checks that the Node.js the README names is the one every package can run on: the README's
// "Node.js X.Y or later", the root's and every workspace's `engines.node`, and the `engines.node`
// of every package the lockfile installs. `npm ci` on the oldest Node the README names then prints
// no EBADENGINE warning. Run by `npm run lint` (so by `npm test` too).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { engineProblems } from './engine-problems.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file) => readFileSync(join(root, file), 'utf8');

const problems = engineProblems({
  readme: read('README.md'),
  rootPackage: JSON.parse(read('package.json')),
  lockfile: JSON.parse(read('package-lock.json')),
  satisfies: (version, range) => semver.satisfies(version, range),
  minVersion: (range) => semver.minVersion(range)?.version,
});
for (const problem of problems) console.error(`engines: ${problem}`);
if (problems.length > 0) process.exit(1);
console.log('engines: every locked package runs on the Node.js the README names');
