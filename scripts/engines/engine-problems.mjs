// The checks of check.mjs as one pure function, so a test can give it a README and a lockfile.

/** `Node.js 20.19 or later` in the README's "Working on maslul" section, as `20.19.0`. */
export function readmeNode(readme) {
  const found = /Node\.js (\d+)\.(\d+)(?:\.(\d+))? or later/.exec(readme);
  return found ? `${found[1]}.${found[2]}.${found[3] ?? 0}` : undefined;
}

/**
 * What is wrong, one sentence each naming the package and the fix: the README names no Node
 * version, an `engines.node` floor other than the README's, or a locked package that needs a
 * newer Node than the README's.
 *
 * @param input.satisfies - semver.satisfies
 * @param input.minVersion - the lowest version a range allows (semver.minVersion), as a string
 */
export function engineProblems({ readme, rootPackage, lockfile, satisfies, minVersion }) {
  const node = readmeNode(readme);
  if (!node) return ['README.md names no "Node.js X.Y or later": say which Node maslul needs.'];
  const problems = [];
  for (const [path, entry] of Object.entries(lockfile.packages ?? {})) {
    const range = entry.engines?.node;
    const workspace = !path.includes('node_modules/');
    const name =
      path === '' ? rootPackage.name : (entry.name ?? path.replace(/^.*node_modules\//, ''));
    if (workspace) {
      // maslul's own packages say the README's floor, no more and no less (the root must say it;
      // the private examples and docs may say nothing).
      if (
        (path === '' || range !== undefined) &&
        (range === undefined || minVersion(range) !== node)
      ) {
        problems.push(
          `${path === '' ? 'package.json' : `${path}/package.json`} has engines.node ${JSON.stringify(range)}; the README says Node.js ${node} or later: write ">=${node.replace(/\.0$/, '')}".`,
        );
      }
      continue;
    }
    if (range === undefined) continue;
    if (!satisfies(node, range)) {
      problems.push(
        `${name}@${entry.version} (${path}) needs Node.js ${range}, and the README says ${node} or later: pin a version of it (or of what depends on it) that runs on ${node}, or raise the README's Node.`,
      );
    }
  }
  return problems;
}
