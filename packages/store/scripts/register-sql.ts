/// <reference types="node" />
// The store's migrations are `.sql` files imported as text: tsup's `.sql` loader does it for the
// build and a vitest plugin for the tests. This module-loader hook does it for tsx, so the bench
// and the reliability tests' child processes run the package's sources, never a stale dist/.
// Load it first: `node --import tsx --import ./scripts/register-sql.ts`, or import it before the
// first dynamic import of a module that reaches `src/sql/migrate.ts` (a static import of one
// would be loaded before this hook is registered).
import { register } from 'node:module';

const hooks = `
import { readFile } from 'node:fs/promises';
export async function load(url, context, next) {
  if (!url.endsWith('.sql')) return next(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
